"""Click-to-dial and queue pause through the real AmiSource and AMI client, against the
fake Asterisk on 127.0.0.1 (real sockets)."""

from __future__ import annotations

import asyncio

import pytest

from cti_desk.domain.errors import BadArgument
from cti_desk.telephony.ami.client import ConnectionLost
from cti_desk.telephony.ami_source import ActionRefused, AmiSource, dial_digits
from cti_desk.telephony.sources import parse_source
from tests.telephony.fake_ami import FakeAmi, frame, list_reply, run

AGENT = "PJSIP/2001"



class Seat:
    """An AmiSource running against the fake PBX, logged in and re-synced."""

    def __init__(self, pbx: FakeAmi, query: str = "", follow: bool = False) -> None:
        self.pbx = pbx
        self.source = AmiSource(parse_source(f"ami://admin:s3cret@127.0.0.1:{pbx.port}{query}"))
        self.source.config.ami.reconnect_initial = 0.01
        self.paused: asyncio.Queue[bool] = asyncio.Queue()
        if follow:
            self.source.follow_agent(AGENT, self.paused.put_nowait)
        self.task: asyncio.Task | None = None

    async def __aenter__(self) -> Seat:
        self.task = asyncio.create_task(self.source.run(lambda _u: None))
        # The re-sync asks for the channels once logged in: actions work from then on.
        await self.pbx.wait_for_action("CoreShowChannels")
        return self

    async def __aexit__(self, *exc) -> None:
        assert self.task is not None
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)


def member(paused: str, queue: str = "support", location: str = AGENT, state: str | None = None) -> bytes:
    """A QueueMember list item as Asterisk sends it (see goami2-queues.txt)."""
    return frame(Event="QueueMember", Queue=queue, Name="Suzuki", Location=location,
                 StateInterface=state or location, Membership="static", Penalty="0",
                 CallsTaken="0", LastCall="0", InCall="0", Status="1", Paused=paused,
                 PausedReason="")


def test_originate_rings_the_agent_then_dials_the_national_number():
    async def scenario():
        async with FakeAmi() as pbx, Seat(pbx) as seat:
            dialled = await seat.source.originate(AGENT, "+81312345678")
            return dialled, await pbx.wait_for_action("Originate")

    dialled, action = run(scenario)
    assert dialled == "0312345678"
    assert (action.get("Channel"), action.get("Exten"), action.get("Context")) == (
        AGENT, "0312345678", "from-internal")
    assert (action.get("Priority"), action.get("Async"), action.get("Timeout")) == ("1", "true", "30000")
    assert action.get("CallerID") == '"0312345678" <2001>'


def test_dial_context_and_outside_line_prefix_from_the_url():
    async def scenario():
        async with FakeAmi() as pbx, Seat(pbx, "?dial_context=agents&dial_prefix=0") as seat:
            await seat.source.originate(AGENT, "+819011112222")
            await seat.source.originate(AGENT, "+14155550100")
            return await pbx.wait_for_action("Originate"), await pbx.wait_for_action("Originate", 2)

    mobile, abroad = run(scenario)
    assert (mobile.get("Exten"), mobile.get("Context")) == ("009011112222", "agents")
    assert abroad.get("Exten") == "001014155550100"  # 0 for the line, 010 international


def test_an_error_answer_is_a_clear_error():
    async def scenario():
        async with FakeAmi() as pbx, Seat(pbx) as seat:
            pbx["Originate"] = frame(Response="Error", Message="Extension does not exist.")
            with pytest.raises(ActionRefused) as refused:
                await seat.source.originate(AGENT, "+81312345678")
            return str(refused.value)

    assert run(scenario) == "the PBX refused the call to 0312345678: Extension does not exist."


def originate_outcome(response: str, reason: str):
    """Asterisk's answer to an async Originate: queued now, the outcome as an event later."""
    def answer(action):
        return [frame(Response="Success", Message="Originate successfully queued"),
                frame(Event="OriginateResponse", Privilege="call,all", ActionID="%ACTIONID%",
                      Response=response, Channel=action.get("Channel"), Context=action.get("Context"),
                      Exten=action.get("Exten"), Reason=reason, Uniqueid="<null>",
                      CallerIDNum="<unknown>", CallerIDName="<unknown>")]
    return answer


def test_a_queued_call_that_fails_later_is_reported():
    async def scenario():
        async with FakeAmi() as pbx:
            seat = Seat(pbx)
            failures: asyncio.Queue[str] = asyncio.Queue()
            seat.source.follow_agent(AGENT, lambda _p: None, failures.put_nowait)
            async with seat:
                pbx["Originate"] = originate_outcome("Success", "4")
                await seat.source.originate(AGENT, "+81312345678")
                pbx["Originate"] = originate_outcome("Failure", "3")
                queued = await seat.source.originate(AGENT, "+819011112222")
                why = await failures.get()
                return queued, why, failures.empty(), seat.source._dialling

    queued, why, only_one, left = run(scenario)
    assert queued == "09011112222"  # queued: the outcome comes later
    assert why == "the call to 09011112222 did not go through: your phone did not answer"
    assert only_one and left == {}


