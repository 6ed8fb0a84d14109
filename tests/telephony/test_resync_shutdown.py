"""A call in progress when the link to Asterisk goes away, at the AmiSource level: the PBX
says `Shutdown` (or the link just drops), the source logs in again, re-syncs from
CoreShowChannels and the call goes on: ringing once, answered once, then ended.

Real AmiSource and AMI client against the fake Asterisk on 127.0.0.1, fed the recorded
queue call (tests/telephony/recorded_calls.py). The monitor-level drop test
(test_monitor.py) covers the JSON lines; this one covers Shutdown and the exact updates.
"""

from __future__ import annotations

import asyncio

import pytest

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.telephony.ami_source import AmiSource
from cti_desk.telephony.sources import parse_source
from tests.telephony.fake_ami import FakeAmi, frame, list_reply, run
from tests.telephony.recorded_calls import QueueCall, to_wire

CALL = QueueCall(uid="asterisk-1740666060.311", number="0312345678", name=r"O\'Brien", agent="2001")



class Seat:
    """AmiSource on the fake PBX; every CallUpdate it emits, in order."""

    def __init__(self, pbx: FakeAmi) -> None:
        self.pbx = pbx
        self.source = AmiSource(parse_source(f"ami://admin:s3cret@127.0.0.1:{pbx.port}"))
        self.source.config.ami.reconnect_initial = 0.01  # fast, still the real backoff code
        self.updates: list[CallUpdate] = []
        self._changed = asyncio.Event()
        self.task: asyncio.Task | None = None

    def _emit(self, u: CallUpdate) -> None:
        self.updates.append(u)
        self._changed.set()

    async def __aenter__(self) -> Seat:
        self.task = asyncio.create_task(self.source.run(self._emit))
        await self.pbx.wait_for_action("CoreShowChannels")
        return self

    async def __aexit__(self, *exc) -> None:
        assert self.task is not None
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)

    def states(self) -> list[CallState]:
        return [u.state for u in self.updates if u.state_changed]

    async def until_state(self, state: CallState) -> None:
        while state not in self.states():
            self._changed.clear()
            await self._changed.wait()

    async def settled(self) -> None:
        """Everything the PBX sent so far has been handled (its answer to a Ping comes after)."""
        client = self.source._client
        assert client is not None
        await client.send_action("Ping")


async def call_survives(link_lost) -> tuple[list[CallUpdate], int]:
    async with FakeAmi() as pbx, Seat(pbx) as seat:
        await pbx.push(to_wire(CALL.arrives()))
        await seat.until_state(CallState.RINGING)
        # While the seat is away the agent answers: the PBX lists the call as bridged.
        pbx["CoreShowChannels"] = list_reply(
            "CoreShowChannelsComplete",
            [to_wire([m]) for m in CALL.show_channels(leg_state="6", bridged=True)])
        await link_lost(pbx)
        await pbx.wait_for_action("CoreShowChannels", count=2)
        await seat.until_state(CallState.ANSWERED)
        await pbx.push(to_wire(CALL.completed()))
        await seat.until_state(CallState.ENDED)
        await seat.settled()
        return seat.updates, pbx.logins


@pytest.mark.parametrize("how", ["shutdown", "drop"])
def test_call_in_progress_survives_a_lost_link(how):
    async def shutdown(pbx: FakeAmi) -> None:
        await pbx.shutdown(shutdown="Uncleanly", restart="True")

    async def drop(pbx: FakeAmi) -> None:
        pbx.drop()

    updates, logins = run(lambda: call_survives(shutdown if how == "shutdown" else drop))
    changes = [u for u in updates if u.state_changed]
    assert [(u.state, u.agent) for u in changes] == [
        (CallState.RINGING, None), (CallState.ANSWERED, "PJSIP/2001"), (CallState.ENDED, "PJSIP/2001")]
    assert {u.call_id for u in updates} == {CALL.uid}
    assert {(u.raw_number, u.caller_name) for u in changes} == {("0312345678", "O'Brien")}
    assert [u.queue for u in changes] == [None, CALL.queue, CALL.queue]  # ringing came with the line
    assert updates[-1] is changes[-1]  # nothing after the end
    assert logins == 2


def test_pbx_restarted_and_the_call_is_gone():
    """Shutdown with Restart: True and the PBX really restarting: it is down for a moment,
    comes back on the same port with no channels. The caller never reached anyone: missed."""

    async def scenario():
        async with FakeAmi() as pbx, Seat(pbx) as seat:
            await pbx.push(to_wire(CALL.arrives()))
            await seat.until_state(CallState.RINGING)
            await pbx.shutdown(shutdown="Cleanly", restart="True")
            await pbx.stop_listening()
            await pbx.listen()
            await pbx.wait_for_action("CoreShowChannels", count=2)
            await seat.until_state(CallState.MISSED)
            # The restarted PBX says FullyBooted and then unrelated traffic: no repeats.
            await pbx.push(frame(Event="FullyBooted", Privilege="system,all", Status="Fully Booted"))
            await seat.settled()
            return seat.states(), pbx.logins

    states, logins = run(scenario)
    assert states == [CallState.RINGING, CallState.MISSED]
    assert logins == 2
