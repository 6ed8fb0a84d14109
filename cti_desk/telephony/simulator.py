"""A call center's day, made up: `sim://?rate=CALLS_PER_MIN`.

Callers come from a callable handing out caller numbers (the app samples the store's
own customers: known, shared numbers, unknown, withheld), so a newcomer sees real
screen pops without a PBX. Calls queue like real ones: Poisson arrivals into three
queues, agents who serve some of them, take breaks (pause) and are kept about 60% busy
(handling times follow from the rate and the number of agents), callers who wait seconds
to minutes and give up when their patience runs out. Timings shrink as the rate grows so
a busy simulation stays busy, not clogged. With `queue_board` set, the board is told
every update and every agent's pause (CONTRACT.md "`cti-desk queues` output").

Deterministic for a seed; `sleep` and `clock` are injectable so tests run it at once.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from cti_desk.domain.calls import CallState, CallUpdate

DEFAULT_AGENTS = ("PJSIP/2001", "PJSIP/2002", "PJSIP/2003", "PJSIP/2004")
QUEUES = ("support", "orders", "returns")
QUEUE_WEIGHTS = (0.55, 0.3, 0.15)
CALLER_NAMES = ("ヤマダ タロウ", "SUZUKI HANAKO", None, None, None)
NUMBER_POOL = 200
OCCUPANCY = 0.6  # agents busy this share of the time: queues form, waits of seconds to minutes
PATIENCE_S = 90.0  # mean wait before a caller gives up (exponential), at a normal rate
PAUSE_SHARE = 0.04  # per arriving call, the chance that some agent takes a break


def memberships(agents: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Which queues each agent answers: everyone takes support, every other agent
    orders, the first and every third returns (so a small queue waits for its few agents)."""
    out = {}
    for i, agent in enumerate(agents):
        queues = ["support"]
        if i % 2 == 0:
            queues.append("orders")
        if i % 3 == 2 or i == 0:
            queues.append("returns")
        out[agent] = tuple(queues)
    return out


@dataclass(frozen=True, slots=True)
class AgentChange:
    """An agent pausing or coming back, for a queue board (the call updates carry the rest)."""

    interface: str
    queues: tuple[str, ...]
    paused: bool


