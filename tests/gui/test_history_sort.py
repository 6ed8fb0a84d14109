"""Purchase history sorted and filtered by the store, over the whole history, page by page.

Offscreen, through the operator window's own wiring, on a real SQLite store.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QSettings, Qt
from sqlalchemy import select

from cti_desk.qt.main_window import MainWindow
from cti_desk.services.history import PAGE_SIZE
from cti_desk.store.models import DeliveryOrder, Purchase, PurchaseLine
from tests.factories import add_customer
from tests.story_factories import BASE, add_product, add_purchases

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

LOYAL = 1000  # purchase lines of a loyal customer: five pages


@pytest.fixture
def loyal(store):
    """A customer with 1,000 purchases; the biggest and a matcha latte are the oldest (page 5)."""
    cid = add_customer(store)
    add_purchases(store, cid, LOYAL)
    latte = add_product(store, "LATTE", "抹茶ラテ 50%増量")
    with store.transaction() as s:
        oldest = s.scalars(select(Purchase).where(Purchase.customer_id == cid)
                           .order_by(Purchase.purchased_at).limit(1)).one()
        oldest.total = 98_765
        s.add(PurchaseLine(purchase_id=oldest.id, product_id=latte, quantity=1, unit_price=980))
        return cid, oldest.id, oldest.order_no


def show_customer(qtbot, w, cid):
    with qtbot.waitSignal(w.customerShown, timeout=5000):
        w.open_customer(cid)


def click_header(qtbot, w, section):
    """A real click on a column header; returns when the store's answer is on screen."""
    header = w.purchases_view.table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    with qtbot.waitSignal(w.purchases.pageLoaded, timeout=5000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    return header.sortIndicatorOrder()


def shown(w, row, col):
    return w.purchases_view.table.model().index(row, col).data()


def test_sort_by_amount_shows_the_true_maximum_with_one_page_loaded(qtbot, window, loyal):
    cid, biggest, _ = loyal
    show_customer(qtbot, window, cid)
    model = window.purchases
    assert model.rowCount() == PAGE_SIZE and 98_765 not in {model.row(n).amount for n in range(PAGE_SIZE)}
    if click_header(qtbot, window, 4) != Qt.SortOrder.DescendingOrder:
        assert click_header(qtbot, window, 4) == Qt.SortOrder.DescendingOrder
    assert model.rowCount() == PAGE_SIZE  # still one page
    assert shown(window, 0, 4) == "¥98,765" and model.row(0).purchase_id == biggest
    # Scrolling on continues in amount order, across the page boundary.
    with qtbot.waitSignal(model.pageLoaded, timeout=5000):
        window.purchases_view.table.model().fetchMore(QModelIndex())
    amounts = [model.row(n).amount for n in range(model.rowCount())]
    assert len(amounts) == 2 * PAGE_SIZE and amounts == sorted(amounts, reverse=True)
    assert len({model.row(n).purchase_id for n in range(model.rowCount())}) == 2 * PAGE_SIZE


def test_filter_finds_a_purchase_beyond_the_first_page(qtbot, window, loyal):
    cid, oldest, order_no = loyal
    show_customer(qtbot, window, cid)
    view, model = window.purchases_view, window.purchases
    view.filter.setText("抹茶ラテ")  # typed Japanese arrives as committed text
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert model.row(0).purchase_id == oldest and "抹茶ラテ" in shown(window, 0, 3)
    assert view.count.text() == "1 of 1,000 purchases match"
    assert not model.canFetchMore(QModelIndex())
    view.filter.setText("50%増")  # % is a character here, not a LIKE wildcard
    qtbot.waitUntil(lambda: view.count.text() == "1 of 1,000 purchases match" and model.filter_text == "50%増",
                    timeout=5000)
    view.filter.setText(order_no.lower())  # order numbers, any case
    qtbot.waitUntil(lambda: model.filter_text == order_no.lower() and model.complete, timeout=5000)
    assert [model.row(n).purchase_id for n in range(model.rowCount())] == [oldest]
    view.filter.clear()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE and not model.filter_text, timeout=5000)
    assert view.count.text() == "200 of 1,000 purchases loaded"


