"""A product at the kiosk (`kioskProduct`: name, price, a picture or its placeholder) and its
stock (`kioskStock`): this shop first, then nearby shops, warehouses and the online
store, each with the day it can be at the customer's home."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cti_desk.qt import labels
from cti_desk.qt.i18n import local_time, yen
from cti_desk.qt.kiosk import texts
from cti_desk.qt.kiosk.style import button, label
from cti_desk.qt.tasks import run_query
from cti_desk.services.inventory import ProductHit
from cti_desk.services.kiosk import KioskShop, KioskStock, KioskStockRow, kiosk_stock

log = logging.getLogger(__name__)

PLACE, LOCATION, AVAILABLE, ARRIVES = range(4)
PICTURE_PX = 120
ROW_PX = 54  # a row is a touch target too (>= 48 px); more rows in view than TOUCH_PX


class StockModel(QAbstractTableModel):
    """The kiosk_stock rows as they came (their order is the kiosk's preference)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[KioskStockRow] = []

    def set_rows(self, rows: list[KioskStockRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 -- Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Where"), self.tr("Shop or warehouse"), self.tr("Available"),
                self.tr("At the customer's home by"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == PLACE:
                return texts.place(row.place_label)
            if col == LOCATION:
                return row.name
            if col == AVAILABLE:
                return self.tr("{count} left").format(count=row.available) if row.available else self.tr("None")
            return labels.date_label(row.arrives)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == AVAILABLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.available <= 0:
            return QBrush(QColor("#98a2b3"))
        if role == Qt.ItemDataRole.FontRole and row.place == "this_shop":
            font = QFont()
            font.setBold(True)
            return font
        return None


class ProductScreen(QWidget):
    stockLoaded = Signal(object)  # KioskStock | None
    orderRequested = Signal()
    backRequested = Signal()

    def __init__(self, store, shop: KioskShop, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskProductScreen")
        self.store, self.shop, self.today = store, shop, today
        self.product: ProductHit | None = None
        self.stock: KioskStock | None = None

        self.card = QFrame()
        self.card.setObjectName("kioskProduct")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.picture = label(name="kioskPicture")
        self.picture.setFixedSize(PICTURE_PX, PICTURE_PX)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("background: #e4e7ec; color: #667085; border-radius: 12px;")
        self.name = label("huge", "kioskProductName")
        self.price = label("title", "kioskProductPrice")
        self.codes = label("note", "kioskProductCodes")
        facts = QVBoxLayout()
        facts.addWidget(self.name)
        facts.addWidget(self.price)
        facts.addWidget(self.codes)
        facts.addStretch(1)
        card_row = QHBoxLayout(self.card)
        card_row.addWidget(self.picture)
        card_row.addLayout(facts, 1)

        self.summary = label("title", "kioskStockSummary")
        self.model = StockModel(self)
        self.table = QTableView()
        self.table.setObjectName("kioskStock")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go on to the window (a new scan)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_PX)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.as_of = label("note", "kioskStockAsOf")

        self.back = button("kioskBack")
        self.back.clicked.connect(self.backRequested)
        self.order = button("kioskOrderStart", role="primary")
        self.order.setMinimumWidth(360)
        self.order.clicked.connect(self.orderRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.order)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.setSpacing(12)
        layout.addWidget(self.card)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.as_of)
        layout.addLayout(buttons)
        self.reset()
        self.retranslate()

    def retranslate(self) -> None:
        self.picture.setText(self.tr("No picture"))
        self.back.setText(self.tr("‹ Scan another product"))
        self.order.setText(self.tr("Deliver to the customer's home ›"))
        self._show_summary()

    # -- showing a product ---------------------------------------------------------------
    def show_product(self, hit: ProductHit) -> None:
        self.product, self.stock = hit, None
        self.name.setText(hit.name)
        self.price.setText(yen(hit.price))
        self.codes.setText("  ".join(c for c in (f"JAN {hit.jan}" if hit.jan else "", hit.sku) if c))
        self.model.clear()
        self.order.setEnabled(False)
        self._show_summary()
        store, shop, pid, today = self.store, self.shop, hit.id, self.today()
        run_query(lambda: kiosk_stock(store, pid, shop, today), self._loaded, self._failed,
                  key="kiosk-stock", owner=self)

    def _loaded(self, stock: KioskStock | None) -> None:
        self.stock = stock
        self.model.set_rows(stock.rows if stock is not None else [])
        first = self.first_available()
        if first is not None:
            self.table.selectRow(first)
        self.order.setEnabled(first is not None)
        self.as_of.setText(self.tr("Stock as of {time}").format(time=local_time(stock.as_of, "%H:%M"))
                           if stock is not None and stock.as_of else "")
        self._show_summary()
        self.stockLoaded.emit(stock)

    def _failed(self, exc: BaseException) -> None:
        log.warning("kiosk stock lookup failed: %s", type(exc).__name__)
        self.summary.setText(self.tr("The stock cannot be reached. Please try again."))
        self.stockLoaded.emit(None)

    def _show_summary(self) -> None:
        if self.product is None:
            self.summary.setText("")
            return
        if self.stock is None:
            self.summary.setText(self.tr("Looking for stock…"))
            return
        here = sum(r.available for r in self.stock.rows if r.place == "this_shop")
        if here:
            self.summary.setText(self.tr("In stock at this shop: {count}").format(count=here))
        elif self.stock.available:
            self.summary.setText(self.tr("Not at this shop: it can be delivered from elsewhere"))
        else:
            self.summary.setText(self.tr("Out of stock everywhere"))

    # -- what the order starts from ------------------------------------------------------
    def first_available(self) -> int | None:
        return next((i for i, r in enumerate(self.model.rows) if r.available > 0), None)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if rows and self.model.rows[rows[0].row()].available > 0:
            return rows[0].row()
        return self.first_available()

    def reset(self) -> None:
        self.product, self.stock = None, None
        self.name.setText("")
        self.price.setText("")
        self.codes.setText("")
        self.as_of.setText("")
        self.model.clear()
        self.order.setEnabled(False)
        self._show_summary()