class CallSimulator:
    def __init__(
        self,
        caller_numbers: Callable[[int], Sequence[str | None]],
        rate: float = 6.0,
        seed: int | None = None,
        *,
        agents: Sequence[str] = DEFAULT_AGENTS,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], datetime] | None = None,
        max_calls: int | None = None,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be above 0 calls per minute")
        self.rate = rate
        self.agents = tuple(agents)
        self.queue_board = None  # a QueueBoard (telephony/queues.py) told every update and break
        self._numbers = caller_numbers
        self._rng = random.Random(seed)
        self._sleep = sleep
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._max_calls = max_calls
        self._seq = itertools.count()
        # Human timings at a normal rate; shorter when calls come faster than every 10 s.
        self._scale = min(1.0, 6.0 / rate)
        # Mean handling time (talk + wrap-up) that keeps the agents at OCCUPANCY.
        self._handle = min(300.0, OCCUPANCY * len(self.agents) * 60.0 / rate)
        self._members = memberships(self.agents)
        self._free_at = dict.fromkeys(self.agents, 0.0)  # when each agent can take the next call

    async def run(self, emit: Callable[[CallUpdate], None]) -> None:
        # The store is asked off the loop: a slow store must not hold the source's events.
        numbers = list(await asyncio.to_thread(self._numbers, NUMBER_POOL)) or [None]
        rng = self._rng
        started = self._clock()
        prefix = f"sim-{started:%H%M%S}-"
        now = 0.0  # seconds since start, simulated
        timeline: list[tuple[float, int, CallUpdate | AgentChange | None]] = []
        calls = 0
        for agent, queues in self._members.items():
            self._tell_board(AgentChange(agent, queues, False))

        def arrival() -> None:
            heapq.heappush(timeline, (now + rng.expovariate(self.rate / 60.0), next(self._seq), None))

        arrival()
        while timeline:
            at, _, item = heapq.heappop(timeline)
            await self._sleep(max(0.0, at - now))
            now = at
            if item is None:  # the next caller dials in
                calls += 1
                for t, u in self._call(f"{prefix}{calls}", rng.choice(numbers), now):
                    heapq.heappush(timeline, (t, next(self._seq), u))
                if rng.random() < PAUSE_SHARE:
                    for t, change in self._break(now):
                        heapq.heappush(timeline, (t, next(self._seq), change))
                if self._max_calls is None or calls < self._max_calls:
                    arrival()
                continue
            if isinstance(item, AgentChange):
                self._tell_board(item)
                continue
            update = _at(item, self._clock())
            if self.queue_board is not None:
                self.queue_board.handle_update(update)
            emit(update)

    def _tell_board(self, change: AgentChange) -> None:
        if self.queue_board is not None:
            state = "paused" if change.paused else "available"
            for queue in change.queues:
                self.queue_board.agent_state(queue, change.interface, state, change.paused)

    def _break(self, t: float) -> list[tuple[float, AgentChange]]:
        """An agent pauses once its current call is done, for one to five minutes."""
        agent = self._rng.choice(self.agents)
        start = max(t, self._free_at[agent])
        end = start + self._rng.uniform(60.0, 300.0) * self._scale
        self._free_at[agent] = end
        queues = self._members[agent]
        return [(start, AgentChange(agent, queues, True)), (end, AgentChange(agent, queues, False))]

    def _call(self, call_id: str, number: str | None, t: float) -> list[tuple[float, CallUpdate]]:
        """One caller's whole call, decided when it arrives: callers are served first come
        first served by the agent of the queue that is free first; one whose wait runs past
        their patience hangs up (missed), ringing or not."""
        rng, s = self._rng, self._scale
        queue = rng.choices(QUEUES, QUEUE_WEIGHTS)[0]
        name = rng.choice(CALLER_NAMES) if number else None
        base = dict(call_id=call_id, raw_number=number, caller_name=name, queue=queue, source="sim")
        epoch = datetime.min  # replaced by the clock when sent
        out = [(t, CallUpdate(state=CallState.RINGING, agent=None, ts=epoch, **base))]
        earliest = t + rng.uniform(1.0, 4.0) * s  # the greeting, before any phone rings
        gives_up = earliest + rng.expovariate(1.0 / (PATIENCE_S * s))
        # The agent free first; of those free already, the one with the fewest queues.
        agent = min((a for a in self.agents if queue in self._members[a]),
                    key=lambda a: (max(earliest, self._free_at[a]), len(self._members[a])))
        rings = max(earliest, self._free_at[agent])
        answered = rings + rng.uniform(2.0, 8.0) * s
        if rings < gives_up:
            out.append((rings, CallUpdate(state=CallState.RINGING, agent=None, ts=epoch, state_changed=False,
                                          ringing_at=frozenset({agent}), **base)))
        if answered > gives_up:
            if rings < gives_up:
                self._free_at[agent] = gives_up  # it rang there until the caller hung up
            out.append((gives_up, CallUpdate(state=CallState.MISSED, agent=None, ts=epoch, **base)))
            return out
        talk = rng.uniform(0.4, 1.2) * self._handle
        self._free_at[agent] = answered + talk + rng.uniform(0.1, 0.2) * self._handle  # wrap-up
        out.append((answered, CallUpdate(state=CallState.ANSWERED, agent=agent, ts=epoch,
                                         ringing_at=frozenset({agent}), **base)))
        out.append((answered + talk, CallUpdate(state=CallState.ENDED, agent=agent, ts=epoch, **base)))
        return out


def _at(update: CallUpdate, ts: datetime) -> CallUpdate:
    return replace(update, ts=ts)


class FastForward:
    """A sleep and a clock for tests: sleeping moves the clock, nothing waits."""

    def __init__(self, start: datetime) -> None:
        self.now = start
        self.slept = 0.0

    async def sleep(self, seconds: float) -> None:
        self.slept += seconds
        self.now += timedelta(seconds=seconds)
        await asyncio.sleep(0)

    def clock(self) -> datetime:
        return self.now
