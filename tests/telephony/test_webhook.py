"""The webhook source over real HTTP on 127.0.0.1 (aiohttp client -> aiohttp server)."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.telephony.webhook import MAX_BODY, WebhookSource

R, A, E, M = CallState.RINGING, CallState.ANSWERED, CallState.ENDED, CallState.MISSED


def run_webhook(scenario, token: str | None = None) -> list[CallUpdate]:
    updates: list[CallUpdate] = []

    async def main() -> None:
        source = WebhookSource("127.0.0.1", 0, token)
        task = asyncio.create_task(source.run(updates.append))
        started = asyncio.create_task(source.started.wait())
        await asyncio.wait({task, started}, return_when=asyncio.FIRST_COMPLETED)
        if task.done():
            task.result()
        try:
            async with aiohttp.ClientSession(f"http://127.0.0.1:{source.port}") as http:
                await scenario(http)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    asyncio.run(main())
    return updates


async def post(http: aiohttp.ClientSession, body, headers=None) -> tuple[int, dict]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    async with http.post("/events", data=data,
                         headers={"Content-Type": "application/json", **(headers or {})}) as r:
        return r.status, await r.json(content_type=None)


def states(updates, call_id=None):
    return [(u.call_id, u.state) for u in updates if call_id is None or u.call_id == call_id]


def test_a_call_answered_and_ended():
    async def scenario(http):
        assert (await post(http, {"call_id": "abc", "event": "ringing", "from": "+81312345678",
                                  "to": "0501234567", "caller_name": "山田 太郎", "queue": "support"}))[0] == 202
        assert (await post(http, {"call_id": "abc", "event": "answered", "agent": "PJSIP/2001"}))[0] == 202
        assert (await post(http, {"call_id": "abc", "event": "ended"}))[0] == 202

    updates = run_webhook(scenario)
    assert states(updates) == [("abc", R), ("abc", A), ("abc", E)]
    assert {u.raw_number for u in updates} == {"+81312345678"}
    assert {u.caller_name for u in updates} == {"山田 太郎"}
    assert updates[0].agent is None and updates[1].agent == updates[2].agent == "PJSIP/2001"
    assert {u.queue for u in updates} == {"support"}
    assert all(u.source == "webhook" and u.ts.tzinfo is not None for u in updates)


def test_ended_without_answer_is_missed_and_repeats_are_dropped():
    async def scenario(http):
        for event in ("ringing", "ringing", "ended", "ended", "answered", "ringing"):
            assert (await post(http, {"call_id": "c1", "event": event, "from": "0312345678"}))[0] == 202

    assert states(run_webhook(scenario)) == [("c1", R), ("c1", M)]


def test_a_pbx_that_skips_ringing_still_gives_a_whole_call():
    async def scenario(http):
        await post(http, {"call_id": "c2", "event": "answered", "from": "0312345678"})
        await post(http, {"call_id": "c3", "event": "ended"})

    assert states(run_webhook(scenario)) == [("c2", R), ("c2", A), ("c3", R), ("c3", M)]


def test_missing_from_is_withheld():
    async def scenario(http):
        await post(http, {"call_id": "w", "event": "ringing"})

    (update,) = run_webhook(scenario)
    assert update.raw_number is None


@pytest.mark.parametrize("body, message", [
    (b"not json", "not JSON"),
    (b"\xff\xfe", "not JSON"),
    (b"[1, 2]", "not a JSON object"),
    (b'"ringing"', "not a JSON object"),
    (b'{"event": "ringing"}', "call_id"),
    (b'{"call_id": "", "event": "ringing"}', "call_id"),
    (b'{"call_id": "x", "event": "hold"}', "event"),
    (b'{"call_id": "x"}', "event"),
    (b'{"call_id": "x", "event": "ringing", "from": 312345678}', "from"),
])
def test_bad_bodies_are_400_with_a_reason(body, message):
    async def scenario(http):
        status, answer = await post(http, body)
        assert status == 400
        assert message in answer["error"]

    assert run_webhook(scenario) == []


def test_token_is_required_when_configured():
    async def scenario(http):
        event = {"call_id": "t", "event": "ringing", "from": "0312345678"}
        assert (await post(http, event))[0] == 401
        assert (await post(http, event, {"Authorization": "Bearer wrong"}))[0] == 401
        assert (await post(http, event, {"Authorization": "s3cret"}))[0] == 401
        status, answer = await post(http, b"not json", {"Authorization": "Bearer wrong"})
        assert status == 401 and "error" in answer
        assert (await post(http, event, {"Authorization": "Bearer s3cret"}))[0] == 202

    assert states(run_webhook(scenario, token="s3cret")) == [("t", R)]


def _body_of_size(size: int) -> bytes:
    head = b'{"call_id": "big", "event": "ringing", "caller_name": "'
    tail = b'"}'
    return head + b"x" * (size - len(head) - len(tail)) + tail


def test_body_size_limit_is_64_kib():
    async def scenario(http):
        assert (await post(http, _body_of_size(MAX_BODY + 1)))[0] == 413
        # chunked, with no Content-Length to reject it upfront
        async def chunks():
            yield _body_of_size(MAX_BODY + 1)
        async with http.post("/events", data=chunks()) as r:
            assert r.status == 413
        status, _ = await post(http, _body_of_size(MAX_BODY))
        assert status == 202

    (update,) = run_webhook(scenario)
    assert len(_body_of_size(MAX_BODY)) == 65_536
    assert update.caller_name == "x" * 100  # taken, and bounded


def test_health():
    async def scenario(http):
        async with http.get("/health") as r:
            assert r.status == 200

    run_webhook(scenario)


def test_concurrent_calls_stay_apart():
    async def scenario(http):
        await asyncio.gather(*(
            post(http, {"call_id": f"k{i}", "event": "ringing", "from": f"0312345{i:03d}"})
            for i in range(20)
        ))
        for i in range(20):
            await post(http, {"call_id": f"k{i}", "event": "answered" if i % 2 else "ended"})

    updates = run_webhook(scenario)
    for i in range(20):
        assert [s for _, s in states(updates, f"k{i}")] == ([R, A] if i % 2 else [R, M])
        assert {u.raw_number for u in updates if u.call_id == f"k{i}"} == {f"0312345{i:03d}"}


async def _raw_post(port: int, body: bytes, authorization: bytes | None = None) -> int:
    """A request with bytes no well-behaved client sends; returns the status code."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    auth = b"Authorization: " + authorization + b"\r\n" if authorization is not None else b""
    writer.write(b"POST /events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + auth
                 + b"Connection: close\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    await writer.drain()
    status_line = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return int(status_line.split()[1])


def run_raw(requests, token: str | None = None) -> tuple[list[int], list[CallUpdate]]:
    codes: list[int] = []

    async def scenario(http):
        port = http._base_url.port
        for body, authorization in requests:
            codes.append(await _raw_post(port, body, authorization))

    return codes, run_webhook(scenario, token)


def test_deeply_nested_json_is_400_not_a_server_error():
    codes, updates = run_raw([(b"[" * 60_000, None), (b'{"a":' * 13_000, None)])
    assert codes == [400, 400] and updates == []


def test_an_authorization_header_that_is_not_utf8_is_401():
    event = b'{"call_id": "t", "event": "ringing", "from": "0312345678"}'
    codes, updates = run_raw([(event, b"Bearer s3\xff\xfecret"), (event, b"Bearer s3cret")], token="s3cret")
    assert codes == [401, 202] and states(updates) == [("t", R)]


def test_a_lone_surrogate_in_from_is_taken_and_printable():
    codes, updates = run_raw([(b'{"call_id": "s", "event": "ringing", "from": "03\\ud80012345678"}', None)])
    assert codes == [202]
    (update,) = updates
    update.raw_number.encode("utf-8")  # the monitor writes it to stdout as UTF-8
    assert update.raw_number == "0312345678"
