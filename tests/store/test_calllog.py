"""The call log on SQLite and PostgreSQL: one row per call, however many writers."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.services import calllog
from cti_desk.services.calllog import CallFacts
from cti_desk.store.models import CallLogEntry
from tests.factories import add_customer
from tests.story_factories import add_purchases

T0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
HERE = "PJSIP/2001"


def facts(state=CallState.RINGING, *, call_id="c1", number="0312345678", s=0, **kw) -> CallFacts:
    at = T0 + timedelta(seconds=s)
    return CallFacts(
        call_id=call_id, state=state, rang_at=kw.pop("rang_at", at), raw_number=number,
        caller_name=kw.pop("caller_name", "ﾔﾏﾀﾞ"), queue="support",
        answered_at=at if state is CallState.ANSWERED else None,
        ended_at=at if state in (CallState.ENDED, CallState.MISSED) else None, **kw)


def rows(store) -> list[CallLogEntry]:
    with store.session() as s:
        return list(s.scalars(select(CallLogEntry).order_by(CallLogEntry.id)))


def test_a_call_is_logged_with_its_customer_and_segment_then_moves_on(store):
    cid = add_customer(store, name="山田 太郎")
    add_purchases(store, cid, 3)
    logged = calllog.record(store, facts())
    assert (logged.state, logged.customer_id, logged.customer_name, logged.segment, logged.resolution) == (
        CallState.RINGING, cid, "山田 太郎", "loyal", "unique")
    assert logged.e164 == "+81312345678" and logged.withheld_reason is None
    calllog.record(store, facts(CallState.ANSWERED, agent=HERE, s=5))
    calllog.record(store, facts(CallState.ENDED, s=65))
    (row,) = rows(store)
    assert (row.state, row.agent, row.queue, row.caller_name) == ("ended", HERE, "support", "ﾔﾏﾀﾞ")
    assert row.rang_at == T0.replace(tzinfo=None)
    assert row.answered_at == (T0 + timedelta(seconds=5)).replace(tzinfo=None)
    assert row.ended_at == (T0 + timedelta(seconds=65)).replace(tzinfo=None)


def test_the_segment_is_the_one_at_the_time_of_the_call(store):
    cid = add_customer(store)
    calllog.record(store, facts())
    add_purchases(store, cid, 5)  # bought later
    calllog.record(store, facts(CallState.MISSED, s=20))
    assert rows(store)[0].segment == "prospect"


def test_writes_in_any_order_never_move_a_call_backwards(store):
    calllog.record(store, facts(CallState.MISSED, s=30, agent=HERE))
    calllog.record(store, facts(CallState.RINGING, s=0))  # arrives late (another worker)
    calllog.record(store, facts(CallState.ENDED, s=40))  # the other final state: not taken
    (row,) = rows(store)
    assert (row.state, row.agent) == ("missed", HERE)
    assert row.rang_at == T0.replace(tzinfo=None)  # the earliest ring wins


def test_a_row_another_writer_made_is_merged_not_failed_on(store):
    # The relay logged the call first, with less than this seat knows.
    with store.transaction() as s:
        s.add(CallLogEntry(call_id="c1", state="answered", rang_at=T0.replace(tzinfo=None),
                           agent="PJSIP/2002", raw_number=None))
    logged = calllog.record(store, facts(CallState.RINGING, number="anonymous"))
    assert (logged.state, logged.agent, logged.raw_number) == (CallState.ANSWERED, "PJSIP/2002", "anonymous")
    assert (logged.resolution, logged.withheld_reason, logged.customer_id) == ("anonymous", "withheld", None)


@pytest.mark.parametrize(("raw", "reason"), [("非通知", "withheld"), ("公衆電話", "pay_phone"),
                                             ("表示圏外", "unavailable"), (None, "unavailable")])
def test_japanese_withheld_reasons_are_kept(store, raw, reason):
    logged = calllog.record(store, facts(number=raw))
    assert (logged.e164, logged.withheld_reason, logged.resolution) == (None, reason, "anonymous")


def test_the_operators_choice_of_customer_wins(store):
    a = add_customer(store, name="山田 太郎")
    b = add_customer(store, name="山田 花子")  # same home number: the number alone can't tell
    assert calllog.record(store, facts()).customer_id is None
    logged = calllog.record(store, facts(CallState.ANSWERED, agent=HERE, customer_id=b))
    assert (logged.customer_id, logged.customer_name, logged.resolution) == (b, "山田 花子", "multiple")
    assert a != b


def test_many_seats_logging_one_call_at_once_make_one_row(store):
    add_customer(store)
    barrier = threading.Barrier(6)
    errors: list[BaseException] = []

    def seat(n: int) -> None:
        barrier.wait()
        try:
            calllog.record(store, facts(agent=None if n % 2 else f"PJSIP/20{n:02d}"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=seat, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(CallLogEntry)) == 1


def test_missed_calls_to_call_back_are_todays_for_this_seat_until_called_back(store):
    now = datetime.now(UTC)
    since = calllog.start_of_today()
    cid = add_customer(store, name="山田 太郎")
    calllog.record(store, facts(CallState.MISSED, call_id="m1", rang_at=now - timedelta(minutes=5), agent=HERE))
    calllog.record(store, facts(CallState.MISSED, call_id="m2", number="09011112222",
                                rang_at=now - timedelta(minutes=1), agent=HERE))
    calllog.record(store, facts(CallState.MISSED, call_id="other", rang_at=now, agent="PJSIP/2002"))
    calllog.record(store, facts(CallState.MISSED, call_id="old", rang_at=since - timedelta(hours=1), agent=HERE))
    calllog.record(store, facts(CallState.ENDED, call_id="talked", rang_at=now, agent=HERE))
    mine = calllog.missed_to_call_back(store, since, HERE)
    assert [(m.call_id, m.customer_name) for m in mine] == [("m1", "山田 太郎"), ("m2", None)]
    assert mine[0].customer_id == cid
    assert [m.call_id for m in calllog.missed_to_call_back(store, since)] == ["m1", "m2", "other"]
    assert calllog.mark_called_back(store, "m1") is True
    assert calllog.mark_called_back(store, "m1") is False  # once
    assert [m.call_id for m in calllog.missed_to_call_back(store, since, HERE)] == ["m2"]
    assert calllog.logged_call(store, "m1").called_back_at is not None


def test_from_update_takes_the_states_time():
    u = CallUpdate("c9", CallState.MISSED, "0312345678", None, "support", None, T0,
                   ringing_at=frozenset())
    f = CallFacts.from_update(u, rang_at=T0 - timedelta(seconds=30), agent=HERE)
    assert (f.rang_at, f.ended_at, f.answered_at, f.agent) == (T0 - timedelta(seconds=30), T0, None, HERE)
