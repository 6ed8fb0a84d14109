"""The AMI call tracker fed with recorded Asterisk traffic (see recorded_calls.py for
how the queue sessions are composed from recorded frames)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.telephony.ami.message import Message
from cti_desk.telephony.calls import FINISHED_MEMORY, CallTracker, caller_name_of, interface_of
from tests.telephony.recorded_calls import QueueCall, recorded_messages, split_pack_28

JST = timezone(timedelta(hours=9))
R, A, E, M = CallState.RINGING, CallState.ANSWERED, CallState.ENDED, CallState.MISSED


def track(messages: list[Message], **kwargs) -> tuple[CallTracker, list[CallUpdate]]:
    out: list[CallUpdate] = []
    tracker = CallTracker(out.append, clock=lambda: datetime(2026, 11, 23, 10, 0, tzinfo=JST), **kwargs)
    for m in messages:
        tracker.handle(m)
    return tracker, out


def states(updates: list[CallUpdate], call_id: str | None = None) -> list[CallState]:
    return [u.state for u in updates if u.state_changed and (call_id is None or u.call_id == call_id)]


def test_recorded_sip_call_rings_is_answered_by_the_dialed_phone_and_ends():
    tracker, out = track(recorded_messages("goami2-call.txt"))
    assert states(out) == [R, A, E]
    ringing, answered, ended = (u for u in out if u.state_changed)
    # DialBegin: the dialed phone rings (a pop there), then it answered
    assert [u.ringing_at for u in out if not u.state_changed] == [frozenset({"SIP/okon.ferry.sip.com"})]
    assert answered.ringing_at == frozenset({"SIP/okon.ferry.sip.com"})
    assert {u.call_id for u in out} == {"1598887681.60"}
    # the outbound leg says CallerIDNum 9898: the caller is still 9170 throughout
    assert {u.raw_number for u in out} == {"9170"}
    assert {u.caller_name for u in out} == {"Bud Heller"}
    assert ringing.agent is None
    assert answered.agent == ended.agent == "SIP/okon.ferry.sip.com"
    assert ended.ringing_at == frozenset()
    assert all(u.source == "ami" and u.ts.utcoffset() == timedelta(hours=9) for u in out)
    assert tracker.calls_in_progress == 0


def test_answered_at_the_dial_end_when_the_recorded_frames_are_split():
    # The recording glues DialEnd onto a Newexten (pack 28); the parser sees one frame,
    # so above the answer comes from the bridge. Split, it comes from DialEnd ANSWER.
    messages = split_pack_28(recorded_messages("goami2-call.txt"))
    out: list[CallUpdate] = []
    tracker = CallTracker(out.append)
    for m in messages:
        tracker.handle(m)
        if m.event == "DialEnd":
            assert states(out) == [R, A]
    assert [u.agent for u in out if u.state_changed][1] == "SIP/okon.ferry.sip.com"


def test_queue_call_answered_by_an_agent():
    call = QueueCall()
    _, out = track(call.whole_answered())
    assert states(out) == [R, A, E]
    changes = [u for u in out if u.state_changed]
    assert changes[0].agent is None and changes[0].queue is None  # before the queue join
    assert changes[1].agent == changes[2].agent == "PJSIP/000"
    assert changes[1].queue == "test"
    assert {u.raw_number for u in out} == {"000193393"}  # never the agent's "000"
    # the queue said as soon as the caller joins it (no state change), then the pop
    # opened at the agent's phone when it rang, before the answer
    ring_updates = [u for u in out if not u.state_changed]
    assert [(u.queue, u.ringing_at) for u in ring_updates] == [
        ("test", frozenset()), ("test", frozenset({"PJSIP/000"}))]
    assert changes[1].ringing_at == frozenset({"PJSIP/000"})


def test_the_pbx_answering_the_line_for_the_queue_is_not_an_answer():
    call = QueueCall()
    _, out = track(call.arrives())
    assert states(out) == [R]  # Newstate Up of the caller's channel came and went


def test_caller_giving_up_in_the_queue_is_missed():
    call = QueueCall()
    _, out = track(call.whole_abandoned())
    assert states(out) == [R, M]
    assert out[-1].agent is None and out[-1].ringing_at == frozenset()
    # DialEnd CANCEL (the caller hung up) moves no phone: the missed call is still the
    # one that rang at PJSIP/000, not one that went elsewhere first (routing withdraws those)
    assert [u.ringing_at for u in out if not u.state_changed] == [frozenset(), frozenset({"PJSIP/000"})]


def test_agent_not_answering_stops_ringing_there_and_the_next_one_answers():
    first = QueueCall(agent="2001")
    second = QueueCall(agent="2002")  # the same caller, rung at another member next
    messages = first.arrives() + first.ring_no_answer() + second.arrives()[3:] + second.answered()
    _, out = track(messages)
    assert states(out) == [R, A]
    assert [u.ringing_at for u in out if not u.state_changed] == [
        frozenset(), frozenset({"PJSIP/2001"}), frozenset(), frozenset({"PJSIP/2002"}),
    ]  # the first: the queue is known (QueueCallerJoin)
    assert out[-1].agent == "PJSIP/2002"


def test_ringall_pop_closes_at_the_others_when_one_answers():
    a, b = QueueCall(agent="2001"), QueueCall(agent="2002")
    # both members ring for the same caller (b's legs get their own uniqueid)
    b.leg["Uniqueid"] = a.uid.rsplit(".", 1)[0] + ".999"
    messages = a.arrives() + b.arrives()[3:] + a.answered()
    _, out = track(messages)
    assert [u.ringing_at for u in out if not u.state_changed][-1] == frozenset({"PJSIP/2001", "PJSIP/2002"})
    answered = [u for u in out if u.state is A]
    assert len(answered) == 1 and answered[0].ringing_at == frozenset({"PJSIP/2001"})


@pytest.mark.parametrize("spelling", ["<unknown>", "unknown", "anonymous", "Anonymous",
                                      "private", "restricted", ""])
def test_withheld_callers_ring_like_any_other(spelling):
    call = QueueCall(number=spelling)
    _, out = track(call.whole_answered())
    assert states(out) == [R, A, E]
    assert {u.raw_number for u in out} == {spelling or None}


def test_recorded_empty_caller_number_of_asterisk_11():
    # panoramisk's Asterisk 11 Newchannel has "CallerIDNum: " and no Linkedid; here it
    # arrives on a trunk channel instead of the Local/ originate it was recorded on.
    messages = [m for m in recorded_messages("panoramisk-misc.txt") if m.event == "Newchannel"]
    pairs = [(k, "SIP/trunk-00000001" if k == "Channel" else v) for k, v in messages[0].pairs]
    _, out = track([Message(pairs)])
    assert states(out) == [R]
    assert out[0].call_id == "1414510600.0" and out[0].raw_number is None


def test_caller_name_is_unescaped_and_unknown_is_none():
    assert caller_name_of(r"O\'Brien") == "O'Brien"
    assert caller_name_of("山田 太郎") == "山田 太郎"
    assert caller_name_of("<unknown>") is None
    assert caller_name_of("x" * 5000) == "x" * 100
    _, out = track(QueueCall(name=r"O\'Brien \"Sales\"").arrives())
    assert out[0].caller_name == "O'Brien \"Sales\""


def test_two_interleaved_calls_are_kept_apart():
    one = QueueCall(uid="asterisk-1740666060.311", number="0312345678", agent="2001")
    two = QueueCall(uid="asterisk-1740666060.411", number="09011112222", agent="2002")
    a, b = one.whole_answered(), two.whole_abandoned()
    mixed = [m for pair in zip(a, b, strict=False) for m in pair] + a[len(b):]
    _, out = track(mixed)
    assert states(out, one.uid) == [R, A, E]
    assert states(out, two.uid) == [R, M]
    assert {u.raw_number for u in out if u.call_id == one.uid} == {"0312345678"}
    assert {u.raw_number for u in out if u.call_id == two.uid} == {"09011112222"}
    assert {u.agent for u in out if u.call_id == two.uid} == {None}


@pytest.mark.parametrize("session", ["goami2", "queue_answered", "queue_abandoned"])
def test_every_frame_twice_gives_the_same_calls(session):
    messages = {
        "goami2": lambda: recorded_messages("goami2-call.txt"),
        "queue_answered": lambda: QueueCall().whole_answered(),
        "queue_abandoned": lambda: QueueCall().whole_abandoned(),
    }[session]()
    _, once = track(messages)
    _, twice = track([m for m in messages for _ in range(2)])
    assert twice == once
    _, replayed = track(messages + messages)  # the whole call repeated after its end
    assert replayed == once


def test_outbound_calls_of_agents_are_not_incoming_calls():
    # An extension dialling an outside number: the recorded SIP call with its numbers
    # changed to the shape of an agent calling a customer.
    messages = []
    for m in recorded_messages("goami2-call.txt"):
        swap = {"CallerIDNum": "2001", "Exten": "0312345678"} if m.get("Uniqueid") == "1598887681.60" else {}
        messages.append(Message([(k, swap.get(k, v)) for k, v in m.pairs]))
    tracker, out = track(messages)
    assert out == [] and tracker.calls_in_progress == 0
    # An Originate (Local/ channels, recorded on Asterisk 11) is not a call either.
    _, out = track(recorded_messages("panoramisk-misc.txt"))
    assert out == []


def test_inbound_contexts_decide_what_is_incoming():
    recorded = recorded_messages("goami2-call.txt")
    assert track(recorded, inbound_contexts={"from-pstn"})[1] == []
    assert states(track(recorded, inbound_contexts={"default"})[1]) == [R, A, E]
    # a caller joining a queue is incoming whatever context it came in on
    assert states(track(QueueCall().whole_answered(), inbound_contexts={"from-pstn"})[1]) == [R, A, E]


def test_resync_pops_a_call_that_rang_during_the_outage_and_follows_it():
    call = QueueCall()
    tracker, out = track([])
    tracker.resync(call.show_channels(leg_state="5"))
    assert states(out) == [R]
    assert out[0].queue == "test" and out[0].raw_number == "000193393"
    assert out[-1].ringing_at == frozenset({"PJSIP/000"})
    for m in call.answered() + call.completed():
        tracker.handle(m)
    assert states(out) == [R, A, E]


def test_resync_of_a_call_answered_during_the_outage():
    call = QueueCall()
    tracker, out = track([])
    tracker.resync(call.show_channels(leg_state="6", bridged=True))
    assert states(out) == [R, A]
    assert out[-1].agent == "PJSIP/000"
    for m in call.completed():
        tracker.handle(m)
    assert states(out) == [R, A, E]


def test_resync_ends_or_misses_calls_that_vanished_during_the_outage():
    waiting, talking, still = (QueueCall(uid=f"asterisk-1740666060.{n}", agent=str(2000 + n))
                               for n in (311, 411, 511))
    tracker, out = track(waiting.arrives() + talking.arrives() + talking.answered() + still.arrives())
    tracker.resync(still.show_channels())
    assert states(out, waiting.uid) == [R, M]
    assert states(out, talking.uid) == [R, A, E]
    assert states(out, still.uid) == [R]
    assert tracker.calls_in_progress == 1


def test_memory_stays_bounded_over_many_calls():
    tracker, out = track([])
    for n in range(FINISHED_MEMORY + 50):
        for m in QueueCall(uid=f"asterisk-1.{10 * n}").whole_abandoned():
            tracker.handle(m)
    assert tracker.calls_in_progress == 0
    assert len(tracker._finished) == FINISHED_MEMORY
    assert not tracker._call_of_channel and not tracker._names and not tracker._bridges
    assert len(states(out)) == 2 * (FINISHED_MEMORY + 50)


def test_interface_of_channel_names():
    assert interface_of("PJSIP/2001-0000001a") == "PJSIP/2001"
    assert interface_of("SIP/9170-12-0000003c") == "SIP/9170-12"
    assert interface_of("Local/000@internal-00000003;2") == "Local/000@internal"


def test_resync_leaves_alone_calls_that_started_while_the_list_was_coming():
    early, late = QueueCall(uid="asterisk-1.100"), QueueCall(uid="asterisk-1.200")
    tracker, out = track(early.arrives())
    known = tracker.calls_known()
    for m in late.arrives():  # events keep flowing while CoreShowChannels is answered
        tracker.handle(m)
    tracker.resync(early.show_channels(), known)
    assert states(out, early.uid) == [R]
    assert states(out, late.uid) == [R]
    assert tracker.calls_in_progress == 2
