"""`cti-desk monitor` records every call it prints in the store's call log (issue 11):
the real command fed by the webhook, on SQLite and PostgreSQL; two monitors hearing the
same call make one row; a store that never answers holds no line back."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

import aiohttp
import pytest
from sqlalchemy import select

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.services.calllog_writer import CallLogWriter
from cti_desk.store.db import open_store
from cti_desk.store.models import CallLogEntry
from tests.factories import add_customer
from tests.telephony.monitor_cli import Monitor

SAFETY = 30  # seconds: only so a broken build fails instead of hanging


async def _port(mon: Monitor) -> int:
    return int((await mon.stderr_line(r"listening on http://127\.0\.0\.1:(\d+)"))[1])


async def _send(port: int, **event) -> None:
    async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http, \
            http.post("/events", json=event) as r:
        assert r.status == 202


def _rows(url: str) -> dict[str, CallLogEntry]:
    store = open_store(url)
    try:
        with store.session() as s:
            return {r.call_id: r for r in s.scalars(select(CallLogEntry))}
    finally:
        store.dispose()


def _wait_for_rows(url: str, done: dict[str, str]) -> dict[str, CallLogEntry]:
    """The call log catches up after the lines: poll until every call is in its state."""
    deadline = time.monotonic() + SAFETY
    while True:
        rows = _rows(url)
        if all(c in rows and rows[c].state == st for c, st in done.items()) or time.monotonic() > deadline:
            return rows
        time.sleep(0.1)


def test_every_printed_call_is_in_the_call_log(store, store_url):
    customer = add_customer(store, name="山田 太郎", phones=("03-1234-5678",))

    async def scenario():
        async with Monitor("webhook://127.0.0.1:0", store_url) as mon:
            port = await _port(mon)
            await _send(port, call_id="c1", event="ringing", **{"from": "0312345678"}, queue="support")
            await _send(port, call_id="c1", event="answered", agent="PJSIP/2001")
            await _send(port, call_id="c1", event="answered", agent="PJSIP/2002")  # a repeat
            await _send(port, call_id="c1", event="ended")
            await _send(port, call_id="c2", event="ringing", caller_name="非通知")
            await _send(port, call_id="c2", event="ended")
            lines = await mon.lines(5)
            rows = await asyncio.to_thread(_wait_for_rows, store_url, {"c1": "ended", "c2": "missed"})
            code, _rest, err = await mon.stop()
        return lines, rows, code, err

    lines, rows, code, err = asyncio.run(scenario())
    assert [(ln["call_id"], ln["state"]) for ln in lines] == [
        ("c1", "ringing"), ("c1", "answered"), ("c1", "ended"), ("c2", "ringing"), ("c2", "missed")]
    assert code == 0 and "Traceback" not in err
    c1, c2 = rows["c1"], rows["c2"]
    assert (c1.state, c1.customer_id, c1.segment, c1.resolution, c1.e164, c1.queue, c1.agent) == (
        "ended", customer, "prospect", "unique", "+81312345678", "support", "PJSIP/2001")
    assert c1.rang_at <= c1.answered_at <= c1.ended_at
    assert (c2.state, c2.customer_id, c2.resolution, c2.answered_at) == ("missed", None, "anonymous", None)
    assert c2.ended_at is not None
    assert set(rows) == {"c1", "c2"}


def test_two_monitors_hearing_one_call_make_one_row(store, store_url):
    customer = add_customer(store, name="佐藤 花子", phones=("090-1111-2222",))

    async def scenario():
        async with Monitor("webhook://127.0.0.1:0", store_url) as one, \
                Monitor("webhook://127.0.0.1:0", store_url) as two:
            ports = [await _port(one), await _port(two)]
            for event, extra in (("ringing", {"from": "09011112222"}), ("answered", {"agent": "PJSIP/2003"}),
                                 ("ended", {})):
                await asyncio.gather(*(_send(p, call_id="shared", event=event, **extra) for p in ports))
            await one.lines(3)
            await two.lines(3)
            rows = await asyncio.to_thread(_wait_for_rows, store_url, {"shared": "ended"})
            await one.stop()
            await two.stop()
        return rows

    rows = asyncio.run(scenario())
    assert list(rows) == ["shared"]
    assert (rows["shared"].state, rows["shared"].customer_id, rows["shared"].agent) == (
        "ended", customer, "PJSIP/2003")


@pytest.mark.pg
def test_a_store_that_never_answers_holds_nothing_back(pg_url):
    """The writer's connection is held by a partition: submit returns at once, close
    gives up after its timeout, and the changes are written once the store is back."""
    from sqlalchemy.engine import make_url

    from tests.tcp_proxy import TcpProxy

    url = make_url(pg_url)
    with TcpProxy((url.host, url.port), lifetime=60) as proxy:
        db = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        store = open_store(db)
        writer = CallLogWriter(store)
        try:
            proxy.hold()
            ts = datetime.now(UTC)
            for i in range(50):
                writer.submit(CallUpdate(f"held{i}", CallState.RINGING, "0312345678", None, None, None, ts))
            assert not writer.flush(timeout=1.0)  # nothing written while held
            proxy.resume()
            assert writer.flush(timeout=SAFETY)
        finally:
            writer.close()
            store.dispose()
    assert len(_rows(pg_url)) == 50
