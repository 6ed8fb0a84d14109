"""Whose call it is, without Qt: the SeatRouter's rules, one by one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.services.routing import Action, Decision, Reason, SeatRouter

HERE, OTHER = "PJSIP/2001", "PJSIP/2002"
T0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
RINGING, ANSWERED, ENDED, MISSED = CallState.RINGING, CallState.ANSWERED, CallState.ENDED, CallState.MISSED


def u(call_id, state=RINGING, *, at=(), agent=None, queue="support", changed=True, s=0) -> CallUpdate:
    return CallUpdate(call_id, state, "0312345678", None, queue, agent, T0 + timedelta(seconds=s),
                      state_changed=changed, ringing_at=frozenset(at))


def seat(**kw) -> SeatRouter:
    return SeatRouter(HERE, **kw)


def talking(r: SeatRouter, call_id="a") -> None:
    assert r.route(u(call_id, at={HERE})).action is Action.POP
    assert r.route(u(call_id, ANSWERED, at={HERE}, agent=HERE)).action is Action.UPDATE


# -- whose call --------------------------------------------------------------------------


def test_a_call_ringing_at_this_phone_pops_when_the_operator_is_free():
    r = seat()
    assert r.route(u("a", at={HERE})) == Decision(Action.POP, Reason.RINGING_HERE)
    assert r.on_screen == "a" and not r.busy


def test_calls_ringing_elsewhere_or_only_in_the_queue_are_ignored():
    r = seat()
    assert r.route(u("a")).action is Action.IGNORE  # in the queue, no phone rings yet
    assert r.route(u("a", at={OTHER}, changed=False)).action is Action.IGNORE
    assert r.route(u("a", at={OTHER, HERE}, changed=False)).action is Action.POP  # now it rings here
    assert r.route(u("b", ANSWERED, agent=OTHER, at={OTHER})).action is Action.IGNORE
    assert r.route(u("c", MISSED)).action is Action.IGNORE  # never rang here
    assert not r.seen("b") and r.seen("a")


def test_without_a_phone_of_its_own_every_call_is_the_desks():
    r = SeatRouter(None)
    assert r.route(u("a")).action is Action.POP
    # Who answered is unknown to a desk without a phone: it answered.
    assert r.route(u("a", ANSWERED, agent=OTHER)) == Decision(Action.UPDATE, Reason.ANSWERED_HERE)
    assert r.busy


def test_pop_on_answer_queue_waits_for_the_answer_here():
    r = seat(pop_on_answer={"vip"})
    assert r.route(u("v", at={HERE}, queue="vip")).action is Action.IGNORE
    assert r.route(u("v", ANSWERED, at={HERE}, agent=HERE, queue="vip")) == Decision(
        Action.POP, Reason.ANSWERED_HERE)
    assert r.route(u("w", at={HERE}, queue="vip")).action is Action.IGNORE
    assert r.route(u("w", ANSWERED, at={OTHER}, agent=OTHER, queue="vip")).action is Action.IGNORE


# -- busy: announce, don't replace ---------------------------------------------------------


def test_a_ring_while_talking_is_announced_and_taken_over_with_one_action():
    r = seat()
    talking(r)
    d = r.route(u("b", at={HERE}, s=30))
    assert d == Decision(Action.ANNOUNCE, Reason.RINGING_HERE, busy=True)
    assert r.on_screen == "a" and r.announced == ("b",)
    assert r.take_over() == "b"
    assert r.on_screen == "b" and r.announced == ()
    assert r.take_over() is None  # nothing else waiting


def test_a_ring_while_wrapping_up_is_announced_until_the_wrapup_is_saved():
    r = seat()
    talking(r)
    assert r.route(u("a", ENDED, s=60)) == Decision(Action.UPDATE, None, busy=True)
    assert r.busy and r.pending_wrapups() == ("a",)
    assert r.route(u("b", at={HERE}, s=70)).action is Action.ANNOUNCE
    r.wrapped_up("a")
    assert not r.busy
    assert r.route(u("c", at={HERE}, s=80)).action is Action.POP
    assert r.announced == ("b",)  # still waiting to be taken over


def test_a_wrapup_parked_in_the_list_is_not_busy_while_another_call_is_on_screen():
    r = seat()
    talking(r)
    r.route(u("a", ENDED, s=60))
    assert r.route(u("b", at={HERE}, s=70)).action is Action.ANNOUNCE
    r.take_over("b")
    assert not r.busy  # b only rings; a's notes wait in the list
    r.shown("a")
    assert r.busy


def test_longest_waiting_announced_call_is_taken_over_first():
    r = seat()
    talking(r)
    r.route(u("b", at={HERE}, s=10))
    r.route(u("c", at={HERE}, s=20))
    assert r.announced == ("b", "c")
    assert r.take_over("c") == "c" and r.announced == ("b",)
    assert r.take_over("zzz") is None


def test_an_announced_call_picked_up_at_this_phone_pops():
    r = seat()
    talking(r)
    r.route(u("a", ENDED, s=60))
    r.route(u("b", at={HERE}, s=70))
    assert r.route(u("b", ANSWERED, at={HERE}, agent=HERE, s=75)) == Decision(
        Action.POP, Reason.ANSWERED_HERE, busy=True)
    assert r.on_screen == "b" and r.announced == ()


def test_a_second_call_answered_here_while_talking_is_announced_not_swapped():
    r = seat(pop_on_answer={"vip"})
    talking(r)
    assert r.route(u("v", ANSWERED, at={HERE}, agent=HERE, queue="vip")) == Decision(
        Action.ANNOUNCE, Reason.ANSWERED_HERE, busy=True)
    assert r.on_screen == "a"


def test_shown_from_the_list_takes_an_announced_call_over():
    r = seat()
    talking(r)
    r.route(u("b", at={HERE}))
    r.shown("b")
    assert r.announced == () and r.on_screen == "b"


def test_restored_wrapup_counts_as_busy_once_shown():
    r = seat()
    r.adopt("old", ENDED)
    assert not r.busy
    r.shown("old")
    assert r.busy
    assert r.route(u("b", at={HERE})).action is Action.ANNOUNCE


# -- withdraw ------------------------------------------------------------------------------


def test_ring_no_answer_here_withdraws_the_pop_and_brings_the_previous_call_back():
    r = seat()
    talking(r)
    r.route(u("a", ENDED, s=60))
    r.wrapped_up("a")
    r.route(u("b", at={HERE}, s=70))
    d = r.route(u("b", at=set(), changed=False, s=85))  # AgentRingNoAnswer
    assert d == Decision(Action.WITHDRAW, Reason.RANG_ELSEWHERE, back_to="a")
    assert r.on_screen is None and r.announced == ()
    assert r.seen("b")  # its later states still go to the call log
    # The queue tries another phone: still not this seat's.
    assert r.route(u("b", at={OTHER}, changed=False, s=86)).action is Action.IGNORE
    assert r.route(u("b", ANSWERED, at={OTHER}, agent=OTHER, s=90)).action is Action.IGNORE
    # Ringing here again later is a new pop.
    assert r.route(u("c", at={HERE}, s=100)).action is Action.POP
    assert r.route(u("c", at={OTHER}, changed=False, s=115)).action is Action.WITHDRAW
    assert r.route(u("c", at={HERE}, changed=False, s=130)).action is Action.POP


def test_ring_no_answer_of_an_announced_call_withdraws_the_announcement():
    r = seat()
    talking(r)
    r.route(u("b", at={HERE}))
    d = r.route(u("b", at={OTHER}, changed=False))
    assert d == Decision(Action.WITHDRAW, Reason.RANG_ELSEWHERE, busy=True, back_to=None)
    assert r.announced == () and r.on_screen == "a"


def test_ringing_moving_between_other_phones_changes_nothing_here():
    r = seat()
    r.route(u("a", at={HERE}))
    assert r.route(u("a", at={HERE, OTHER}, changed=False)).action is Action.IGNORE
    assert r.route(u("a", at={HERE}, changed=False)).action is Action.IGNORE


def test_a_colleague_answering_withdraws_the_pop():
    r = seat()
    r.route(u("a", at={HERE, OTHER}))
    d = r.route(u("a", ANSWERED, at={OTHER}, agent=OTHER, s=5))
    assert d == Decision(Action.WITHDRAW, Reason.COLLEAGUE_ANSWERED, back_to=None)
    assert r.on_screen is None and not r.busy
    assert r.route(u("a", ENDED, agent=OTHER, s=60)).action is Action.IGNORE


def test_a_colleague_answering_an_announced_call_withdraws_only_the_announcement():
    r = seat()
    talking(r)
    r.route(u("b", at={HERE, OTHER}))
    assert r.route(u("b", ANSWERED, at={OTHER}, agent=OTHER)) == Decision(
        Action.WITHDRAW, Reason.COLLEAGUE_ANSWERED, busy=True)
    assert r.on_screen == "a" and r.busy


# -- missed, repeats -------------------------------------------------------------------------


def test_caller_giving_up_while_it_rings_here_is_missed_and_stays():
    r = seat()
    r.route(u("a", at={HERE}))
    assert r.route(u("a", MISSED, s=20)) == Decision(Action.MISSED, Reason.CALLER_GAVE_UP)
    assert r.on_screen == "a" and not r.busy


def test_an_announced_call_missed_leaves_the_announcements():
    r = seat()
    talking(r)
    r.route(u("b", at={HERE}))
    assert r.route(u("b", MISSED)).action is Action.MISSED
    assert r.announced == ()


def test_answered_here_then_ended_is_an_update_and_repeats_are_ignored():
    r = seat()
    r.route(u("a", at={HERE}))
    assert r.route(u("a", ANSWERED, agent=HERE, at={HERE})).action is Action.UPDATE
    assert r.route(u("a", ANSWERED, agent=HERE, at={HERE})).action is Action.IGNORE
    assert r.route(u("a", RINGING, at={HERE})).action is Action.IGNORE
    assert r.route(u("a", ENDED)).action is Action.UPDATE
    assert r.route(u("a", MISSED)).action is Action.IGNORE
    assert r.route(u("a", ENDED, changed=False)).action is Action.IGNORE


def test_a_webhook_answer_without_agent_counts_as_this_seat():
    r = seat()
    r.route(u("a", at={HERE}))
    assert r.route(u("a", ANSWERED, agent=None)).action is Action.UPDATE
    assert r.busy


def test_memory_is_bounded(monkeypatch):
    from cti_desk.services import routing

    monkeypatch.setattr(routing, "MEMORY", 10)
    r = seat()
    for n in range(50):
        r.route(u(f"c{n}", at={HERE}))
        r.route(u(f"c{n}", MISSED))
    assert len(r._calls) <= 10 and len(r._seen) <= 10
    assert r.seen("c49") and not r.seen("c0")
