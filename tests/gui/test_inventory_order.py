"""The stock panel and the order form on a real store, driven like an operator would."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from cti_desk.domain.delivery import DeliveryCalendar, DraftLine, OrderDraft
from cti_desk.qt import tasks
from cti_desk.qt.inventory_panel import InventoryPanel
from cti_desk.qt.order_form import OrderForm
from cti_desk.services.inquiries import CallRef
from cti_desk.services.orders import japan_day, place_order, utcnow
from cti_desk.services.outbox import Backoff, OutboxDispatcher
from cti_desk.store.db import open_store
from cti_desk.store.models import (
    DeliveryOrder,
    InquiryEntry,
    OutboxMessage,
    PointsEntry,
    Purchase,
    StockLevel,
)
from tests.retail_factories import FakeOMS, add_retail

# The offscreen platform says this whenever a window's size hints change; harmless.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture(autouse=True)
def _no_background_work_outlives_a_test():
    yield
    tasks.shutdown()  # waits for the ops still running; the next test gets a fresh runner


@pytest.fixture
def shop(sqlite_url):
    store = open_store(sqlite_url)
    yield store, add_retail(store)
    store.dispose()


def snapshot(store):
    with store.session() as s:
        counts = tuple(s.scalar(select(func.count()).select_from(t))
                       for t in (DeliveryOrder, Purchase, PointsEntry, OutboxMessage))
        return counts + tuple(s.scalars(select(StockLevel.reserved).order_by(StockLevel.product_id, StockLevel.location_id)))


def take_elsewhere(store, r, location, quantity=1):
    """Another seat orders from the same stock."""
    d = OrderDraft(customer_id=r.customer_id, lines=[DraftLine(r.products["SKU-KETTLE"], quantity, 0, r.locations[location])],
                   recipient="別の席", phone="03-1234-5678", postal_code="1500002", prefecture="東京都",
                   city="渋谷区", line1="1-1", slot="any", payment="cod",
                   delivery_date=DeliveryCalendar().earliest(japan_day(utcnow()), 3))
    return place_order(store, d)


def panel_rows(panel):
    m = panel.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_stock_per_location_nearest_first_with_totals(qtbot, shop):
    store, r = shop
    panel = InventoryPanel(store)
    qtbot.addWidget(panel)
    assert panel.objectName() == "inventoryPanel"
    panel.set_customer(r.customer_id)
    with qtbot.waitSignal(panel.stockLoaded):
        panel.show_product(r.products["SKU-KETTLE"])
    # The customer's prefecture arrives in the background, possibly after the first figures.
    qtbot.waitUntil(lambda: panel_rows(panel)[0][0] == "渋谷店 (S-SHIBUYA)")
    rows = panel_rows(panel)
    assert [row[0] for row in rows] == ["渋谷店 (S-SHIBUYA)", "横浜店 (S-YOKOHAMA)", "東日本倉庫 (WH-EAST)",
                                       "EC在庫 (EC)", "梅田店 (S-UMEDA)"]
    assert [row[6] for row in rows] == ["3", "2", "40", "10", "1"]
    assert "on hand 56" in panel.totals.text() and "available 56" in panel.totals.text()
    assert "as of" in panel.freshness.text()


def test_search_by_scanned_jan_and_a_bad_check_digit(qtbot, shop):
    store, _ = shop
    panel = InventoryPanel(store)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.search_box, "4901234567895")
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "check digit" in panel.message.text())
    panel.search_box.clear()
    qtbot.keyClicks(panel.search_box, "4901234567894")
    with qtbot.waitSignal(panel.stockLoaded):
        qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert "電気ケトル" in panel.product_label.text()
    assert panel.message.text() == ""


def test_panel_refreshes_when_another_seat_orders(qtbot, shop):
    store, r = shop
    panel = InventoryPanel(store, poll_ms=50)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.stockLoaded):
        panel.show_product(r.products["SKU-KETTLE"])
    take_elsewhere(store, r, "S-UMEDA")
    qtbot.waitUntil(lambda: panel.stock.reserved == 1, timeout=5000)
    assert "reserved 1" in panel.totals.text()


def form_with_kettle(qtbot, store, r, **kw):
    form = OrderForm(store, **kw)
    qtbot.addWidget(form)
    form.set_customer(r.customer_id)
    qtbot.waitUntil(lambda: form.recipient.text() == "山田 太郎")
    form.add_product(r.products["SKU-KETTLE"])
    qtbot.waitUntil(lambda: len(form._lines) == 1)
    return form


def test_address_and_source_are_prefilled(qtbot, shop):
    store, r = shop
    form = form_with_kettle(qtbot, store, r)
    assert form.objectName() == "orderForm"
    assert form.postal_code.text() == "150-0002"
    assert form.prefecture.currentText() == "東京都"
    assert form.phone.text() == "03-1234-5678"
    assert form._lines[0].source.currentData() == r.locations["S-SHIBUYA"]  # nearest with stock
    assert "Balance 500 pt" in form.balance_label.text()
    assert "Earliest" in form.delivery_date.currentText()


def test_postal_code_fills_the_address_and_a_bad_code_is_said_on_the_field(qtbot, shop):
    store, _ = shop
    form = OrderForm(store)
    qtbot.addWidget(form)
    form.postal_code.setText("9999999")
    form.lookup_postal_code()
    qtbot.waitUntil(lambda: form.findChild(type(form.status), "error_postal_code").text() != "")
    error = form.findChild(type(form.status), "error_postal_code")
    assert "does not exist" in error.text() and not error.isHidden()
    assert form.postal_code.property("invalid") is True
    assert "does not exist" in form.postal_code.toolTip()

    form.postal_code.setText("１００－０００１")
    form.lookup_postal_code()
    qtbot.waitUntil(lambda: form.prefecture.currentText() == "東京都")
    assert form.city.text() == "千代田区千代田"
    assert form.postal_code.text() == "100-0001"
    assert error.isHidden() and form.postal_code.property("invalid") is False


def test_validation_errors_on_the_fields_and_nothing_saved(qtbot, shop):
    store, r = shop
    form = form_with_kettle(qtbot, store, r)
    before = snapshot(store)
    form.recipient.setText("")
    form.phone.setText("12345")
    form.line1.setText("")
    form._lines[0].quantity.setValue(0)
    form.points.setValue(999)
    qtbot.mouseClick(form.findChild(type(form.submit_button), "orderSubmit"), Qt.MouseButton.LeftButton)
    errors = form.errors()
    assert {"recipient", "phone", "line1", "points", "lines"} <= set(errors)
    assert "points balance" in errors["points"] and "quantity" in errors["lines"]
    assert form.recipient.property("invalid") is True
    assert form._lines[0].quantity.property("invalid") is True
    assert snapshot(store) == before


def test_order_is_placed_and_the_stock_panel_refreshes(qtbot, shop):
    store, r = shop
    panel = InventoryPanel(store, poll_ms=60_000)  # no polling: the form's signal refreshes it
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.stockLoaded):
        panel.show_product(r.products["SKU-KETTLE"])
    form = form_with_kettle(qtbot, store, r)
    form.stockChanged.connect(panel.refresh)
    form._lines[0].quantity.setValue(2)
    form.points.setValue(100)
    form.set_call(CallRef("call-42", utcnow() - timedelta(minutes=3), "+81312345678"))
    with qtbot.waitSignal(form.orderPlaced) as placed, qtbot.waitSignal(panel.stockLoaded):
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    order_no = placed.args[0]
    assert order_no.startswith("CC-") and order_no in form.status.text()
    assert panel.stock.reserved == 2
    with store.session() as s:
        order = s.scalars(select(DeliveryOrder)).one()
        assert (order.order_no, order.points_used, order.total) == (order_no, 100, 9960)
        entry = s.scalars(select(InquiryEntry).where(InquiryEntry.call_id == "call-42")).one()
        assert (order.call_id, order.inquiry_id) == ("call-42", entry.inquiry_id)  # the call's inquiry
    assert form._lines == []
    assert "Earns 98 pt on delivery" in form.status.text()  # 1% of 9,860 paid, earned when delivered
    qtbot.waitUntil(lambda: "Balance 400 pt" in form.balance_label.text())  # 500 - 100 spent


def test_last_unit_taken_by_another_seat_re_suggests(qtbot, shop):
    store, r = shop
    form = OrderForm(store)
    qtbot.addWidget(form)
    form.set_customer(r.customer_id)
    qtbot.waitUntil(lambda: form.recipient.text() == "山田 太郎")
    form.add_product(r.products["SKU-KETTLE"], location_id=r.locations["S-UMEDA"])
    qtbot.waitUntil(lambda: len(form._lines) == 1)
    form.delivery_date.setCurrentIndex(form.delivery_date.count() - 1)
    take_elsewhere(store, r, "S-UMEDA")  # the other seat was quicker
    before = snapshot(store)
    with qtbot.waitSignal(form.stockChanged):
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert "Another seat reserved the stock" in form.errors()["lines"]
    assert "ship from 渋谷店" in form.status.text()
    assert form._lines[0].source.currentData() == r.locations["S-SHIBUYA"]
    assert snapshot(store) == before
    with qtbot.waitSignal(form.orderPlaced):
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)


def test_oms_failure_is_visible_and_retried_by_hand(qtbot, shop):
    store, r = shop
    oms = FakeOMS([422])
    dispatcher = OutboxDispatcher(store, oms.url, timeout=(1, 1), backoff=Backoff(base=0.05, jitter=0),
                                  idle_interval=0.05, clock=lambda: utcnow() + timedelta(seconds=1))
    dispatcher.start()
    try:
        form = form_with_kettle(qtbot, store, r, dispatcher=dispatcher)
        assert form.outbox_box.isVisibleTo(form)
        with qtbot.waitSignal(form.orderPlaced) as placed:
            form.submit()
        order_no = placed.args[0]
        qtbot.waitUntil(lambda: form.outbox_status(order_no) == "failed", timeout=5000)
        assert "Needs attention" in form.status.text()
        assert "HTTP 422" in form.outbox_table.item(0, 4).text()
        qtbot.mouseClick(form.findChild(type(form.submit_button), "outboxRetry"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: form.outbox_status(order_no) == "sent", timeout=5000)
        assert list(oms.accepted) == [order_no]
        assert "OMS: Sent" in form.status.text()
    finally:
        dispatcher.stop()
        oms.close()


def test_both_tabs_follow_the_language_switch(qtbot, shop):
    from cti_desk.qt import i18n

    store, r = shop
    panel = InventoryPanel(store, poll_ms=60_000)
    qtbot.addWidget(panel)
    panel.set_customer(r.customer_id)
    with qtbot.waitSignal(panel.stockLoaded):
        panel.show_product(r.products["SKU-KETTLE"])
    qtbot.waitUntil(lambda: panel_rows(panel)[0][0] == "渋谷店 (S-SHIBUYA)")
    form = form_with_kettle(qtbot, store, r)
    form.recipient.setText("")
    form.submit()  # an error on a field, shown before the switch
    header = panel.model.headerData
    try:
        i18n.install_language("ja")  # what the window's Language menu calls
        qtbot.waitUntil(lambda: form.submit_button.text() == "注文を確定")  # LanguageChange is posted
        assert panel.search_button.text() == "検索"
        assert header(0, Qt.Orientation.Horizontal) == "拠点"
        assert panel_rows(panel)[0][1:4] == ["店舗", "東京都", "同じ都道府県"]
        assert "有効在庫 56" in panel.totals.text()
        assert form.slot.itemText(0) == "指定なし" and form.payment.itemText(0) == "代金引換"
        assert form.delivery_date.currentText().startswith("最短 ")
        assert form.delivery_date.currentText()[-3:] in {f"({d})" for d in "月火水木金土日"}
        assert form.errors()["recipient"] == "お届け先のお名前を入力してください"
        assert "残高 500 pt" in form.balance_label.text()
        assert form._lines[0].source.itemText(0) == "— 出荷元を選択 —"

        i18n.install_language("en")
        qtbot.waitUntil(lambda: form.submit_button.text() == "Place order")
        assert panel.search_button.text() == "Search"
        assert header(0, Qt.Orientation.Horizontal) == "Location"
        assert panel_rows(panel)[0][1:4] == ["Shop", "東京都", "Same prefecture"]
        assert form.slot.itemText(0) == "Any time" and form.payment.itemText(0) == "Cash on delivery"
        assert form.errors()["recipient"] == "Enter the recipient's name"
        assert "Balance 500 pt" in form.balance_label.text()
    finally:
        i18n.install_language("en")



def test_a_closed_form_drops_the_answers_still_coming(qtbot, shop, caplog, monkeypatch):
    import threading

    from PySide6.QtCore import QCoreApplication

    from cti_desk.qt import order_form

    store, r = shop
    answer_now = threading.Event()
    real = order_form.customer_for_order
    monkeypatch.setattr(order_form, "customer_for_order", lambda *a: answer_now.wait(5) and real(*a))
    form = OrderForm(store)
    form.set_customer(r.customer_id)
    with qtbot.waitSignal(form.destroyed):
        form.deleteLater()
    answer_now.set()
    tasks.shutdown()  # the lookup has answered; its delivery is queued
    QCoreApplication.processEvents()
    assert [rec.getMessage() for rec in caplog.records if rec.levelname == "ERROR"] == []


def test_an_order_taken_during_a_call_joins_the_calls_inquiry(qtbot, window, store):
    from cti_desk.domain.calls import CallState
    from tests.gui.test_operator_window import T0, ring, update

    r = add_retail(store)
    ring(qtbot, window, update(call_id="c-order", number="0312345678"))
    window.on_call_update(update(call_id="c-order", state=CallState.ANSWERED, agent="PJSIP/2001", seconds=5))
    form = window.order_form
    qtbot.waitUntil(lambda: form.recipient.text() == "山田 太郎")
    form.add_product(r.products["SKU-KETTLE"])
    qtbot.waitUntil(lambda: len(form._lines) == 1)
    with qtbot.waitSignal(form.orderPlaced, timeout=5000):
        form.submit()
    with store.session() as s:
        order = s.scalars(select(DeliveryOrder)).one()
        entry = s.scalars(select(InquiryEntry).where(InquiryEntry.call_id == "c-order")).one()
        assert (order.call_id, order.inquiry_id) == ("c-order", entry.inquiry_id)
        assert (entry.caller_number, entry.started_at) == ("+81312345678", T0.replace(tzinfo=None))
        payload = s.scalars(select(OutboxMessage.payload)).one()
        assert (payload["call_id"], payload["inquiry_id"]) == ("c-order", entry.inquiry_id)


def test_a_seat_without_an_oms_queues_and_the_apps_dispatcher_sends(qtbot, window, store):
    from types import SimpleNamespace

    from PySide6.QtWidgets import QApplication

    from cti_desk.app.gui import Startup

    r = add_retail(store)
    form = window.order_form  # this window has no --oms-url
    form.set_customer(r.customer_id)
    qtbot.waitUntil(lambda: form.recipient.text() == "山田 太郎")
    form.add_product(r.products["SKU-KETTLE"])
    qtbot.waitUntil(lambda: len(form._lines) == 1)
    with qtbot.waitSignal(form.orderPlaced, timeout=5000) as placed:
        form.submit()
    assert not form.outbox_box.isVisibleTo(form) and "OMS" not in form.status.text()

    oms = FakeOMS()
    sender = OutboxDispatcher(store, oms.url, timeout=(1, 1), idle_interval=0.05)
    try:
        # The app's wiring starts the dispatcher once the store is ready, not the form.
        Startup(QApplication.instance(), window, store, SimpleNamespace(agent=None), store.url,
                outbox=sender).begin()
        qtbot.waitUntil(lambda: placed.args[0] in oms.accepted, timeout=5000)
    finally:
        sender.stop()
        oms.close()


def test_a_product_looked_up_during_a_call_is_the_callers_demand(qtbot, window, store):
    """Stock looked up in the inventory tab while a call is on is one stock_lookups row
    (the supervisors' "asked for while out of stock" counts them); outside a call, none."""
    from cti_desk.domain.calls import CallState
    from cti_desk.store.models import StockLookup
    from tests.gui.test_operator_window import ring, update

    r = add_retail(store)
    ring(qtbot, window, update(call_id="c-look", number="0312345678"))
    window.on_call_update(update(call_id="c-look", state=CallState.ANSWERED, agent="PJSIP/2001", seconds=5))
    panel = window.inventory
    qtbot.waitUntil(lambda: panel._prefecture == "東京都")  # the caller's, loaded after the pop
    with qtbot.waitSignal(panel.stockLoaded):
        panel.search("SKU-KETTLE")
    with store.session() as s:
        row = s.scalars(select(StockLookup)).one()
    # Available then: 3 in Shibuya (Tokyo); 56 counting Yokohama, the warehouse, EC and Umeda.
    assert (row.channel, row.call_id, row.customer_id, row.product_id) == (
        "call", "c-look", r.customer_id, r.products["SKU-KETTLE"])
    assert (row.prefecture, row.available_near, row.available_total) == ("東京都", 3, 56)

    window.on_call_update(update(call_id="c-look", state=CallState.ENDED, agent="PJSIP/2001", seconds=60))
    with qtbot.waitSignal(panel.stockLoaded):
        panel.search("SKU-KETTLE")
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(StockLookup)) == 1
