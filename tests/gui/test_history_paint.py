"""The history tables keep their cells' text formatted, and still follow a language switch."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from cti_desk.qt import i18n
from cti_desk.qt.history_models import ROW_ROLE, SORT_ROLE, PurchaseHistoryModel
from cti_desk.qt.history_views import InquiryHistoryView, PurchaseHistoryView
from cti_desk.qt.i18n import local_time
from cti_desk.qt.inquiry_model import InquiryHistoryModel
from cti_desk.qt.inventory_panel import InventoryPanel
from cti_desk.qt.order_form import OrderForm
from cti_desk.services.history import PENDING_DELIVERY, InquiryRow, PurchaseRow
from cti_desk.store.db import open_store

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

AT = datetime(2026, 11, 20, 5, 30)  # naive UTC, like the store

PENDING = PurchaseRow(None, "DO-0001", "ec", "EC", AT, "急須 <b>常滑焼</b>", 12_800, 0, PENDING_DELIVERY)
BOUGHT = PurchaseRow(7, "ST-0007", "store", "渋谷店", AT.replace(day=1), "緑茶 500ml", 1_500, 15, "completed")
ASKED = InquiryRow(3, "call_center", AT, None, "suzuki", "配送", "届かない\n<i>至急</i>", "question_answered",
                   "open", "c1")


def cells(model, row):
    return [model.index(row, c).data() for c in range(model.columnCount())]


@pytest.fixture
def purchases(qtbot):
    model = PurchaseHistoryModel()
    view = PurchaseHistoryView(model)
    qtbot.addWidget(view)
    model.reset(None, [PENDING, BOUGHT], 1)
    view.show()
    qtbot.waitExposed(view)
    view.table.viewport().grab()  # painted once: the cells are formatted and kept
    return model, view


def test_purchase_cells_as_the_operator_reads_them(purchases):
    model, _view = purchases
    assert cells(model, 0) == [local_time(AT), "EC", "EC", "急須 <b>常滑焼</b>", "¥12,800", "", "Order received"]
    assert cells(model, 1) == [local_time(BOUGHT.purchased_at), "Shop", "渋谷店", "緑茶 500ml", "¥1,500", "15",
                               "Completed"]
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()  # the delivery a caller rings about
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole) is None
    right = model.index(1, 4).data(Qt.ItemDataRole.TextAlignmentRole)
    assert right == int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(1, 3).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.index(1, 4).data(SORT_ROLE) == 1_500
    assert model.index(1, 0).data(ROW_ROLE) is BOUGHT
    tip = model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert "DO-0001" in tip and "&lt;b&gt;" in tip and "<b>" not in tip  # outside text stays text
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_purchase_table_follows_the_language_switch(qtbot, purchases):
    model, view = purchases
    try:
        with qtbot.waitSignal(model.dataChanged, timeout=2000):  # the table is told to paint anew
            i18n.install_language("ja")  # what the window's Language menu calls; LanguageChange is posted
        assert cells(model, 0)[1:] == ["EC", "EC", "急須 <b>常滑焼</b>", "¥12,800", "", "受付済"]
        assert cells(model, 1)[1:] == ["店舗", "渋谷店", "緑茶 500ml", "¥1,500", "15", "完了"]
        assert view.proxy.index(1, 1).data() == "店舗"  # what the table itself reads
        assert model.headerData(0, Qt.Orientation.Horizontal) == "日時"
        view.table.viewport().grab()

        with qtbot.waitSignal(model.dataChanged, timeout=2000):
            i18n.install_language("en")
        assert cells(model, 1)[1] == "Shop" and cells(model, 1)[6] == "Completed"
    finally:
        i18n.install_language("en")


def test_rows_paged_in_after_a_switch_are_in_the_new_language(qtbot, purchases):
    model, _view = purchases
    try:
        with qtbot.waitSignal(model.dataChanged, timeout=2000):
            i18n.install_language("ja")
        model.reset(None, [BOUGHT], 1)  # the next customer's pop
        assert cells(model, 0)[1] == "店舗"
    finally:
        i18n.install_language("en")


def test_inquiry_table_follows_the_language_switch(qtbot):
    model = InquiryHistoryModel()
    view = InquiryHistoryView(model)
    qtbot.addWidget(view)
    model.reset([ASKED])
    view.show()
    qtbot.waitExposed(view)
    view.table.viewport().grab()
    assert cells(model, 0) == [local_time(AT), "Call center", "Open", "Question answered", "届かない <i>至急</i>",
                               "suzuki"]
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole).bold()  # still open
    assert "&lt;i&gt;" in model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 0).data(ROW_ROLE) is ASKED
    try:
        with qtbot.waitSignal(model.dataChanged, timeout=2000):
            i18n.install_language("ja")
        assert cells(model, 0)[2:4] == ["対応中", "回答済み"]
        assert model.headerData(0, Qt.Orientation.Horizontal) != "Opened"
    finally:
        i18n.install_language("en")


def test_models_pass_qt_model_checks(qtmodeltester, purchases):
    model, view = purchases
    qtmodeltester.check(model)
    qtmodeltester.check(view.proxy)
    inquiries = InquiryHistoryModel()
    inquiries.reset([ASKED])
    qtmodeltester.check(inquiries)


def fixed_columns_fit_their_titles(table: QTableView, stretched: int) -> None:
    header = table.horizontalHeader()
    model = table.model()
    for column in range(header.count()):
        mode = header.sectionResizeMode(column)
        assert mode != QHeaderView.ResizeMode.ResizeToContents  # would re-measure every row on a change
        if column == stretched:
            assert mode == QHeaderView.ResizeMode.Stretch or header.stretchLastSection()
            continue
        title = model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) > header.fontMetrics().horizontalAdvance(title), title


def test_stock_and_outbox_columns_are_sized_from_the_font_in_either_language(qtbot, sqlite_url):
    store = open_store(sqlite_url)
    panel = InventoryPanel(store, poll_ms=60_000)
    form = OrderForm(store)
    for w in (panel, form):
        qtbot.addWidget(w)
    try:
        fixed_columns_fit_their_titles(panel.table, stretched=0)  # the location's name
        fixed_columns_fit_their_titles(form.outbox_table, stretched=4)  # the OMS's error
        i18n.install_language("ja")
        qtbot.waitUntil(lambda: panel.model.headerData(0, Qt.Orientation.Horizontal) == "拠点")
        qtbot.waitUntil(lambda: form.outbox_table.horizontalHeaderItem(0).text() != "Order no.")
        fixed_columns_fit_their_titles(panel.table, stretched=0)
        fixed_columns_fit_their_titles(form.outbox_table, stretched=4)
    finally:
        i18n.install_language("en")
        store.dispose()


def test_the_card_summary_in_fewer_round_trips_says_the_same(store):
    """customer_summary reads the customer with its counts in one query: same figures, both DBs."""
    from cti_desk.services.customers import customer_summary
    from cti_desk.store.models import ChannelIdentity, Customer
    from tests.factories import add_customer
    from tests.story_factories import add_purchases

    cid = add_customer(store, member_id="M9", external_id="S-1")
    add_purchases(store, cid, 3, points=10)
    with store.transaction() as s:
        s.get(Customer, cid).flags = "vip,complaint"
        s.add(ChannelIdentity(customer_id=cid, channel="line", external_id="U1", member_id=None))
    with store.session() as s:
        summary = customer_summary(s, cid)
        assert customer_summary(s, cid + 1000) is None
    assert (summary.id, summary.name, summary.order_count, summary.points) == (cid, "山田 太郎", 3, 30)
    assert summary.flags == ["vip", "complaint"]
    assert summary.member_ids == ["M9"]
    assert summary.identities == [("store", "S-1"), ("line", "U1")]