def test_not_connected_no_agent_and_bad_numbers_are_clear_errors():
    async def scenario():
        async with FakeAmi() as pbx:
            source = Seat(pbx).source  # never started
            with pytest.raises(ConnectionLost, match="not connected to the PBX"):
                await source.originate(AGENT, "+81312345678")
            with pytest.raises(ConnectionLost, match="not connected to the PBX"):
                await source.queue_pause(AGENT, True)
            with pytest.raises(ValueError, match="--agent"):
                await source.originate(None, "+81312345678")
            with pytest.raises(ValueError, match="not a phone interface"):
                await source.queue_pause("PJSIP/2001\r\nAction: Logoff", True)
            with pytest.raises(ValueError, match="not a number that can be dialled"):
                await source.originate(AGENT, "+81")
            return pbx.actions

    assert run(scenario) == []  # nothing reached the PBX


def test_queue_pause_and_resume():
    async def scenario():
        async with FakeAmi() as pbx, Seat(pbx) as seat:
            assert await seat.source.queue_pause(AGENT, True, reason="break") is True
            assert await seat.source.queue_pause(AGENT, False, queue="support") is False
            return await pbx.wait_for_action("QueuePause"), await pbx.wait_for_action("QueuePause", 2)

    pause, resume = run(scenario)
    assert (pause.get("Interface"), pause.get("Paused"), pause.get("Reason"), pause.get("Queue")) == (
        AGENT, "true", "break", None)
    assert (resume.get("Interface"), resume.get("Paused"), resume.get("Queue")) == (AGENT, "false", "support")


def test_queue_pause_refused():
    async def scenario():
        async with FakeAmi() as pbx, Seat(pbx) as seat:
            pbx["QueuePause"] = frame(Response="Error", Message="Interface not found")
            with pytest.raises(ActionRefused, match="refused to pause: Interface not found"):
                await seat.source.queue_pause(AGENT, True)

    run(scenario)


def test_pause_state_read_at_login_and_followed_from_events():
    async def scenario():
        async with FakeAmi() as pbx:
            pbx["QueueStatus"] = list_reply("QueueStatusComplete", [
                member("0", queue="sales", location="PJSIP/2002"),  # a colleague
                member("1", queue="support"),
                member("0", queue="vip"),
                member("0", queue="sales"),
            ])
            async with Seat(pbx, follow=True) as seat:
                at_login = await seat.paused.get()
                # A supervisor resumes the agent in support: no longer paused anywhere.
                await pbx.push(frame(Event="QueueMemberPause", Queue="support", MemberName="Suzuki",
                                     Interface=AGENT, StateInterface=AGENT, Paused="0", PausedReason=""))
                after_event = await seat.paused.get()
                await seat.source.queue_pause(AGENT, True)  # all queues
                after_action = await seat.paused.get()
                # Resumed in vip only: still paused in support and sales.
                await pbx.push(frame(Event="QueueMemberPause", Queue="vip", Interface=AGENT, Paused="0"))
                await seat.source._client.send_action("Ping")  # the event came before the Pong
                partly = seat.paused.empty()
                status = await pbx.wait_for_action("QueueStatus")
                return at_login, after_event, after_action, partly, status

    at_login, after_event, after_action, still_paused, status = run(scenario)
    assert (at_login, after_event, after_action, still_paused) == (True, False, True, True)
    assert status.get("Queue") is None  # every queue the agent is in


def test_a_local_channel_member_is_paused_by_its_own_interface():
    """A member reached through Local/ (StateInterface PJSIP/2001): QueuePause must name
    the member's interface, or Asterisk answers `Interface not found`."""
    local = "Local/2001@from-queue/n"

    async def scenario():
        async with FakeAmi() as pbx:
            pbx["QueueStatus"] = list_reply("QueueStatusComplete", [member("0", location=local, state=AGENT)])
            async with Seat(pbx, follow=True) as seat:
                assert await seat.paused.get() is False
                await seat.source.queue_pause(AGENT, True)
                assert await seat.paused.get() is True
                return await pbx.wait_for_action("QueuePause")

    assert run(scenario).get("Interface") == local


@pytest.mark.parametrize(("number", "prefix", "digits"), [
    ("+81312345678", "", "0312345678"),
    ("+81120123456", "", "0120123456"),
    ("+819011112222", "9", "909011112222"),
    ("+442071234567", "", "010442071234567"),
    ("2001", "0", "2001"),  # an extension: no outside line
    ("03-1234-5678", "", "0312345678"),
])
def test_dial_digits(number, prefix, digits):
    assert dial_digits(number, prefix) == digits


@pytest.mark.parametrize("bad", ["", "abc", "+81", "03-1234-5678;ext", "1" * 21])
def test_dial_digits_refuses(bad):
    with pytest.raises(ValueError):
        dial_digits(bad)


@pytest.mark.parametrize("query", ["?dial_context=bad%20name", "?dial_prefix=x", "?dial_prefix=12345"])
def test_bad_dial_options_are_bad_usage(query):
    with pytest.raises(BadArgument):
        parse_source(f"ami://u:p@h:1{query}")
