"""Saving a call's wrap-up: one entry per call in an inquiry's thread, whoever writes first
(an order, a double click, a second seat), on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from cti_desk.services.history import inquiries_for
from cti_desk.services.inquiries import (
    CallRef,
    WrapUp,
    attach_number,
    call_inquiry,
    create_customer_from_call,
    save_wrapup,
)
from cti_desk.store.models import AuditEntry, DeliveryOrder, Inquiry, InquiryEntry
from tests.factories import add_customer
from tests.story_factories import BASE, add_inquiry

START = datetime(2026, 11, 30, 1, 0, 0)
END = START + timedelta(minutes=4)


def wrapup(call_id="call-1", **kw) -> WrapUp:
    values = dict(call_id=call_id, operator="suzuki", opened_at=START, caller_number="+81312345678",
                  closed_at=END, notes="配達日の問い合わせ\n明日午前に再配達", disposition="question_answered")
    values.update(kw)
    return WrapUp(**values)


def count(store, model) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def entries(store, inquiry_id=None) -> list[InquiryEntry]:
    with store.session() as s:
        q = select(InquiryEntry).order_by(InquiryEntry.id)
        if inquiry_id is not None:
            q = q.where(InquiryEntry.inquiry_id == inquiry_id)
        return list(s.scalars(q))


def add_order(store, customer_id: int, inquiry_id: int, call_id: str) -> int:
    """An order placed during the call (what the order form writes)."""
    with store.transaction() as s:
        order = DeliveryOrder(
            order_no=f"CC-TEST-{call_id}", customer_id=customer_id, inquiry_id=inquiry_id, call_id=call_id,
            recipient="山田 太郎", postal_code="1500001", prefecture="東京都", city="渋谷区",
            line1="神宮前1-1-1", delivery_date=date(2026, 12, 2), slot="any", payment="cod",
            total=300, operator="suzuki", created_at=START + timedelta(minutes=2),
        )
        s.add(order)
        s.flush()
        return order.id


def test_a_call_is_stored_with_its_own_times_number_and_operator(store):
    cid = add_customer(store)
    inquiry_id = save_wrapup(store, wrapup(customer_id=cid))
    with store.session() as s:
        inquiry = s.get(Inquiry, inquiry_id)
        assert (inquiry.customer_id, inquiry.channel, inquiry.call_id, inquiry.status) == (
            cid, "call_center", "call-1", "closed")
        assert (inquiry.opened_at, inquiry.closed_at, inquiry.caller_number) == (START, END, "+81312345678")
        assert inquiry.subject == "配達日の問い合わせ"
    [entry] = entries(store)
    assert (entry.inquiry_id, entry.call_id, entry.caller_number, entry.operator) == (
        inquiry_id, "call-1", "+81312345678", "suzuki")
    assert (entry.started_at, entry.ended_at, entry.disposition) == (START, END, "question_answered")
    assert entry.notes == "配達日の問い合わせ\n明日午前に再配達"


def test_saving_again_updates_the_calls_one_entry(store):
    cid = add_customer(store)
    w = wrapup(customer_id=cid, closed_at=None)
    first = save_wrapup(store, w)
    w.notes += "\n追記: 不在票あり"
    w.closed_at = END
    w.disposition = "callback_requested"
    assert save_wrapup(store, w) == first
    assert count(store, Inquiry) == 1
    [entry] = entries(store)
    assert entry.notes.endswith("追記: 不在票あり") and entry.ended_at == END
    with store.session() as s:
        inquiry = s.get(Inquiry, first)
        assert (inquiry.status, inquiry.closed_at, inquiry.disposition) == ("open", None, "callback_requested")


def test_the_entry_an_order_made_during_the_call_is_filled_not_doubled(store):
    cid = add_customer(store)
    with store.transaction() as s:  # the order form, during the call
        auto = call_inquiry(s, CallRef("call-1", START, "+81312345678"), cid, "suzuki").id
    add_order(store, cid, auto, "call-1")
    assert save_wrapup(store, wrapup(customer_id=cid, disposition="order_placed")) == auto
    assert count(store, Inquiry) == 1
    [entry] = entries(store)
    assert (entry.inquiry_id, entry.notes[:5], entry.ended_at) == (auto, "配達日の問", END)


def test_continuing_an_open_inquiry_moves_the_entry_and_the_order_and_drops_the_empty_one(store):
    cid = add_customer(store)
    open_id = add_inquiry(store, cid, channel="call_center", status="open", notes="返品の相談")
    with store.transaction() as s:
        auto = call_inquiry(s, CallRef("call-1", START, "+81312345678"), cid, "suzuki").id
    order = add_order(store, cid, auto, "call-1")
    assert save_wrapup(store, wrapup(customer_id=cid, continue_inquiry_id=open_id)) == open_id
    with store.session() as s:
        assert s.get(Inquiry, auto) is None  # made for the call, emptied by the move
        assert s.get(DeliveryOrder, order).inquiry_id == open_id
        kept = s.get(Inquiry, open_id)
        assert (kept.notes, kept.status, kept.disposition) == ("返品の相談", "closed", "question_answered")
    assert [e.call_id for e in entries(store, open_id)] == ["call-1"]


def test_no_longer_continuing_gives_the_call_an_inquiry_of_its_own_again(store):
    cid = add_customer(store)
    open_id = add_inquiry(store, cid, channel="call_center", status="open", notes="返品の相談")
    w = wrapup(customer_id=cid, continue_inquiry_id=open_id, disposition="callback_requested")
    save_wrapup(store, w)
    w.continue_inquiry_id = None
    own = save_wrapup(store, w)
    assert own != open_id
    assert [e.call_id for e in entries(store, own)] == ["call-1"]
    assert entries(store, open_id) == []
    with store.session() as s:
        assert s.get(Inquiry, open_id).notes == "返品の相談"  # the old thread is left as it was


def test_a_follow_up_call_is_a_new_entry_in_the_thread_shown_in_order(store):
    cid = add_customer(store)
    first = save_wrapup(store, wrapup("call-1", customer_id=cid, disposition="callback_requested",
                                      notes="在庫確認して折り返し"))
    later = START + timedelta(days=1)
    save_wrapup(store, wrapup("call-2", customer_id=cid, continue_inquiry_id=first, opened_at=later,
                              closed_at=later + timedelta(minutes=2), notes="在庫ありと連絡", operator="sato"))
    with store.session() as s:
        [row] = inquiries_for(s, cid)
        inquiry = s.get(Inquiry, first)
        assert inquiry.notes == "在庫確認して折り返し"  # no stamped text appended
    assert row.id == first and row.status == "closed"
    assert [(e.call_id, e.operator, e.started_at, e.notes) for e in row.entries] == [
        ("call-1", "suzuki", START, "在庫確認して折り返し"),
        ("call-2", "sato", later, "在庫ありと連絡"),
    ]
    assert row.latest.call_id == "call-2"


def test_linking_the_caller_later_moves_the_calls_own_inquiry_to_that_customer(store):
    cid = add_customer(store)
    w = wrapup(customer_id=None, caller_number=None)
    inquiry_id = save_wrapup(store, w)
    w.customer_id = cid  # "this is the caller", then saved again
    save_wrapup(store, w)
    with store.session() as s:
        assert s.get(Inquiry, inquiry_id).customer_id == cid


@pytest.mark.parametrize("writers", [2, 4])
def test_saves_racing_for_one_call_make_one_inquiry_and_one_entry(store, writers):
    cid = add_customer(store)
    barrier = threading.Barrier(writers)
    results, errors = [], []

    def save() -> None:
        barrier.wait()
        try:
            results.append(save_wrapup(store, wrapup(customer_id=cid)))
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=save) for _ in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(set(results)) == 1
    assert (count(store, Inquiry), count(store, InquiryEntry)) == (1, 1)


def test_audit_entries_name_the_operator_and_only_a_call_in_progress(store):
    cid = add_customer(store)
    save_wrapup(store, wrapup(customer_id=cid), actor="佐藤", during_call=None)
    new = create_customer_from_call(store, "新規 花子", "しんき はなこ", "09011112222", operator="佐藤",
                                    call_id="call-2")
    attach_number(store, cid, "0611112222", operator="佐藤", call_id="call-2")
    with store.session() as s:
        rows = [(a.actor, a.action, a.customer_id, a.call_id) for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert rows == [
        ("佐藤", "inquiry.save", cid, None),  # saved after the call ended
        ("佐藤", "customer.create", new, "call-2"),
        ("佐藤", "customer.attach_phone", cid, "call-2"),
    ]


def test_a_thread_lists_old_inquiries_without_entries_as_before(store):
    cid = add_customer(store)
    add_inquiry(store, cid, channel="line", notes="LINEでの問い合わせ", opened_at=BASE)
    with store.session() as s:
        [row] = inquiries_for(s, cid)
    assert row.entries == () and row.latest is None and row.notes == "LINEでの問い合わせ"
