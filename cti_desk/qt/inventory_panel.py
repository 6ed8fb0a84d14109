"""Cross-channel stock for one product: every shop, warehouse and the EC stock, nearest first.

Self-contained: give it a Store; tell it the customer (or just a prefecture, for a kiosk).
All reads run in the background (tasks.run_query); a cheap version query polled every
few seconds reloads the table when another seat reserved or stock arrived.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cti_desk.domain.delivery import Nearness
from cti_desk.qt import labels
from cti_desk.qt.tasks import run_query
from cti_desk.services.inventory import (
    LocationStock,
    ProductStock,
    customer_prefecture,
    find_products,
    stock_for,
    stock_version,
)
from cti_desk.services.stock_lookups import Asker, remember_lookup
from cti_desk.store.db import Store


def local_time(utc: datetime | None) -> str:
    if utc is None:
        return "—"
    return utc.replace(tzinfo=UTC).astimezone().strftime("%H:%M:%S")


class StockTableModel(QAbstractTableModel):
    COLUMN_COUNT = 9
    NUMERIC = frozenset({4, 5, 6, 7})
    LocationIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[LocationStock] = []

    def set_rows(self, rows: list[LocationStock]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def columns(self) -> tuple[str, ...]:
        return (
            self.tr("Location"), self.tr("Type"), self.tr("Prefecture"), self.tr("Nearness"),
            self.tr("On hand"), self.tr("Reserved"), self.tr("Available"), self.tr("Lead time"),
            self.tr("Updated"),
        )

    def kind_label(self, kind: str) -> str:
        return {"shop": self.tr("Shop"), "warehouse": self.tr("Warehouse"), "ec": self.tr("EC")}.get(kind, kind)

    def lead_label(self, days: int) -> str:
        return self.tr("{days} day").format(days=days) if days == 1 else self.tr("{days} days").format(days=days)

    def retranslate(self) -> None:
        """Headers and labels are asked for again in the new language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMN_COUNT - 1))

    def row_at(self, row: int) -> LocationStock:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{r.name} ({r.code})", self.kind_label(r.kind), r.prefecture,
                labels.nearness_label(r.nearness), f"{r.on_hand:,}", f"{r.reserved:,}", f"{r.available:,}",
                self.lead_label(r.lead_days), local_time(r.updated_at),
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == 6 and r.available <= 0:
            return QBrush(QColor("#c62828"))
        if role == self.LocationIdRole:
            return r.location_id
        return None


