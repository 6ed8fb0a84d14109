"""Two relays for one PBX (active/standby): each call state is published once, and the
standby takes over when the active one is killed (SIGKILL: no goodbye), re-syncing from
the PBX so no call is lost: one answered, one ended and one started while no relay was
publishing. Real `cti-desk relay` processes, a seat on `monitor --source relay`, the
fake Asterisk replaying recorded-shape queue calls, the test PostgreSQL."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest
from sqlalchemy import select

from cti_desk.domain.calls import NEXT_STATES, CallState
from cti_desk.store.db import open_store
from cti_desk.store.models import CallEventRow, CallLogEntry, RelayHeartbeat
from tests.telephony.fake_ami import FakeAmi, list_reply
from tests.telephony.monitor_cli import Monitor
from tests.telephony.recorded_calls import QueueCall, to_wire
from tests.telephony.relay_cli import RelayCli

pytestmark = [pytest.mark.pg, pytest.mark.slow]


def _call(n: int, agent: str) -> QueueCall:
    return QueueCall(uid=f"asterisk-1740666060.{n}", number=f"0312345{n}", agent=agent)


def test_the_standby_takes_over_and_each_state_is_published_once(pg_url):
    talking = _call(311, "2001")  # answered before the kill, ends after the takeover
    picked_up = _call(411, "2002")  # rings before the kill, answered while no relay publishes
    gave_up = _call(511, "2003")  # rings before the kill, the caller hangs up meanwhile
    newcomer = _call(611, "2001")  # starts while no relay publishes
    last = _call(711, "2002")

    async def scenario():
        async with FakeAmi() as pbx:
            url = f"ami://admin:s3cret@127.0.0.1:{pbx.port}"
            async with RelayCli(url, pg_url) as first, Monitor("relay", pg_url) as seat:
                await first.stderr_line("relay: active")
                await pbx.wait_for_action("QueueStatus")
                async with RelayCli(url, pg_url) as second:
                    standby = (await second.stderr_line(r"relay: standby: (.*) holds the lock"))[1]
                    await seat.stderr_line("relay: subscribed")
                    await pbx.push(to_wire(talking.arrives() + talking.answered()))
                    await pbx.push(to_wire(picked_up.arrives() + gave_up.arrives()))
                    before = await seat.lines(4)
                    clients_before = pbx.connected_clients  # the standby keeps off the PBX
                    pbx["CoreShowChannels"] = list_reply("CoreShowChannelsComplete", [
                        to_wire([m]) for m in talking.show_channels(leg_state="6", bridged=True)
                        + picked_up.show_channels(leg_state="6", bridged=True)
                        + newcomer.show_channels(leg_state="5")])
                    first.kill()
                    await first.proc.wait()
                    took_over = (await second.stderr_line(r"relay: active: .*\((.*)\)"))[1]
                    await pbx.wait_for_action("CoreShowChannels", count=2)
                    after_takeover = await seat.lines(3)
                    await pbx.push(to_wire(talking.completed() + picked_up.completed()
                                           + newcomer.abandoned()))
                    ends = await seat.lines(3)
                    await pbx.push(to_wire(last.arrives()))
                    next_line = await seat.line()
                    code, err = await second.stop()
                    await seat.stop()
        return standby, before, clients_before, took_over, after_takeover, ends, next_line, code, err

    standby, before, clients_before, took_over, after_takeover, ends, next_line, code, err = asyncio.run(scenario())
    assert "pid" in standby and clients_before == 1
    assert took_over == "took over from the relay that stopped"
    short = lambda lines: [(ln["call_id"][-3:], ln["state"]) for ln in lines]  # noqa: E731
    assert short(before) == [("311", "ringing"), ("311", "answered"), ("411", "ringing"), ("511", "ringing")]
    # Re-synced from the PBX: only what the store did not hold yet, in no particular order.
    assert sorted(short(after_takeover)) == [("411", "answered"), ("511", "missed"), ("611", "ringing")]
    assert sorted(short(ends)) == [("311", "ended"), ("411", "ended"), ("611", "missed")]
    assert short([next_line]) == [("711", "ringing")]  # and nothing twice before it
    agents = {ln["call_id"][-3:]: ln["agent"] for ln in after_takeover + ends if ln["state"] in ("answered", "ended")}
    assert agents == {"311": "PJSIP/2001", "411": "PJSIP/2002"}
    assert code == 0 and "Traceback" not in err

    store = open_store(pg_url)
    try:
        with store.session() as s:
            events = s.scalars(select(CallEventRow).where(CallEventRow.kind == "call",
                                                          CallEventRow.once_key.is_not(None))
                               .order_by(CallEventRow.id)).all()
            log = {r.call_id[-3:]: r.state for r in s.scalars(select(CallLogEntry))}
            beats = s.scalars(select(RelayHeartbeat)).all()
    finally:
        store.dispose()
    assert all(n == 1 for n in Counter((e.call_id, e.state) for e in events).values())
    by_call: dict[str, list[str]] = {}
    for e in events:
        by_call.setdefault(e.call_id[-3:], []).append(e.state)
    for states in by_call.values():  # each call's states in a legal order, none skipped
        previous = None
        for state in states:
            assert CallState(state) in NEXT_STATES[previous]
            previous = CallState(state)
    assert log == {"311": "ended", "411": "ended", "511": "missed", "611": "missed", "711": "ringing"}
    # The killed relay's row stays (stale); the one that stopped cleanly removed its own.
    assert [b.active for b in beats] == [True]
