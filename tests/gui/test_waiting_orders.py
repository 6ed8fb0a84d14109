"""Orders waiting for the store, on a real SQLite store (issue 13, faults): the journal
entry a crash left behind after the store had committed is found, not placed again; an
order a later attempt refuses (the last unit gone while it waited) is listed with the
reason and goes back into the form to be changed; throwing one away asks first."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from cti_desk.qt import tasks
from cti_desk.qt.order_form import OrderForm
from cti_desk.services.drafts import CallDraft, DraftJournal
from cti_desk.services.inquiries import CallRef, WrapUp, save_wrapup
from cti_desk.services.journal_file import store_key
from cti_desk.services.order_journal import OrderJournal, WaitingOrder, place_waiting
from cti_desk.services.order_outcome import new_draft_key
from cti_desk.settings.paths import data_dir
from cti_desk.store.models import DeliveryOrder, InquiryEntry, StockLevel
from tests.gui.test_inventory_order import take_elsewhere
from tests.gui.test_order_lost_commit import ready_form, waiting_rows
from tests.retail_factories import add_retail
from tests.store.test_orders import CommitFaults
from tests.store.test_waiting_orders import deliverable

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture(autouse=True)
def _no_background_work_outlives_a_test():
    yield
    tasks.shutdown()


RANG = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)


def orders(store) -> list[str]:
    with store.session() as s:
        return s.scalars(select(DeliveryOrder.order_no)).all()


def reserved(store, r, location="S-SHIBUYA") -> int:
    with store.session() as s:
        return s.scalar(select(StockLevel.reserved).where(
            StockLevel.product_id == r.products["SKU-KETTLE"], StockLevel.location_id == r.locations[location]))


def test_what_the_store_had_when_the_desk_was_killed_is_found_not_written_again(qtbot, make_window, store):
    """Killed after the store's commit, before the journal rows were removed: the next
    start writes again, and the order's key and the wrap-up's call id make it a no-op."""
    r = add_retail(store)
    order = WaitingOrder(new_draft_key(), deliverable(r), CallRef("x-1", RANG.replace(tzinfo=None)), "山田 太郎")
    journal = OrderJournal.in_folder(data_dir())
    journal.put(store_key(store), order)
    journal.close()
    first = place_waiting(store, order).placed  # the commit the killed desk never heard of
    assert first is not None and not first.found

    w0 = WrapUp(call_id="x-1", operator="suzuki", opened_at=RANG.replace(tzinfo=None), customer_id=r.customer_id,
                notes="折り返し済み", disposition="question_answered", version=1)
    save_wrapup(store, w0)  # this commit too
    drafts = DraftJournal.in_folder(data_dir())
    drafts.put(store_key(store), CallDraft(call_id="x-1", rang_at=RANG, e164=None, raw_number="0312345678",
                                           caller_name="", queue="", wrapup=w0, queued=True))
    drafts.close()

    w = make_window()  # the next start
    qtbot.waitUntil(lambda: not w.order_form.waiting_box.pending() and w.keeper.waiting() == [], timeout=10000)
    assert w.order_form.status.text().startswith(f"Order {first.order_no} placed after waiting for the store")
    assert orders(store) == [first.order_no] and reserved(store, r) == 1
    with store.session() as s:
        [entry] = s.scalars(select(InquiryEntry)).all()
        assert (entry.call_id, entry.notes, entry.inquiry_id) == ("x-1", "折り返し済み", first.inquiry_id)
    w.keeper.journal.flush()
    w.order_form.waiting_box.journal.flush()
    assert OrderJournal.in_folder(data_dir()).load(store_key(store)) == []
    assert DraftJournal.in_folder(data_dir()).load(store_key(store)) == []


def test_an_order_refused_after_waiting_is_listed_and_goes_back_into_the_form(qtbot, store):
    r = add_retail(store)
    form = ready_form(qtbot, store, r)
    form._lines[0].source.setCurrentIndex(form._lines[0].source.findData(r.locations["S-UMEDA"]))  # its last unit
    form.points.setValue(20)
    faults = CommitFaults(store, "refuse", "refuse")  # the order's COMMIT, then the check's
    try:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "kept on this computer" in form.status.text(), timeout=10000)
    finally:
        faults.remove()
    take_elsewhere(store, r, "S-UMEDA")  # meanwhile another seat takes Umeda's last kettle
    [other] = orders(store)

    with qtbot.waitSignal(form.waiting_box.refused, timeout=15000):
        pass  # the store answers: the waiting order is tried again and refused
    assert form.status.text() == (
        "The order for 山田 太郎 that waited for the store was not placed: 電気ケトル 1.0L: another seat "
        "reserved the stock. Take it back into the form to change it.")
    [row] = waiting_rows(form)
    assert row.startswith("Not placed: ") and row.endswith("電気ケトル 1.0L: another seat reserved the stock")
    form.waiting_box.journal.flush()
    [kept] = OrderJournal.in_folder(data_dir()).load(store_key(store))
    assert kept.refused  # not tried by itself again, also after a restart
    assert orders(store) == [other]

    assert form.waiting_box.back_button.isEnabled()
    qtbot.mouseClick(form.waiting_box.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(form._lines) == 1 and form.recipient.text() == "山田 太郎", timeout=5000)
    assert waiting_rows(form) == [] and form.waiting_box.isHidden()
    assert (form._draft_key, form.points.value()) == (kept.key, 20)
    assert (form.postal_code.text(), form.line1.text()) == ("150-0002", "渋谷1-2-3")
    line = form._lines[0]
    line.source.setCurrentIndex(line.source.findData(r.locations["S-SHIBUYA"]))  # the operator's choice
    with qtbot.waitSignal(form.orderPlaced, timeout=10000) as placed:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert sorted(orders(store)) == sorted([other, placed.args[0]]) and reserved(store, r) == 1
    form.waiting_box.journal.flush()
    assert OrderJournal.in_folder(data_dir()).load(store_key(store)) == []


def test_discarding_a_waiting_order_asks_first(qtbot, store):
    r = add_retail(store)
    order = WaitingOrder(new_draft_key(), deliverable(r), None, "山田 太郎", refused="電気ケトル 1.0L: gone")
    journal = OrderJournal.in_folder(data_dir())
    journal.put(store_key(store), order)
    journal.close()
    form = OrderForm(store)
    qtbot.addWidget(form)
    assert len(waiting_rows(form)) == 1
    box = form.waiting_box.ask_discard_selected()
    assert box.text() == ("Discard the order for 山田 太郎 (¥4,980)? It has not been placed and cannot be "
                          "brought back.")
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(waiting_rows(form)) == 1
    box = form.waiting_box.ask_discard_selected()
    next(b for b in box.buttons() if b.text() == "Discard").click()
    assert waiting_rows(form) == []
    form.waiting_box.journal.flush()
    assert OrderJournal.in_folder(data_dir()).load(store_key(store)) == [] and orders(store) == []
