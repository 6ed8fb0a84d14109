import threading
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from cti_desk.domain.delivery import DraftLine, OrderDraft
from cti_desk.services.orders import place_order
from cti_desk.services.outbox import Backoff, OutboxDispatcher, list_outbox, outbox_row, retry_now
from cti_desk.store.db import open_store
from cti_desk.store.models import OutboxMessage
from tests.retail_factories import FakeOMS, add_retail

NOW = datetime(2026, 11, 30, 1, 0, 0)
FAST = Backoff(base=1.0, factor=2.0, cap=30.0, jitter=0.0)


@pytest.fixture
def oms():
    server = FakeOMS()
    yield server
    server.close()


def order(store, r, n=1) -> list[str]:
    keys = []
    for _ in range(n):
        d = OrderDraft(
            customer_id=r.customer_id, lines=[DraftLine(r.products["SKU-TOWEL"], 1, 0, r.locations["WH-EAST"])],
            recipient="山田 太郎", phone="03-1234-5678", postal_code="1500002", prefecture="東京都",
            city="渋谷区", line1="渋谷1-2-3", delivery_date=date(2026, 12, 2), slot="any", payment="card",
        )
        keys.append(place_order(store, d, now=NOW).order_no)
    return keys


def dispatcher(store, oms, **kw) -> OutboxDispatcher:
    kw.setdefault("backoff", FAST)
    return OutboxDispatcher(store, oms.url, timeout=(1.0, 0.3), **kw)


def test_500_then_timeout_then_success_reaches_the_oms_once_per_key(store, oms):
    r = add_retail(store)
    keys = order(store, r, 3)
    oms.script = [500, "hang", 503]
    d = dispatcher(store, oms)
    t = NOW
    for _ in range(6):
        d.run_once(t)
        t += timedelta(seconds=40)  # past any backoff
    assert sorted(oms.accepted) == sorted(keys)
    assert all(len(bodies) == 1 for bodies in oms.accepted.values())
    assert {k for k, _ in oms.requests} == set(keys)
    rows = {row.key: row for row in list_outbox(store)}
    assert all(row.status == "sent" and row.sent_at is not None for row in rows.values())
    assert sum(row.attempts for row in rows.values()) == 6  # 3 failures + 3 successes


def test_backoff_grows_and_waits(store, oms):
    r = add_retail(store)
    [key] = order(store, r)
    oms.script = [500, 500, 500]
    d = dispatcher(store, oms)
    d.run_once(NOW)
    row = outbox_row(store, key)
    assert (row.status, row.attempts, row.next_attempt_at) == ("pending", 1, NOW + timedelta(seconds=1))
    assert "HTTP 500" in row.last_error
    assert d.run_once(NOW + timedelta(milliseconds=500)) == 0  # not due yet: nothing sent
    assert len(oms.requests) == 1
    d.run_once(NOW + timedelta(seconds=1))
    assert outbox_row(store, key).next_attempt_at == NOW + timedelta(seconds=3)  # 2 s after
    d.run_once(NOW + timedelta(seconds=3))
    assert outbox_row(store, key).next_attempt_at == NOW + timedelta(seconds=7)  # 4 s after


def test_jitter_stays_within_bounds():
    b = Backoff(base=10, factor=2, cap=100, jitter=0.2)
    delays = [b.delay(3) for _ in range(200)]
    assert min(delays) >= 32 and max(delays) <= 48 and len(set(delays)) > 1
    assert b.delay(20) <= 120


def test_order_survives_a_restart_of_the_app(store_url, oms):
    first = open_store(store_url)
    r = add_retail(first)
    keys = order(first, r, 2)
    oms.script = [500, "hang"]
    dispatcher(first, oms).run_once(NOW)
    assert oms.accepted == {}
    first.dispose()  # the app is closed; the outbox stays in the store

    again = open_store(store_url)
    dispatcher(again, oms).run_once(NOW + timedelta(minutes=1))
    assert sorted(oms.accepted) == sorted(keys)
    assert all(len(v) == 1 for v in oms.accepted.values())
    assert {row.status for row in list_outbox(again)} == {"sent"}
    again.dispose()


def test_a_4xx_needs_a_person_and_manual_retry_works(store, oms):
    r = add_retail(store)
    [key] = order(store, r)
    oms.script = [422]
    d = dispatcher(store, oms)
    d.run_once(NOW)
    row = outbox_row(store, key)
    assert row.status == "failed" and "HTTP 422" in row.last_error
    d.run_once(NOW + timedelta(days=1))
    assert len(oms.requests) == 1  # a failed one is never retried on its own
    assert retry_now(store, row.id, NOW + timedelta(days=1))
    d.run_once(NOW + timedelta(days=1))
    assert outbox_row(store, key).status == "sent"
    assert list(oms.accepted) == [key]


def test_429_and_408_are_retried(store, oms):
    r = add_retail(store)
    [key] = order(store, r)
    oms.script = [429, 408]
    d = dispatcher(store, oms)
    for i in range(3):
        d.run_once(NOW + timedelta(minutes=i))
    assert outbox_row(store, key).status == "sent"


def test_unreachable_oms_is_retried(store):
    r = add_retail(store)
    [key] = order(store, r)
    oms = FakeOMS()
    url = oms.url
    oms.close()  # nobody listens on that port any more
    d = OutboxDispatcher(store, url, timeout=(0.5, 0.5), backoff=FAST)
    d.run_once(NOW)
    row = outbox_row(store, key)
    assert row.status == "pending" and row.attempts == 1 and row.last_error.startswith("connection")


def test_a_claimed_row_is_not_sent_by_another_seat_until_its_lease_runs_out(store, oms):
    r = add_retail(store)
    order(store, r)
    a, b = dispatcher(store, oms), dispatcher(store, oms)
    with store.session() as s:
        outbox_id = s.scalars(select(OutboxMessage.id)).one()
    assert a.claim(outbox_id, NOW) is not None
    assert b.claim(outbox_id, NOW) is None
    assert b.claim(outbox_id, NOW + a.lease) is not None  # seat a died mid-send


def test_two_seats_dispatching_at_once_send_each_order_once(store, oms):
    r = add_retail(store)
    keys = order(store, r, 12)
    seats = [dispatcher(store, oms), dispatcher(store, oms)]
    start = threading.Barrier(2)

    def run(d):
        start.wait()
        d.run_once(NOW)

    threads = [threading.Thread(target=run, args=(d,)) for d in seats]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(k for k, _ in oms.requests) == sorted(keys)  # no row sent twice


def test_background_loop_sends_on_wake(store, oms):
    r = add_retail(store)
    done = threading.Event()
    results = []

    def on_result(key, status):
        results.append((key, status))
        done.set()

    d = dispatcher(store, oms, idle_interval=30, clock=lambda: NOW + timedelta(minutes=1),
                   on_result=on_result)
    d.start()
    try:
        [key] = order(store, r)
        d.wake()  # without it the loop would sleep its 30 s
        assert done.wait(10)
        assert results == [(key, "sent")] and key in oms.accepted
    finally:
        d.stop()


def test_stop_ends_a_round_after_the_order_in_flight(store, oms):
    # Closing the window while the OMS is slow: the rest of the batch waits for the next start.
    r = add_retail(store)
    keys = order(store, r, 3)
    d = dispatcher(store, oms)
    d.on_result = lambda _key, _status: d.stop()
    assert d.run_once(NOW) == 1
    assert len(oms.requests) == 1
    assert sorted(row.status for row in list_outbox(store)) == ["pending", "pending", "sent"]
    assert {row.key for row in list_outbox(store)} == set(keys)
