"""The store's PostgreSQL restarted under a relay and its seat (a private server started
in the test: the shared one stays up for everyone else). Three calls happen while it is
down: the relay keeps the PBX link and holds their updates, publishes them once the
server is back (nobody else published meanwhile), and the seat, reconnected, gets each
state once and in order."""

from __future__ import annotations

import asyncio

import pytest

from cti_desk.store.db import open_store
from tests.factories import add_customer
from tests.telephony.fake_ami import FakeAmi
from tests.telephony.monitor_cli import Monitor
from tests.telephony.recorded_calls import QueueCall, to_wire
from tests.telephony.relay_cli import PrivatePostgres, RelayCli

pytestmark = [pytest.mark.pg, pytest.mark.slow]


@pytest.fixture
def server(pg_template):  # pg_template: skipped where no PostgreSQL is installed
    pg = PrivatePostgres()
    yield pg
    pg.close()


def test_calls_during_a_restart_of_the_store_reach_the_seat_once(server):
    store = open_store(server.url)  # the schema, and a customer who calls
    known = add_customer(store, name="佐藤 花子", phones=("03-1234-5511",))
    store.dispose()
    calls = [QueueCall(uid=f"asterisk-1740666060.{n}", number=f"0312345{n}", agent="2001")
             for n in (511, 611, 711)]
    first = QueueCall(uid="asterisk-1740666060.411", number="0312345411", agent="2002")
    last = QueueCall(uid="asterisk-1740666060.811", number="0312345811", agent="2002")

    async def scenario():
        async with FakeAmi() as pbx:
            url = f"ami://admin:s3cret@127.0.0.1:{pbx.port}"
            async with RelayCli(url, server.url) as relay, Monitor("relay", server.url) as seat:
                await relay.stderr_line("relay: active")
                await pbx.wait_for_action("QueueStatus")
                await seat.stderr_line("relay: subscribed")
                await pbx.push(to_wire(first.whole_answered()))
                before = await seat.lines(3)
                await asyncio.to_thread(server.stop)
                await relay.stderr_line("relay: lost the store")
                for call in calls:
                    await pbx.push(to_wire(call.whole_answered()))
                await asyncio.to_thread(server.start)
                held = (await relay.stderr_line(r"publishing the (\d+) updates held"))[1]
                during = await seat.lines(9)
                await pbx.push(to_wire(last.arrives()))
                next_line = await seat.line()
                seat_code, _out, seat_err = await seat.stop()
                code, err = await relay.stop()
        return before, held, during, next_line, seat_code, seat_err, code, err

    before, held, during, next_line, seat_code, seat_err, code, err = asyncio.run(scenario())
    short = lambda lines: [(ln["call_id"][-3:], ln["state"]) for ln in lines]  # noqa: E731
    assert short(before) == [("411", s) for s in ("ringing", "answered", "ended")]
    assert short(during) == [(c.uid[-3:], s) for c in calls for s in ("ringing", "answered", "ended")]
    assert short([next_line]) == [("811", "ringing")]  # nothing twice before it
    assert int(held) > 0
    assert [ln["customer_ids"] for ln in during[:3]] == [[known]] * 3  # looked up once it was back
    assert "relay: lost the store" in seat_err and "catching up from event" in seat_err
    assert seat_code == 0 and code == 0
    assert "Traceback" not in err + seat_err
