"""A call center's day, made up: `sim://?rate=CALLS_PER_MIN`.

Callers come from a callable handing out caller numbers (the app samples the store's
own customers: known, shared numbers, unknown, withheld), so a newcomer sees real
screen pops without a PBX. Calls overlap like real ones: Poisson arrivals, a few
seconds of ringing, minutes of talking, some callers giving up; timings shrink as the
rate grows so a busy simulation stays busy, not clogged.

Deterministic for a seed; `sleep` and `clock` are injectable so tests run it at once.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from cti_desk.domain.calls import CallState, CallUpdate

DEFAULT_AGENTS = ("PJSIP/2001", "PJSIP/2002", "PJSIP/2003", "PJSIP/2004")
QUEUES = ("support", "orders", "support", "returns")
CALLER_NAMES = ("ヤマダ タロウ", "SUZUKI HANAKO", None, None, None)
MISSED_SHARE = 0.15
NUMBER_POOL = 200


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
        self._numbers = caller_numbers
        self._rng = random.Random(seed)
        self._sleep = sleep
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._max_calls = max_calls
        self._seq = itertools.count()
        # Human timings at a normal rate; shorter when calls come faster than every 10 s.
        self._scale = min(1.0, 6.0 / rate)

    async def run(self, emit: Callable[[CallUpdate], None]) -> None:
        # The store is asked off the loop: a slow store must not hold the source's events.
        numbers = list(await asyncio.to_thread(self._numbers, NUMBER_POOL)) or [None]
        rng = self._rng
        started = self._clock()
        prefix = f"sim-{started:%H%M%S}-"
        now = 0.0  # seconds since start, simulated
        timeline: list[tuple[float, int, CallUpdate | None]] = []
        calls = 0

        def arrival() -> None:
            heapq.heappush(timeline, (now + rng.expovariate(self.rate / 60.0), next(self._seq), None))

        arrival()
        while timeline:
            at, _, update = heapq.heappop(timeline)
            await self._sleep(max(0.0, at - now))
            now = at
            if update is None:  # the next caller dials in
                calls += 1
                for t, u in self._call(f"{prefix}{calls}", rng.choice(numbers), now):
                    heapq.heappush(timeline, (t, next(self._seq), u))
                if self._max_calls is None or calls < self._max_calls:
                    arrival()
                continue
            emit(_at(update, self._clock()))

    def _call(self, call_id: str, number: str | None, t: float) -> list[tuple[float, CallUpdate]]:
        rng, s = self._rng, self._scale
        queue = rng.choice(QUEUES)
        name = rng.choice(CALLER_NAMES) if number else None
        agent = rng.choice(self.agents)
        base = dict(call_id=call_id, raw_number=number, caller_name=name, queue=queue, source="sim")
        epoch = datetime.min  # replaced by the clock when sent
        out = [(t, CallUpdate(state=CallState.RINGING, agent=None, ts=epoch, **base))]
        hold = rng.uniform(1.0, 4.0) * s  # in the queue before a phone rings
        out.append((t + hold, CallUpdate(state=CallState.RINGING, agent=None, ts=epoch, state_changed=False,
                                         ringing_at=frozenset({agent}), **base)))
        if rng.random() < MISSED_SHARE:
            gave_up = t + hold + rng.uniform(2.0, 15.0) * s
            out.append((gave_up, CallUpdate(state=CallState.MISSED, agent=None, ts=epoch, **base)))
            return out
        answered = t + hold + rng.uniform(2.0, 10.0) * s
        talk = rng.uniform(30.0, 240.0) * s
        answered_at = frozenset({agent})
        out.append((answered, CallUpdate(state=CallState.ANSWERED, agent=agent, ts=epoch,
                                         ringing_at=answered_at, **base)))
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
