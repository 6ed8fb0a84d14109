"""Whose call it is: what one seat's window does with each call update (no Qt, no I/O).

A seat is an agent interface (`--agent PJSIP/2001`) or None (one desk: every call is
its own), and the queues that pop on answer (`--pop-on-answer`). For every CallUpdate
the router says what the seat does:

- ignore: not this seat's call (rings elsewhere), a repeat, or a queue that pops on answer
- pop: show it now (the operator is free, or just answered it at this phone)
- announce: it rings here while the operator talks or wraps up: call bar, shift list and
  tray say so, and the operator takes it over with one action (`take_over`)
- update: a call the seat has moved on (answered, ended)
- withdraw: it stopped being this seat's call: the phone here stopped ringing (ring, no
  answer: the queue tries another phone) or a colleague answered
- missed: the caller gave up while it rang here: it stays for a call-back

The window tells the router what the operator does (`shown`, `take_over`, `wrapped_up`),
so "busy" (talking, or wrapping up the call on screen) is known here, not in widgets.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from cti_desk.domain.calls import NEXT_STATES, CallState, CallUpdate

MEMORY = 2048  # calls the seat remembers (a shift's worth); the oldest finished go first


class Action(StrEnum):
    IGNORE = "ignore"
    ANNOUNCE = "announce"
    POP = "pop"
    UPDATE = "update"
    WITHDRAW = "withdraw"
    MISSED = "missed"


class Reason(StrEnum):
    RINGING_HERE = "ringing_here"
    ANSWERED_HERE = "answered_here"
    RANG_ELSEWHERE = "rang_elsewhere"  # ring, no answer here: it went on to another phone
    COLLEAGUE_ANSWERED = "colleague_answered"
    CALLER_GAVE_UP = "caller_gave_up"


@dataclass(frozen=True, slots=True)
class Decision:
    action: Action
    reason: Reason | None = None
    busy: bool = False  # the operator was talking or wrapping up when the update came
    # A withdrawn call that was on screen: the call shown before it (to bring back).
    back_to: str | None = None


IGNORE = Decision(Action.IGNORE)


@dataclass(slots=True)
class _SeatCall:
    state: CallState
    answered_here: bool = False
    wrapped_up: bool = False

    @property
    def finished(self) -> bool:
        return self.state is CallState.MISSED or (
            self.state is CallState.ENDED and (self.wrapped_up or not self.answered_here))


class SeatRouter:
    def __init__(self, agent: str | None, pop_on_answer: Iterable[str] = ()) -> None:
        self.agent = agent or None
        self.pop_on_answer = frozenset(pop_on_answer)
        self._calls: OrderedDict[str, _SeatCall] = OrderedDict()
        self._seen: OrderedDict[str, None] = OrderedDict()  # ever routed here (the call log)
        # Kept apart so a shift of hundreds of calls costs nothing per update.
        self._talking: set[str] = set()  # answered here, not ended
        self._announced: dict[str, None] = {}  # waiting to be taken over, in ring order
        self.on_screen: str | None = None
        self._previous: str | None = None  # shown before on_screen

    # -- what the window may ask ------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Talking at this phone, or wrapping up the call on screen: rings are announced."""
        if self._talking:
            return True
        c = self._calls.get(self.on_screen) if self.on_screen else None
        return c is not None and c.state is CallState.ENDED and c.answered_here and not c.wrapped_up

    @property
    def talking(self) -> bool:
        return bool(self._talking)

    @property
    def announced(self) -> tuple[str, ...]:
        """Calls waiting to be taken over, longest-waiting first."""
        return tuple(self._announced)

    def seen(self, call_id: str) -> bool:
        """Whether this seat has had the call (its later states go to the call log)."""
        return call_id in self._seen

    def is_mine(self, u: CallUpdate) -> bool:
        """Rings at this phone, or was answered here (with no seat: every call)."""
        if self.agent is None:
            return True
        return self.agent in u.ringing_at or u.agent == self.agent

    def answered_here(self, u: CallUpdate) -> bool:
        # A source that does not say who answered (a webhook without `agent`): this seat.
        return self.agent is None or not u.agent or u.agent == self.agent

    # -- what the operator does ----------------------------------------------------------

    def shown(self, call_id: str) -> None:
        """The operator has this call on screen now (a pop, a take-over, the shift list)."""
        self._announce(call_id, False)
        if call_id != self.on_screen:
            self._previous, self.on_screen = self.on_screen, call_id

    def take_over(self, call_id: str | None = None) -> str | None:
        """The announced call to show now (the longest waiting unless named), or None."""
        waiting = self.announced
        if call_id is None:
            call_id = waiting[0] if waiting else None
        if call_id is None or call_id not in waiting:
            return None
        self.shown(call_id)
        return call_id

    def wrapped_up(self, call_id: str) -> None:
        c = self._calls.get(call_id)
        if c is not None:
            c.wrapped_up = True

    def pending_wrapups(self) -> tuple[str, ...]:
        return tuple(cid for cid, c in self._calls.items()
                     if c.state is CallState.ENDED and c.answered_here and not c.wrapped_up)

    def adopt(self, call_id: str, state: CallState, *, answered_here: bool = True,
              wrapped_up: bool = False) -> None:
        """A call the window had before this router (an unsaved wrap-up from the last
        session, a missed call from the call log): known, so showing it counts."""
        if call_id not in self._calls:
            self._remember(call_id, _SeatCall(state, answered_here=answered_here, wrapped_up=wrapped_up))
            self._set_state(call_id, state)

    # -- the rules ------------------------------------------------------------------------

    def route(self, u: CallUpdate) -> Decision:
        c = self._calls.get(u.call_id)
        if c is None:
            return self._first(u)
        if not u.state_changed:
            return self._ringing_moved(u, c)
        if u.state not in NEXT_STATES[c.state]:
            return IGNORE  # a repeat, or out of order
        busy = self.busy
        if u.state is CallState.ANSWERED:
            if not self.answered_here(u):
                return self._withdraw(u.call_id, Reason.COLLEAGUE_ANSWERED, busy)
            c.answered_here = True
            self._set_state(u.call_id, CallState.ANSWERED)
            if u.call_id in self._announced and not self._talking_besides(u.call_id):
                self.shown(u.call_id)  # picked up at this phone: it is the operator's now
                return Decision(Action.POP, Reason.ANSWERED_HERE, busy)
            return Decision(Action.UPDATE, Reason.ANSWERED_HERE, busy)
        self._set_state(u.call_id, u.state)
        self._announce(u.call_id, False)
        if u.state is CallState.MISSED:
            return Decision(Action.MISSED, Reason.CALLER_GAVE_UP, busy)
        return Decision(Action.UPDATE, None, busy)

    def _first(self, u: CallUpdate) -> Decision:
        """A call this seat has not had yet (or had, and it was withdrawn)."""
        if not u.state_changed and u.state is not CallState.RINGING:
            return IGNORE
        if u.state not in (CallState.RINGING, CallState.ANSWERED) or not self.is_mine(u):
            return IGNORE
        if u.state is CallState.RINGING and u.queue and u.queue in self.pop_on_answer:
            return IGNORE  # this queue pops on answer: the answered update brings it
        busy = self.busy
        if u.state is CallState.ANSWERED:
            if not self.answered_here(u):
                return IGNORE
            c = _SeatCall(CallState.ANSWERED, answered_here=True)
            reason = Reason.ANSWERED_HERE
            announce = self.talking  # a second call picked up here: say so, don't swap
        else:
            c = _SeatCall(CallState.RINGING)
            reason = Reason.RINGING_HERE
            announce = busy
        self._remember(u.call_id, c)
        self._set_state(u.call_id, c.state)
        self._announce(u.call_id, announce)
        if announce:
            return Decision(Action.ANNOUNCE, reason, busy)
        self.shown(u.call_id)
        return Decision(Action.POP, reason, busy)

    def _ringing_moved(self, u: CallUpdate, c: _SeatCall) -> Decision:
        """Only the phones it rings at changed: gone from this one is a ring-no-answer."""
        if c.state is not CallState.RINGING or u.state is not CallState.RINGING:
            return IGNORE
        if self.is_mine(u):
            return IGNORE
        return self._withdraw(u.call_id, Reason.RANG_ELSEWHERE, self.busy)

    def _withdraw(self, call_id: str, reason: Reason, busy: bool) -> Decision:
        self._forget(call_id)  # ringing here again later makes it a new pop
        back_to = None
        if self.on_screen == call_id:
            back_to = self._previous if self._previous != call_id else None
            self.on_screen = self._previous = None
        elif self._previous == call_id:
            self._previous = None
        return Decision(Action.WITHDRAW, reason, busy, back_to)

    def _talking_besides(self, call_id: str) -> bool:
        return bool(self._talking - {call_id})

    def _set_state(self, call_id: str, state: CallState) -> None:
        c = self._calls[call_id]
        c.state = state
        if state is CallState.ANSWERED and c.answered_here:
            self._talking.add(call_id)
        else:
            self._talking.discard(call_id)

    def _announce(self, call_id: str, on: bool) -> None:
        if on and call_id in self._calls:
            self._announced[call_id] = None
        else:
            self._announced.pop(call_id, None)

    def _forget(self, call_id: str) -> None:
        self._calls.pop(call_id, None)
        self._talking.discard(call_id)
        self._announced.pop(call_id, None)

    def _remember(self, call_id: str, c: _SeatCall) -> None:
        self._calls[call_id] = c
        self._seen[call_id] = None
        self._seen.move_to_end(call_id)
        while len(self._seen) > MEMORY:
            self._seen.popitem(last=False)
        if len(self._calls) > MEMORY:
            keep = {self.on_screen, self._previous, call_id}
            old = next((cid for cid, x in self._calls.items() if x.finished and cid not in keep), None)
            self._forget(old if old is not None else next(iter(self._calls)))
