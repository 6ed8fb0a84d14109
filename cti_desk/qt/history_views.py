"""The purchase and inquiry tables: sortable, filterable, no fixed pixel sizes.

The purchase table's order and filter are the store's (whole history, see
PurchaseHistoryModel), not a proxy's over the loaded page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QIdentityProxyModel, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cti_desk.qt.history_models import PurchaseHistoryModel
from cti_desk.qt.inquiry_model import InquiryHistoryModel, thread_text
from cti_desk.qt.order_details import OrderDetails
from cti_desk.services.history import MAX_FILTER_CHARS

FILTER_DELAY_MS = 300  # typing "緑茶" re-queries once, not per keystroke


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class PurchaseHistoryView(QWidget):
    """The purchases, and under them the selected delivery order's life and its cancel."""

    # A line double-clicked (or Enter): where is its first product in stock now?
    productRequested = Signal(int)
    orderCancelled = Signal(str)  # order_no: this seat cancelled it (the row says so already)

    def __init__(self, model: PurchaseHistoryModel, orders=None, parent=None) -> None:
        """`orders`: the seat's services for an order's steps and its cancel (None: no pane)."""
        super().__init__(parent)
        self.model = model
        # Pass-through: a header click's sort() and the view's fetchMore() reach the model,
        # which re-queries the store; nothing is sorted or hidden here.
        self.proxy = QIdentityProxyModel(self)
        self.proxy.setSourceModel(model)
        self.filter = QLineEdit()
        self.filter.setObjectName("purchaseFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaxLength(MAX_FILTER_CHARS)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(self._filter_edited)
        self.filter.returnPressed.connect(self.apply_filter)
        self.count = QLabel()
        self.count.setObjectName("purchaseCount")
        self.table = _table("purchaseHistory")
        self.table.setModel(self.proxy)
        self.table.activated.connect(self._line_activated)
        self.table.sortByColumn(model.sort_column, model.sort_order)  # newest first, as a pop loads
        # Room for a whole date, from the font (not pixels): readable on any DPI.
        fm = self.table.fontMetrics()
        self.table.horizontalHeader().resizeSection(0, fm.horizontalAdvance("2026-12-31 23:59") + 24)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.details = OrderDetails(orders, self)
        self.details.orderCancelled.connect(self._order_cancelled)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        model.modelReset.connect(self._show_details)
        layout.addWidget(self.details)
        self.details.setVisible(orders is not None)
        self._failed = False
        model.modelReset.connect(self._model_reset)
        model.rowsInserted.connect(self._update_count)
        model.pageLoaded.connect(self._page_loaded)
        model.queryFailed.connect(self._query_failed)
        self.retranslate()

    def _filter_edited(self, text: str) -> None:
        if text.strip():
            self._filter_timer.start()  # restarts: the store is asked once typing pauses
        else:
            self.apply_filter()  # clearing is always wanted at once

    def _line_activated(self, index) -> None:
        if not index.isValid():
            return
        row = self.model.row(self.proxy.mapToSource(index).row())
        if row.product_ids:
            self.productRequested.emit(row.product_ids[0])

    def _show_details(self) -> None:
        index = self.table.currentIndex()
        n = self.proxy.mapToSource(index).row() if index.isValid() else -1
        self.details.show_row(self.model.row(n) if 0 <= n < self.model.rowCount() else None)

    def _order_cancelled(self, order_no: str) -> None:
        self.model.set_order_status(order_no, "cancelled")
        self.orderCancelled.emit(order_no)

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.filter.text())

    def _model_reset(self) -> None:
        self._failed = False
        # A header state restored from settings may show another order than the model's.
        header = self.table.horizontalHeader()
        if header.isSortIndicatorShown():
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._update_count()

    def _page_loaded(self, _rows: int) -> None:
        self._failed = False
        self._update_count()

    def _query_failed(self) -> None:
        self._failed = True
        self._update_count()

    def _update_count(self, *_args) -> None:
        shown, total = f"{self.model.rowCount():,}", f"{self.model.total:,}"
        if self._failed:
            self.count.setText(self.tr("Could not load purchases"))
        elif not self.model.filter_text:
            self.count.setText(self.tr("{shown} of {total} purchases loaded").format(shown=shown, total=total))
        elif self.model.complete:
            self.count.setText(self.tr("{shown} of {total} purchases match").format(shown=shown, total=total))
        else:
            self.count.setText(self.tr("{shown} matching purchases loaded (of {total}), more below").format(
                shown=shown, total=total))

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter purchases (product, shop, channel…)"))
        self._update_count()
        self.model.retranslate()  # the model keeps its cells' text: labels are formatted anew

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class InquiryHistoryView(QWidget):
    """The inquiries, and below them the selected one's thread (every contact, plain text)."""

    def __init__(self, model: InquiryHistoryModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = _table("inquiryHistory")
        self.table.setSortingEnabled(False)  # open first, then newest first: the order matters
        self.table.setModel(model)
        fm = self.table.fontMetrics()
        self.table.horizontalHeader().resizeSection(0, fm.horizontalAdvance("2026-12-31 23:59") + 24)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.thread = QPlainTextEdit()  # plain text by construction: notes never become HTML
        self.thread.setObjectName("inquiryThread")
        self.thread.setReadOnly(True)
        self.thread.setMaximumHeight(8 * fm.lineSpacing())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_thread())
        model.modelReset.connect(self.show_thread)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.thread)

    def show_thread(self) -> None:
        """The selected inquiry's thread (the first row's when none is selected)."""
        n = self.table.currentIndex().row()
        if not 0 <= n < self.model.rowCount():
            n = 0
        self.thread.setPlainText(thread_text(self.model.row(n)) if self.model.rowCount() else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.retranslate()
            self.show_thread()
        super().changeEvent(event)
