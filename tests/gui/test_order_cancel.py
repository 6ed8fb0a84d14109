"""An order's life in the purchase history, and its cancel from the real operator window
(offscreen) on a real store, SQLite and PostgreSQL: the cancel reaches a local OMS (a
real HTTP server) through the outbox, the stock and the points come back, the row and its
steps say cancelled; what cannot be cancelled says why."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QTableView
from sqlalchemy import func, select

from cti_desk.domain.delivery import DeliveryCalendar, DraftLine, OrderDraft
from cti_desk.qt import i18n
from cti_desk.qt.order_details import CancelOrderDialog
from cti_desk.services.order_life import apply_oms_status
from cti_desk.services.orders import japan_day, place_order, utcnow
from cti_desk.services.outbox import OutboxDispatcher
from cti_desk.store.db import open_store
from cti_desk.store.models import AuditEntry, PointsEntry, StockLevel
from tests.retail_factories import FakeOMS, add_retail

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

REASON = "お客様都合（不要になった）"


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def store(request):
    s = open_store(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))
    yield s
    s.dispose()


@pytest.fixture
def shop(store):
    return add_retail(store)  # 500 points; 3 kettles in Shibuya, 40 at the warehouse


@pytest.fixture
def oms(store):
    """A local OMS and the outbox dispatcher that sends to it (as the app starts it)."""
    server = FakeOMS()
    sender = OutboxDispatcher(store, server.url, timeout=(1, 1), idle_interval=0.05)
    sender.start()
    yield server
    sender.stop()
    server.close()


def order(store, r, location: str, quantity: int, points: int = 0) -> str:
    """A delivery order of kettles, placed as the order form places it."""
    d = OrderDraft(customer_id=r.customer_id,
                   lines=[DraftLine(r.products["SKU-KETTLE"], quantity, 4980, r.locations[location])],
                   recipient="山田 太郎", phone="03-1234-5678", postal_code="1500002", prefecture="東京都",
                   city="渋谷区", line1="渋谷1-2-3", slot="any", payment="cod", points_to_use=points,
                   delivery_date=DeliveryCalendar().earliest(japan_day(utcnow()), 3), operator="suzuki")
    return place_order(store, d).order_no


def stock(store, r, location: str) -> tuple[int, int]:
    with store.session() as s:
        level = s.scalars(select(StockLevel).where(StockLevel.product_id == r.products["SKU-KETTLE"],
                                                   StockLevel.location_id == r.locations[location])).one()
        return level.on_hand, level.reserved


def points(store, r) -> int:
    with store.session() as s:
        return s.scalar(select(func.coalesce(func.sum(PointsEntry.delta), 0))
                        .where(PointsEntry.customer_id == r.customer_id))


def open_purchases(qtbot, window, r):
    with qtbot.waitSignal(window.customerShown, timeout=5000):
        window.open_customer(r.customer_id)
    return window.findChild(QTableView, "purchaseHistory")


def select_order(qtbot, window, table, order_no: str) -> None:
    """Click the order's row; wait for its steps."""
    model = table.model()
    n = next(n for n in range(model.rowCount()) if model.index(n, 0).data(Qt.ItemDataRole.UserRole + 2).order_no == order_no)
    table.setCurrentIndex(model.index(n, 3))
    qtbot.waitUntil(lambda: window.purchases_view.details.current_status is not None, timeout=5000)


def status_of(table, order_no: str) -> str:
    model = table.model()
    return next(model.index(n, 6).data() for n in range(model.rowCount())
                if model.index(n, 0).data(Qt.ItemDataRole.UserRole + 2).order_no == order_no)


def pane(window) -> tuple[str, str, QPushButton, str]:
    """The order pane as the operator reads it: heading, steps, the button, the note."""
    return (window.findChild(QLabel, "orderHeading").text(),
            window.findChild(QPlainTextEdit, "orderTimeline").toPlainText(),
            window.findChild(QPushButton, "cancelOrder"),
            window.findChild(QLabel, "cancelOrderNote").text())


