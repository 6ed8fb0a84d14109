"""Calls as the call center sees them, whatever the PBX: ringing -> answered -> ended,
or ringing -> missed. Each state at most once per call, in that order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class CallState(StrEnum):
    RINGING = "ringing"
    ANSWERED = "answered"
    ENDED = "ended"
    MISSED = "missed"


# The only moves a call can make; anything else the PBX says is a repeat or noise.
NEXT_STATES: dict[CallState | None, frozenset[CallState]] = {
    None: frozenset({CallState.RINGING}),
    CallState.RINGING: frozenset({CallState.ANSWERED, CallState.MISSED}),
    CallState.ANSWERED: frozenset({CallState.ENDED}),
    CallState.ENDED: frozenset(),
    CallState.MISSED: frozenset(),
}


@dataclass(frozen=True, slots=True)
class CallUpdate:
    """What a call source tells the rest of cti-desk about one call.

    `state_changed` is True exactly once per state (what `monitor` prints); other updates
    only move `ringing_at` (which agents' phones ring now: the pop follows it).
    """

    call_id: str
    state: CallState
    raw_number: str | None
    caller_name: str | None
    queue: str | None
    agent: str | None  # the interface that answered, e.g. PJSIP/2001
    ts: datetime  # aware
    state_changed: bool = True
    ringing_at: frozenset[str] = field(default_factory=frozenset)
    source: str = ""  # ami | webhook | sim | relay
