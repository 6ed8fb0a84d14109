"""The built-in simulator, fast-forwarded, over numbers sampled from a real store."""

from __future__ import annotations

import asyncio
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone

import pytest

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.domain.model import Resolution
from cti_desk.services.customers import resolve_caller
from cti_desk.services.screenpop import sample_caller_numbers
from cti_desk.telephony.simulator import CallSimulator, FastForward
from tests.factories import add_customer

JST = timezone(timedelta(hours=9))


def simulate(numbers, rate=6.0, seed=7, calls=50) -> tuple[list[CallUpdate], FastForward]:
    ff = FastForward(datetime(2026, 11, 23, 10, 0, tzinfo=JST))
    sim = CallSimulator(lambda n: numbers, rate=rate, seed=seed, sleep=ff.sleep, clock=ff.clock,
                        max_calls=calls)
    out: list[CallUpdate] = []
    asyncio.run(sim.run(out.append))
    return out, ff


def test_every_call_goes_ringing_answered_ended_or_ringing_missed():
    out, _ = simulate(["0312345678", None, "anonymous"], calls=200)
    by_call: dict[str, list[CallState]] = defaultdict(list)
    for u in out:
        if u.state_changed:
            by_call[u.call_id].append(u.state)
    assert len(by_call) == 200
    shapes = Counter(tuple(s) for s in by_call.values())
    assert set(shapes) == {(CallState.RINGING, CallState.ANSWERED, CallState.ENDED),
                           (CallState.RINGING, CallState.MISSED)}
    assert shapes[(CallState.RINGING, CallState.MISSED)] > 0
    # times only move forward, and the agent's phone rings before it answers
    assert [u.ts for u in out] == sorted(u.ts for u in out)
    for u in out:
        if u.state is CallState.ANSWERED:
            assert u.agent and u.ringing_at == frozenset({u.agent})


def test_same_seed_same_day_and_rate_sets_the_pace():
    numbers = ["0312345678", "09011112222", None]
    first, _ = simulate(numbers, rate=6.0, seed=3)
    again, _ = simulate(numbers, rate=6.0, seed=3)
    assert first == again
    assert simulate(numbers, seed=4)[0] != first
    # 50 calls at 6 a minute take about 8 simulated minutes (Poisson: wide bounds)
    arrivals = [u.ts for u in first if u.state_changed and u.state is CallState.RINGING]
    assert timedelta(minutes=3) < arrivals[-1] - arrivals[0] < timedelta(minutes=20)
    fast, _ = simulate(numbers, rate=600.0, seed=3)
    arrivals = [u.ts for u in fast if u.state_changed and u.state is CallState.RINGING]
    assert arrivals[-1] - arrivals[0] < timedelta(seconds=30)


def test_calls_overlap_like_a_real_queue():
    out, _ = simulate(["0312345678"], rate=30.0, calls=100)
    live, most = set(), 0
    for u in out:
        if u.state is CallState.RINGING and u.state_changed:
            live.add(u.call_id)
        elif u.state in (CallState.ENDED, CallState.MISSED):
            live.discard(u.call_id)
        most = max(most, len(live))
    assert most >= 3


def test_sampled_numbers_cover_every_kind_of_caller(store):
    for i in range(30):
        add_customer(store, name=f"顧客 {i}", phones=(f"03-5555-{i:04d}",))
    add_customer(store, name="家族 A", phones=("03-9999-0000",))
    add_customer(store, name="家族 B", phones=("03-9999-0000",), channel="ec")
    with store.session() as session:
        numbers = sample_caller_numbers(session, 100, seed=1)
        assert numbers == sample_caller_numbers(session, 100, seed=1)
        kinds = Counter(resolve_caller(session, n).resolution for n in numbers)
    assert len(numbers) == 100
    assert set(kinds) == {Resolution.UNIQUE, Resolution.MULTIPLE, Resolution.NONE, Resolution.ANONYMOUS}


def test_sampled_numbers_of_an_empty_store(store):
    with store.session() as session:
        numbers = sample_caller_numbers(session, 20, seed=1)
        kinds = {resolve_caller(session, n).resolution for n in numbers}
    assert kinds == {Resolution.NONE, Resolution.ANONYMOUS}


def test_rate_must_be_positive():
    with pytest.raises(ValueError):
        CallSimulator(lambda n: [], rate=0)