def test_typing_asks_the_store_once_the_typing_pauses(qtbot, window, loyal, monkeypatch):
    cid, _, _ = loyal
    show_customer(qtbot, window, cid)
    asked = []
    monkeypatch.setattr(window.purchases, "set_filter",
                        lambda text, real=window.purchases.set_filter: (asked.append(text), real(text)))
    qtbot.keyClicks(window.purchases_view.filter, "tea")
    qtbot.waitUntil(lambda: asked == ["tea"] and window.purchases.complete, timeout=5000)
    assert window.purchases.rowCount() == 0  # no "tea": the store said so, not the loaded page


def test_the_newest_order_wins(qtbot, window, loyal):
    cid, _, _ = loyal
    show_customer(qtbot, window, cid)
    model, table = window.purchases, window.purchases_view.table
    table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # oldest first: the operator's last word
    qtbot.waitUntil(lambda: not model.busy, timeout=5000)
    dates = [model.row(n).purchased_at for n in range(model.rowCount())]
    assert model.rowCount() == PAGE_SIZE and dates == sorted(dates)
    assert dates[0] == BASE - timedelta(days=LOYAL - 1)


def test_order_and_filter_stay_for_the_next_customer_and_pending_deliveries_stay_on_top(
    qtbot, window, store, loyal
):
    cid, _, _ = loyal
    show_customer(qtbot, window, cid)
    click_header(qtbot, window, 4)
    order = window.purchases_view.table.horizontalHeader().sortIndicatorOrder()
    other = add_customer(store, name="佐藤 花子", phones=("06-1234-5678",), external_id="S2")
    add_purchases(store, other, 30)
    with store.transaction() as s:
        s.add(DeliveryOrder(order_no="CC-1", customer_id=other, recipient="佐藤 花子", postal_code="5300001",
                            prefecture="大阪府", city="北区", line1="梅田1-1", delivery_date=date(2026, 10, 3),
                            slot="am", payment="cod", total=1, created_at=BASE - timedelta(days=400)))
    model = window.purchases
    with qtbot.waitSignal(model.pageLoaded, timeout=5000):
        show_customer(qtbot, window, other)
    assert model.row(0).status == "pending_delivery"  # small and old, still first
    amounts = [model.row(n).amount for n in range(1, model.rowCount())]
    assert len(amounts) == 30 and amounts == sorted(amounts, reverse=order == Qt.SortOrder.DescendingOrder)


def test_purchase_model_passes_qt_model_checks_sorted_and_filtered(qtbot, qtmodeltester, window, loyal):
    cid, _, _ = loyal
    show_customer(qtbot, window, cid)
    model = window.purchases
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.pageLoaded, timeout=5000):
        model.sort(4, Qt.SortOrder.DescendingOrder)
    with qtbot.waitSignal(model.pageLoaded, timeout=5000):
        model.set_filter("緑茶")
    qtmodeltester.check(model)
    qtmodeltester.check(window.purchases_view.proxy)
    qtbot.waitUntil(lambda: not model.busy, timeout=5000)


def test_a_restored_column_order_is_the_store_order(qtbot, window, store, tmp_path, loyal):
    cid, biggest, _ = loyal
    show_customer(qtbot, window, cid)
    with qtbot.waitSignal(window.purchases.pageLoaded, timeout=5000):
        window.purchases_view.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    window.save_state()
    # The same settings file as `window` (conftest names the first one w0.ini).
    again = MainWindow(store, "suzuki", settings=QSettings(str(tmp_path / "w0.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    header = again.purchases_view.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (4, Qt.SortOrder.DescendingOrder)
    with qtbot.waitSignal(again.purchases.pageLoaded, timeout=5000):
        show_customer(qtbot, again, cid)
    assert again.purchases.row(0).purchase_id == biggest
    again.close()
