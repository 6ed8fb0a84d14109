"""A PostgreSQL store that stops answering (a partition: bytes held, no reset) under a
running `cti-desk monitor`: lines still go out while it is gone, the webhook keeps
answering, stderr says so once, and once more when the store is back."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from sqlalchemy.engine import make_url

from cti_desk.store.db import open_store
from tests.factories import add_customer
from tests.tcp_proxy import TcpProxy
from tests.telephony.monitor_cli import Monitor

HOLD_SECONDS = 15  # how long the store is gone, as in the report (issue 10)
CALLS_WHILE_GONE = 5


@pytest.mark.pg
def test_monitor_keeps_printing_while_the_store_is_partitioned(pg_url):
    store = open_store(pg_url)
    customer = add_customer(store, name="山田 太郎", phones=("03-1234-5678",))
    store.dispose()
    url = make_url(pg_url)

    async def scenario():
        with TcpProxy((url.host, url.port), lifetime=120) as proxy:
            db = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
            async with Monitor("webhook://127.0.0.1:0", db) as mon:
                port = int((await mon.stderr_line(r"listening on http://127\.0\.0\.1:(\d+)"))[1])
                async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http:
                    async def send(call_id, event="ringing"):
                        async with http.post("/events", json={"call_id": call_id, "event": event,
                                                              "from": "0312345678"}) as r:
                            return r.status

                    assert await send("before") == 202
                    before = await mon.line()

                    proxy.hold()
                    loop = asyncio.get_running_loop()
                    back_at = loop.time() + HOLD_SECONDS
                    gone, answers = [], []
                    for i in range(CALLS_WHILE_GONE):
                        answers.append(await send(f"gone{i}"))
                        async with http.get("/health") as r:
                            answers.append(r.status)
                        gone.append(await mon.line())
                        gone.append(("holding", proxy.holding))  # the line came while it held
                        if i == 0:
                            unreachable = (await mon.stderr_line(r"store unreachable.*"))[0]
                        await asyncio.sleep(max(0.0, back_at - loop.time()) / (CALLS_WHILE_GONE - i))
                    assert await send("gone0", "ended") == 202
                    missed = await mon.line()
                    still_holding = proxy.holding
                    proxy.resume()

                    await mon.stderr_line(r"store reachable again")
                    assert await send("after") == 202
                    after = await mon.line()
                code, _rest, err = await mon.stop()
        return before, gone, answers, unreachable, missed, still_holding, after, code, err

    before, gone, answers, unreachable, missed, still_holding, after, code, err = asyncio.run(scenario())
    assert (before["resolution"], before["customer_ids"]) == ("unique", [customer])
    lines, holding = gone[0::2], gone[1::2]
    assert holding == [("holding", True)] * CALLS_WHILE_GONE
    assert [line["call_id"] for line in lines] == [f"gone{i}" for i in range(CALLS_WHILE_GONE)]
    for line in lines:  # out on time, unresolved, the number still normalized
        assert (line["state"], line["number"], line["resolution"], line["customer_ids"]) == (
            "ringing", "+81312345678", None, [])
    assert set(answers) == {202, 200}  # events and /health answered all along
    assert (missed["call_id"], missed["state"], missed["resolution"]) == ("gone0", "missed", None)
    assert still_holding
    assert (after["resolution"], after["customer_ids"]) == ("unique", [customer])
    assert "no answer within" in unreachable
    assert err.count("store unreachable") == 1 and err.count("store reachable again") == 1
    assert "Traceback" not in err
    assert code == 0