def test_an_order_cancelled_from_the_window_reaches_the_oms_and_gives_back_stock_and_points(
        qtbot, window, store, shop, oms):
    r = shop
    order_no = order(store, r, "S-SHIBUYA", 2, points=100)
    assert stock(store, r, "S-SHIBUYA") == (3, 2) and points(store, r) == 400
    qtbot.waitUntil(lambda: order_no in oms.accepted, timeout=5000)  # the order reached the OMS first
    table = open_purchases(qtbot, window, r)
    assert status_of(table, order_no) == "Order received"
    assert window.findChild(QLabel, "customer_points").text() == "400 pt"
    balance = window.order_form.balance_label  # the order form on the next tab, same customer
    qtbot.waitUntil(lambda: balance.text() == "Balance 400 pt", timeout=5000)
    window.order_form.address_box.line2.setText("Room 301")  # an address being typed meanwhile

    select_order(qtbot, window, table, order_no)
    heading, steps, button, note = pane(window)
    assert heading == f"Order {order_no}: Order received"
    assert steps.endswith("Order received · suzuki") and "JST" in steps
    assert button.isEnabled() and note == ""

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(CancelOrderDialog, "cancelOrderDialog")
    assert dialog.isVisible() and order_no in dialog.question.text()
    assert not dialog.confirm.isEnabled()  # a reason is required
    dialog.reason.setText("   ")
    assert not dialog.confirm.isEnabled()
    dialog.reason.setText(REASON)
    with qtbot.waitSignal(window.purchases_view.orderCancelled, timeout=5000):
        qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)

    assert status_of(table, order_no) == "Cancelled"
    qtbot.waitUntil(lambda: window.purchases_view.details.current_status == "cancelled", timeout=5000)
    heading, steps, button, note = pane(window)
    assert heading == f"Order {order_no}: Cancelled"
    assert steps.splitlines()[-1].endswith(f"Cancelled · suzuki · Reason: {REASON}")
    assert not button.isEnabled()
    assert note == f"Order {order_no} cancelled: 100 points returned to the customer"
    try:  # the operator switches the desk to Japanese: what the cancel did is said again in it
        i18n.install_language("ja")
        qtbot.waitUntil(lambda: pane(window)[3] == f"注文 {order_no} をキャンセルしました。100ポイントをお客様に返却しました",
                        timeout=2000)
    finally:
        i18n.install_language("en")
    qtbot.waitUntil(lambda: pane(window)[3] == f"Order {order_no} cancelled: 100 points returned to the customer",
                    timeout=2000)
    qtbot.waitUntil(lambda: window.findChild(QLabel, "customer_points").text() == "500 pt", timeout=5000)
    qtbot.waitUntil(lambda: balance.text() == "Balance 500 pt", timeout=5000)  # the order form can spend them
    assert window.order_form.address_box.line2.text() == "Room 301"  # and kept what was typed

    assert stock(store, r, "S-SHIBUYA") == (3, 0)  # the reservation released, nothing shipped
    assert points(store, r) == 500  # the 100 spent are back
    qtbot.waitUntil(lambda: f"{order_no}-cancel" in oms.accepted, timeout=5000)
    assert (f"{order_no}-cancel", f"/orders/{order_no}/cancel") in oms.paths
    assert oms.accepted[f"{order_no}-cancel"][0]["reason"] == REASON
    with store.session() as s:
        assert s.scalars(select(AuditEntry.actor).where(AuditEntry.action == "order.cancel")).all() == ["suzuki"]


def test_what_cannot_be_cancelled_says_why_and_a_late_refusal_is_said_in_words(qtbot, window, store, shop):
    r = shop
    shipped = order(store, r, "WH-EAST", 1)
    late = order(store, r, "S-SHIBUYA", 1)
    apply_oms_status(store, shipped, "shipped", datetime(2026, 12, 1, 1, 30, tzinfo=UTC))  # 10:30 in Japan
    table = open_purchases(qtbot, window, r)
    assert status_of(table, shipped) == "Shipped"

    select_order(qtbot, window, table, shipped)
    heading, steps, button, note = pane(window)
    assert heading == f"Order {shipped}: Shipped"
    assert steps.splitlines()[-1] == "2026-12-01 10:30 JST  Shipped · OMS"
    assert not button.isEnabled()
    assert note == f"Order {shipped} has shipped: it can no longer be cancelled"

    # Shown as received; the OMS ships it while the operator types the reason.
    select_order(qtbot, window, table, late)
    assert pane(window)[2].isEnabled()
    qtbot.mouseClick(pane(window)[2], Qt.MouseButton.LeftButton)
    dialog = window.findChild(CancelOrderDialog, "cancelOrderDialog")
    dialog.reason.setText("wrong size")
    apply_oms_status(store, late, "shipped", datetime.now(UTC))
    before = (stock(store, r, "S-SHIBUYA"), points(store, r))
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane(window)[3].startswith("Not cancelled"), timeout=5000)
    qtbot.waitUntil(lambda: window.purchases_view.details.current_status == "shipped", timeout=5000)
    heading, _steps, button, note = pane(window)
    assert note == f"Not cancelled: Order {late} has shipped: it can no longer be cancelled"
    assert heading == f"Order {late}: Shipped" and not button.isEnabled()
    assert (stock(store, r, "S-SHIBUYA"), points(store, r)) == before  # nothing written


def test_statuses_and_steps_in_japanese(qtbot, window, store, shop):
    r = shop
    placed, shipped, delivered, cancelled = (order(store, r, "WH-EAST", 1) for _ in range(4))
    at = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    apply_oms_status(store, shipped, "shipped", at)
    apply_oms_status(store, delivered, "delivered", at + timedelta(days=1))
    apply_oms_status(store, cancelled, "cancelled", at)
    table = open_purchases(qtbot, window, r)
    try:
        i18n.install_language("ja")
        qtbot.waitUntil(lambda: status_of(table, placed) == "受付済", timeout=2000)
        assert [status_of(table, n) for n in (shipped, delivered, cancelled)] == ["発送済", "お届け済", "キャンセル"]
        select_order(qtbot, window, table, delivered)
        heading, steps, button, note = pane(window)
        assert heading == f"注文 {delivered}: お届け済"
        assert steps.splitlines()[1:] == ["2026-12-02 10:00 JST  お届け済 · OMS"]
        assert steps.splitlines()[0].split("  ")[1] == "受付済 · suzuki"
        assert button.text() == "注文をキャンセル…" and not button.isEnabled()
        assert "キャンセル" in note and delivered in note
    finally:
        i18n.install_language("en")
