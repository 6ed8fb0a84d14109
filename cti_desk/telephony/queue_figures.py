"""What a QueueBoard (telephony/queues.py) holds and hands out: the contract's figures
per queue, agents' rows, waiting callers; one agent's state from what the PBX said."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

ALL_QUEUES = "*"
STATES = ("available", "on_call", "ringing", "paused", "offline")


@dataclass(frozen=True, slots=True)
class QueueFigures:
    queue: str
    ts: datetime
    waiting: int
    longest_wait_s: int
    offered: int
    answered: int
    abandoned: int
    answered_within_sl: int
    service_level: float | None
    abandon_rate: float | None
    asa_s: float | None
    sl_seconds: int
    agents: dict[str, int]

    def as_json(self) -> dict:
        """The contract's object, keys in its order."""
        return {
            "queue": self.queue, "ts": self.ts.isoformat(timespec="milliseconds"),
            "waiting": self.waiting, "longest_wait_s": self.longest_wait_s,
            "offered": self.offered, "answered": self.answered, "abandoned": self.abandoned,
            "answered_within_sl": self.answered_within_sl, "service_level": self.service_level,
            "abandon_rate": self.abandon_rate, "asa_s": self.asa_s, "sl_seconds": self.sl_seconds,
            "agents": {state: self.agents.get(state, 0) for state in STATES},
        }


@dataclass(frozen=True, slots=True)
class AgentRow:
    interface: str
    name: str
    queues: tuple[str, ...]
    state: str  # one of STATES
    since: datetime


@dataclass(frozen=True, slots=True)
class WaitingCaller:
    queue: str
    call_id: str
    number: str | None  # as the PBX sent it
    caller_name: str | None
    since: datetime


@dataclass(slots=True)
class AgentState:
    interface: str
    name: str
    device: str = "available"  # available | on_call | ringing | offline, as the PBX reports it
    paused_in: dict[str, bool] = field(default_factory=dict)  # queue -> paused (its memberships)
    rings: set[str] = field(default_factory=set)  # call ids ringing this phone
    calls: set[str] = field(default_factory=set)  # call ids connected to it
    state: str = "available"
    since: datetime | None = None

    def state_in(self, queue: str | None) -> str:
        if self.device == "offline":
            return "offline"
        paused = self.paused_in.get(queue, False) if queue else any(self.paused_in.values())
        if paused:
            return "paused"
        if self.rings or self.device == "ringing":
            return "ringing"
        if self.calls or self.device == "on_call":
            return "on_call"
        return "available"


@dataclass(slots=True)
class DayCounts:
    offered: int = 0
    answered: int = 0
    abandoned: int = 0
    within_sl: int = 0
    wait_sum: float = 0.0
