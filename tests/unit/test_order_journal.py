"""The journal of orders waiting for the store: a real SQLite file, written on its own
thread, read back by a fresh journal as the next start would."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, date, datetime

from cti_desk.domain.delivery import DraftLine, OrderDraft
from cti_desk.services.inquiries import CallRef
from cti_desk.services.order_journal import OrderJournal, WaitingOrder, from_json, to_json

STORE = "postgresql+psycopg://cti@db:5432/cti"


def order(key="k1", customer_id=7, **kw) -> WaitingOrder:
    draft = OrderDraft(customer_id=customer_id, lines=[DraftLine(3, 2, 2980, 5, lead_days=1, name="電気ケトル")],
                       recipient="山田 太郎", phone="03-1234-5678", postal_code="1500002", prefecture="東京都",
                       city="渋谷区", line1="渋谷1-2-3", line2="渋谷ハイツ101", delivery_date=date(2026, 12, 2),
                       slot="14-16", payment="cod", points_to_use=100, call_id="c-9", operator="suzuki")
    call = CallRef("c-9", datetime(2026, 11, 30, 1, 0), "+81312345678", None)
    return WaitingOrder(key=key, draft=draft, call=call, customer_name="山田 太郎",
                        taken_at=datetime(2026, 11, 30, 10, 0, tzinfo=UTC), **kw)


def orders_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("cti-desk-orders")]


def test_an_order_round_trips_with_its_key_call_and_terms():
    o = order(refused="電気ケトル: another seat reserved the stock")
    assert from_json(to_json(o)) == o


def test_waiting_orders_are_found_by_the_next_start_and_removed_once_placed(tmp_path):
    journal = OrderJournal.in_folder(tmp_path)
    journal.put(STORE, order("k1"))
    journal.put(STORE, order("k2", customer_id=8))
    journal.put("sqlite:////srv/other.sqlite3", order("k3"))
    journal.close()
    assert orders_threads() == []

    again = OrderJournal.in_folder(tmp_path)
    assert [(o.key, o.draft.customer_id) for o in again.load(STORE)] == [("k1", 7), ("k2", 8)]
    again.remove(STORE, "k1")
    again.flush()
    assert [o.key for o in OrderJournal.in_folder(tmp_path).load(STORE)] == ["k2"]
    again.close()


def test_a_row_that_is_no_order_is_skipped_and_left_in_place(tmp_path):
    journal = OrderJournal.in_folder(tmp_path)
    journal.put(STORE, order("good"))
    journal.close()
    with sqlite3.connect(journal.path) as conn:
        conn.execute("INSERT INTO orders VALUES (?, 'bad', '2026-11-30', '{\"key\": \"bad\"}')", (STORE,))
    assert [o.key for o in OrderJournal.in_folder(tmp_path).load(STORE)] == ["good"]
    with sqlite3.connect(journal.path) as conn:
        assert conn.execute("SELECT count(*) FROM orders").fetchone() == (2,)


def test_no_journal_yet_is_no_waiting_orders(tmp_path):
    assert OrderJournal.in_folder(tmp_path / "nothing-yet").load(STORE) == []
