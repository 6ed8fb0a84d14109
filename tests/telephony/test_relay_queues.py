"""`cti-desk queues --source relay` (what a supervisor on the relay charts) gives the
figures a direct `cti-desk queues` gives, also when started mid-morning: the members
come from the relay's last QueueStatus, the counts so far from its events and call log.
Fake Asterisk replaying queue traffic composed from the recordings (queue_traffic.py)."""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy import select

from cti_desk.store.db import open_store
from cti_desk.store.models import CallEventRow
from tests.telephony.fake_ami import FakeAmi
from tests.telephony.queue_traffic import QUEUE, calls, morning_members, with_hold
from tests.telephony.recorded_calls import to_wire
from tests.telephony.relay_cli import RelayCli
from tests.telephony.test_queues_cli import KEYS, Queues, queue_status

pytestmark = [pytest.mark.pg, pytest.mark.slow]


def _published(url: str, kind: str) -> None:
    store = open_store(url)
    try:
        for _ in range(300):
            with store.session() as s:
                if s.scalar(select(CallEventRow.id).where(CallEventRow.kind == kind).limit(1)):
                    return
            time.sleep(0.05)
        raise AssertionError(f"the relay published no {kind} event")
    finally:
        store.dispose()


def _figures(line: dict) -> dict:
    return {k: line[k] for k in KEYS if k not in ("ts", "longest_wait_s")}


def test_queue_figures_from_the_relay_are_a_direct_ones(pg_url):
    one, two, three, four, five = calls()

    async def scenario():
        async with FakeAmi() as pbx:
            pbx["QueueStatus"] = queue_status(morning_members())
            url = f"ami://admin:s3cret@127.0.0.1:{pbx.port}"
            async with RelayCli(url, pg_url) as relay, Queues("--source", url, "--db", pg_url) as direct:
                await relay.stderr_line("relay: active")
                await pbx.wait_for_action("QueueStatus", count=2)  # the relay's and the direct one's
                await direct.until(lambda x: x["agents"]["offline"] == 1)
                await asyncio.to_thread(_published, pg_url, "resync")  # the relay's floor is out too
                await pbx.push(to_wire(with_hold(one.whole_answered(), 5)
                                       + with_hold(two.arrives() + two.answered(), 25)))
                await direct.until(lambda x: x["offered"] == 2 and x["agents"]["on_call"] == 1)
                async with Queues("--source", "relay", "--db", pg_url) as seat:
                    joined = await seat.until(lambda x: x["offered"] == 2 and x["agents"]["on_call"] == 1)
                    await seat.stderr_line(r"relay: subscribed at event \d+")
                    await pbx.push(to_wire(with_hold(three.whole_answered(), 12)
                                           + with_hold(four.whole_abandoned(), 40) + five.arrives()))
                    done = lambda x: x["offered"] == 5 and x["agents"]["ringing"] == 1  # noqa: E731
                    mine, theirs = await seat.until(done), await direct.until(done)
                    seat.proc.terminate()
                    await seat.proc.wait()
                await relay.stop()
        return joined, mine, theirs

    joined, mine, theirs = asyncio.run(scenario())
    assert joined["queue"] == QUEUE
    assert joined["agents"] == {"available": 1, "on_call": 1, "ringing": 0, "paused": 1, "offline": 1}
    assert (joined["answered"], joined["answered_within_sl"], joined["asa_s"]) == (2, 1, 15.0)  # HoldTimes
    assert _figures(mine) == _figures(theirs)
    assert (mine["offered"], mine["answered"], mine["abandoned"], mine["service_level"]) == (5, 3, 1, 0.5)
