"""The relay's NOTIFY carries the event itself, so a seat need not read each row: on the
test PostgreSQL, a real RelayLeader publishing and a real RelaySource subscribed.

Data: call updates made here (one with a caller lookup of 3,000 customer ids, too big
for a NOTIFY, and a state published again as another relay would: no row, but a sequence number
taken, a gap). The seat must still get every state once, in order."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.telephony.relay_publish import RelayLeader
from cti_desk.telephony.relay_source import RelaySource
from cti_desk.telephony.relay_wire import CHANNEL, KIND_CALL, connect_args, read_notice

pytestmark = pytest.mark.pg

T0 = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
SMALL = {"number": "+81312345678", "resolution": "unique", "customer_ids": [7]}
HUGE = {"number": "+81312345678", "resolution": "ambiguous", "customer_ids": list(range(100000, 103000))}


def _update(call: str, state: CallState, s: int) -> CallUpdate:
    return CallUpdate(call, state, "0312345678", None, "support", None, T0 + timedelta(seconds=s),
                      source="sim")


def test_a_notice_is_the_event_or_its_bare_id():
    notice = read_notice('{"id": 12, "kind": "call", "payload": {"state": "ringing"}}')
    assert (notice.event_id, notice.kind, notice.payload, notice.whole) == (12, "call", {"state": "ringing"}, True)
    assert read_notice("13").event_id == 13 and not read_notice("13").whole
    for junk in ("", "x", '{"id": "12"}', '{"kind": "call"}', "{not json"):
        assert read_notice(junk) is None


def test_a_seat_gets_each_state_once_from_notices_through_a_gap_and_an_oversized_event(pg_url):
    args = connect_args(pg_url, "test")
    leader = RelayLeader(args, "test")
    seat = RelaySource(None, args, poll=30.0)  # no poll read in this test: the notices must do
    got: list[tuple[str, str, int]] = []
    heard: list[str] = []

    async def scenario():
        import psycopg

        await leader.connect()
        assert await leader.try_lock()
        listener = await psycopg.AsyncConnection.connect(**args, autocommit=True)
        await listener.execute(f"LISTEN {CHANNEL}")
        def emit(u: CallUpdate) -> None:
            got.append((u.call_id, u.state.value, len((seat.caller(u.call_id) or {}).get("customer_ids", []))))

        follow = asyncio.create_task(seat.run(emit))
        while seat.last_seen is None:
            await asyncio.sleep(0.01)
        plan = [("a", CallState.RINGING, SMALL), ("a", CallState.ANSWERED, SMALL),
                ("b", CallState.RINGING, HUGE),  # too big: the notice is its id, the seat reads it
                ("a", CallState.ENDED, SMALL), ("b", CallState.MISSED, SMALL)]
        for n, (call, state, caller) in enumerate(plan):
            await leader.publish_update(_update(call, state, n), caller)
            if n == 2:  # another relay's repeat: no row, but a sequence number taken (a gap)
                assert await leader.publish(KIND_CALL, "a", "answered", {}, once="answered:a") is None
        async for notify in listener.notifies(timeout=2.0, stop_after=5):
            heard.append(notify.payload)
        while len(got) < 5:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.2)  # nothing more may come
        follow.cancel()
        await listener.close()
        await leader.release()
        await leader.close()

    asyncio.run(asyncio.wait_for(scenario(), 20))
    assert got == [("a", "ringing", 1), ("a", "answered", 1), ("b", "ringing", 3000), ("a", "ended", 1),
                   ("b", "missed", 1)]
    notices = [read_notice(text) for text in heard]
    assert [n.whole for n in notices] == [True, True, False, True, True]
    assert notices[0].kind == KIND_CALL and notices[0].payload["caller"] == SMALL
    assert notices[3].event_id == notices[2].event_id + 2  # the repeat's gap, bridged by a read
    assert all(len(text.encode()) < 8000 for text in heard)
    assert json.loads(heard[0])["payload"]["state"] == "ringing"