class InventoryPanel(QWidget):
    """Search a product, see its stock per location; `orderRequested` adds it to an order."""

    productShown = Signal(int)
    orderRequested = Signal(int, int)  # product id, location id
    stockLoaded = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None, poll_ms: int = 3000) -> None:
        super().__init__(parent)
        self.setObjectName("inventoryPanel")
        self.store = store
        self._key = f"inventory-{id(self)}"
        self._prefecture: str | None = None
        self._product_id: int | None = None
        self._stock: ProductStock | None = None
        # Who a product is looked up for right now (the caller on the line), or None.
        self.asker: Callable[[], Asker | None] | None = None
        self._message = lambda: ""  # re-asked on a language switch
        self._seen_at = ""

        self.search_box = QLineEdit()
        self.search_box.setObjectName("inventorySearch")
        self.search_box.setMaxLength(200)
        self.search_box.returnPressed.connect(self._search_typed)
        self.search_button = QPushButton()
        self.search_button.clicked.connect(self._search_typed)
        self.message = QLabel()
        self.message.setObjectName("inventoryMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #c62828")
        self.hits = QListWidget()
        self.hits.setObjectName("inventoryHits")
        self.hits.setMaximumHeight(90)
        self.hits.hide()
        self.hits.itemActivated.connect(lambda item: self.show_product(item.data(Qt.ItemDataRole.UserRole)))
        self.hits.itemClicked.connect(lambda item: self.show_product(item.data(Qt.ItemDataRole.UserRole)))
        self.product_label = QLabel()
        self.product_label.setObjectName("inventoryProduct")
        self.product_label.setTextFormat(Qt.TextFormat.PlainText)
        self.product_label.setStyleSheet("font-weight: bold")

        self.model = StockTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("inventoryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.doubleClicked.connect(lambda idx: self._request_order(idx.row()))

        self.totals = QLabel()
        self.totals.setObjectName("inventoryTotals")
        self.freshness = QLabel()
        self.freshness.setObjectName("inventoryFreshness")
        self.freshness.setStyleSheet("color: #666")
        self.add_button = QPushButton()
        self.add_button.setObjectName("inventoryAddToOrder")
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self._add_selected)

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.search_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.totals, 1)
        bottom.addWidget(self.freshness)
        bottom.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.hits)
        layout.addWidget(self.product_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._check_version)
        self._polling = False
        self.retranslate()

    def retranslate(self) -> None:
        self.search_box.setPlaceholderText(self.tr("SKU, JAN (scan) or product name"))
        self.search_button.setText(self.tr("Search"))
        self.add_button.setText(self.tr("Add to order from this location"))
        self.message.setText(self._message())
        self.model.retranslate()
        self._size_columns()
        if self._stock is None:
            self.product_label.setText(self.tr("Search for a product"))
        else:
            self._show_figures(self._stock)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _size_columns(self) -> None:
        """Widths from the font and the labels, never from the rows (resizing to contents
        re-measures every cell on each refresh); the location's name takes the rest."""
        m = self.model
        fm, header = self.table.fontMetrics(), self.table.horizontalHeader()
        pad = 3 * fm.horizontalAdvance("0")
        samples = {
            1: [m.kind_label(k) for k in ("shop", "warehouse", "ec")],
            2: ["神奈川県"],
            3: [labels.nearness_label(n) for n in Nearness],
            4: ["000,000"], 5: ["000,000"], 6: ["000,000"],
            7: [m.lead_label(99)],
            8: ["00:00:00"],
        }
        for column, texts in samples.items():
            title = header.fontMetrics().horizontalAdvance(m.columns()[column])
            header.resizeSection(column, max(title, *(fm.horizontalAdvance(t) for t in texts)) + pad)

    # --- what the operator window and the kiosk call ------------------------------

    def set_customer(self, customer_id: int | None) -> None:
        """Rank shops by the customer's prefecture (looked up in the background)."""
        if customer_id is None:
            self.set_prefecture(None)
            return
        store = self.store

        def load():
            with store.session() as s:
                return customer_prefecture(s, customer_id)

        run_query(load, on_success=self.set_prefecture, key=self._key + "-customer", owner=self)

    def set_prefecture(self, prefecture: str | None) -> None:
        self._prefecture = prefecture
        if self._product_id is not None:
            self.refresh()

    def search(self, text: str) -> None:
        self.search_box.setText(text)
        self._search_typed()

    def show_product(self, product_id: int) -> None:
        """Show one product's stock, e.g. from a line of the purchase history. Asked for
        during a call, it is also one row of demand (services/stock_lookups)."""
        self._product_id = product_id
        self.refresh(asker=self.asker() if self.asker is not None else None)

    def refresh(self, asker: Asker | None = None) -> None:
        """Reload the figures now (after this seat placed an order, for instance)."""
        if self._product_id is None:
            return
        store, pid, pref = self.store, self._product_id, self._prefecture

        def load():
            with store.session() as s:
                stock = stock_for(s, pid, pref)
            if stock is not None and asker is not None:
                remember_lookup(store, stock, asker, pref)
            return stock

        run_query(load, on_success=self._show_stock, on_failure=self._show_failure,
                  key=self._key + "-stock", owner=self)

    @property
    def stock(self) -> ProductStock | None:
        return self._stock

    # --- internals ------------------------------------------------------------------

    def _say(self, text) -> None:
        """Show `text()` as the message; it is asked again after a language switch."""
        self._message = text
        self.message.setText(text())

    def _search_typed(self) -> None:
        text = self.search_box.text().strip()
        if not text:
            return
        store = self.store

        def load():
            with store.session() as s:
                return find_products(s, text)

        run_query(load, on_success=self._show_hits, on_failure=self._show_failure,
                  key=self._key + "-search", owner=self)

    def _show_hits(self, result) -> None:
        self.hits.clear()
        error = result.error
        self._say(lambda: labels.say(error))
        if result.error or not result.hits:
            self.hits.hide()
            return
        if len(result.hits) == 1:
            self.hits.hide()
            self.show_product(result.hits[0].id)
            return
        for hit in result.hits:
            item = QListWidgetItem(f"{hit.name}  {hit.sku}  ¥{hit.price:,}")
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.hits.addItem(item)
        self.hits.show()

    def _show_stock(self, stock: ProductStock | None) -> None:
        if stock is None:
            self._say(lambda: self.tr("Product not found"))
            return
        self._stock = stock
        self._seen_at = datetime.now().strftime("%H:%M:%S")
        p = stock.product
        self.model.set_rows(stock.rows)
        self._show_figures(stock)
        self.add_button.setEnabled(bool(stock.rows))
        if not self._poll.isActive():
            self._poll.start()
        self.productShown.emit(p.id)
        self.stockLoaded.emit()

    def _show_figures(self, stock: ProductStock) -> None:
        p = stock.product
        self.product_label.setText(f"{p.name}　SKU {p.sku}　JAN {p.jan or '—'}　¥{p.price:,}")
        self.totals.setText(self.tr("Total: on hand {on_hand}, reserved {reserved}, available {available}").format(
            on_hand=f"{stock.on_hand:,}", reserved=f"{stock.reserved:,}", available=f"{stock.available:,}"))
        self.freshness.setText(self.tr("Last updated {updated} (as of {seen})").format(
            updated=local_time(stock.as_of), seen=self._seen_at))

    def _show_failure(self, exc: BaseException) -> None:
        name = type(exc).__name__
        self._say(lambda: self.tr("Cannot load the stock: {error}").format(error=name))

    def _check_version(self) -> None:
        if self._product_id is None or self._stock is None or self._polling:
            return
        store, pid = self.store, self._product_id
        self._polling = True

        def load():
            with store.session() as s:
                return pid, stock_version(s, pid)

        def done(result):
            self._polling = False
            pid_seen, version = result
            if self._stock is not None and pid_seen == self._product_id and version != self._stock.version:
                self.refresh()

        def failed(_exc):
            self._polling = False

        run_query(load, on_success=done, on_failure=failed, owner=self)

    def _add_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._request_order(rows[0].row() if rows else -1)

    def _request_order(self, row: int) -> None:
        if self._stock is None:
            return
        if 0 <= row < self.model.rowCount():
            self.orderRequested.emit(self._stock.product.id, self.model.row_at(row).location_id)
        else:
            self.orderRequested.emit(self._stock.product.id, -1)  # -1: let the form suggest
