"""The products of a delivery order: added by SKU, JAN or name, a quantity each, and where
each ships from (the nearest location with enough stock unless the operator chooses)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cti_desk.domain.delivery import DraftLine, line_field, suggest_source
from cti_desk.qt.order_fields import FieldErrors, Problem, mark, problem_text
from cti_desk.qt.tasks import run_query
from cti_desk.services.inventory import LocationStock, ProductStock, find_products, stock_for
from cti_desk.services.order_outcome import describe
from cti_desk.services.orders import OutOfStock
from cti_desk.store.db import Store

log = logging.getLogger(__name__)


@dataclass
class OrderLine:
    product_id: int
    name: str
    price: int
    rows: list[LocationStock]
    quantity: QSpinBox
    source: QComboBox
    remove: QToolButton | None = None
    errors: dict[str, Problem] = field(default_factory=dict)  # "quantity" / "location"

    def chosen(self) -> LocationStock | None:
        return next((r for r in self.rows if r.location_id == self.source.currentData()), None)


class OrderLines(QGroupBox):
    changed = Signal()  # a line, a quantity or a source changed: dates and totals follow

    def __init__(self, store: Store, fields: FieldErrors, prefecture: Callable[[], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.fields = fields
        self.prefecture = prefecture  # the delivery's, for "nearest first"
        self.lines: list[OrderLine] = []
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("orderLines")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 70), (2, 90), (3, 270), (4, 90), (5, 60)):
            self.table.setColumnWidth(col, width)  # cell widgets don't size their column
        self.table.setMinimumHeight(110)
        self.product_box = QLineEdit()
        self.product_box.setObjectName("orderProductSearch")
        self.product_box.setMaxLength(200)
        self.product_box.returnPressed.connect(self._add_typed)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add_typed)
        layout = QVBoxLayout(self)
        add_row = QHBoxLayout()
        add_row.addWidget(self.product_box, 1)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        layout.addWidget(self.table)
        layout.addWidget(fields.label("lines"))

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Qty"), self.tr("Unit price"), self.tr("Ships from"), self.tr("Subtotal"), ""])
        self.product_box.setPlaceholderText(self.tr("Add by SKU, JAN or product name"))
        self.add_button.setText(self.tr("Add"))
        self.setTitle(self.tr("Products"))
        for line in self.lines:
            if line.remove is not None:
                line.remove.setText(self.tr("Remove"))
            for i, r in enumerate(line.rows, start=1):
                line.source.setItemText(i, self._source_text(r))
            line.source.setItemText(0, self.tr("— choose where it ships from —"))
        self._mark()

    # --- what the form reads -------------------------------------------------------------

    def draft_lines(self) -> list[DraftLine]:
        out = []
        for line in self.lines:
            row = line.chosen()
            out.append(DraftLine(line.product_id, line.quantity.value(), line.price, line.source.currentData(),
                                 lead_days=row.lead_days if row else 0, name=line.name))
        return out

    def lead_days(self) -> int:
        return max((row.lead_days for line in self.lines if (row := line.chosen()) is not None), default=0)

    def total(self) -> int:
        """The lines' total at the prices shown; each line's subtotal updated on the way."""
        for i, line in enumerate(self.lines):
            item = self.table.item(i, 4)
            if item is not None:
                item.setText(f"¥{line.price * line.quantity.value():,}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return sum(line.price * line.quantity.value() for line in self.lines)

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.lines.clear()

    # --- adding, changing, removing -------------------------------------------------------

    def _add_typed(self) -> None:
        text = self.product_box.text().strip()
        if not text:
            return
        store = self.store

        def load():
            with store.session() as s:
                return find_products(s, text, limit=2)

        def found(result):
            if result.error:
                self.fields.set("lines", result.error)
            elif len(result.hits) > 1:
                self.fields.set("lines", lambda: self.tr(
                    "Several products match: choose one in the stock lookup"))
            else:
                self.product_box.clear()
                self.add_product(result.hits[0].id)

        run_query(load, on_success=found, on_failure=self._lookup_failed, owner=self)

    def add_product(self, product_id: int, quantity: int = 1, location_id: int | None = None) -> None:
        """Add a line; the source is the nearest location with stock unless one is given."""
        store, pref = self.store, self.prefecture()

        def load():
            with store.session() as s:
                return stock_for(s, product_id, pref)

        run_query(load, on_success=lambda st: self._append(st, quantity, location_id),
                  on_failure=self._lookup_failed, owner=self)

    def _lookup_failed(self, exc: BaseException) -> None:
        log.warning("product lookup failed: %s", describe(exc))
        self.fields.set("lines", lambda: self.tr(
            "The product could not be looked up: the store did not answer. Try again."))

    def _append(self, stock: ProductStock | None, quantity: int, location_id: int | None) -> None:
        if stock is None:
            self.fields.set("lines", lambda: self.tr("Product not found"))
            return
        self.fields.set("lines", None)
        for line in self.lines:  # the same product again: one more of it
            if line.product_id == stock.product.id:
                line.quantity.setValue(line.quantity.value() + quantity)
                return
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(stock.product.name))
        spin = QSpinBox()
        spin.setRange(0, 999)
        spin.setValue(quantity)
        source = QComboBox()
        line = OrderLine(stock.product.id, stock.product.name, stock.product.price, stock.rows, spin, source)
        self.lines.append(line)
        self._fill_sources(line, location_id if location_id and location_id > 0 else None)
        spin.valueChanged.connect(lambda _v, ln=line: self._quantity_changed(ln))
        source.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(row, 1, spin)
        price_item = QTableWidgetItem(f"¥{stock.product.price:,}")
        price_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 2, price_item)
        self.table.setCellWidget(row, 3, source)
        self.table.setItem(row, 4, QTableWidgetItem())
        remove = line.remove = QToolButton(text=self.tr("Remove"))
        remove.clicked.connect(lambda _=False, ln=line: self._remove(ln))
        self.table.setCellWidget(row, 5, remove)
        self.changed.emit()

    def _fill_sources(self, line: OrderLine, location_id: int | None) -> None:
        line.source.blockSignals(True)
        line.source.clear()
        line.source.addItem(self.tr("— choose where it ships from —"), None)
        for r in line.rows:
            line.source.addItem(self._source_text(r), r.location_id)
        chosen = location_id
        if chosen is None:
            suggestion = suggest_source([r.as_option() for r in line.rows], line.quantity.value())
            chosen = suggestion.location_id if suggestion else None
        line.source.setCurrentIndex(max(line.source.findData(chosen), 0) if chosen is not None else 0)
        line.source.blockSignals(False)

    def _source_text(self, r: LocationStock) -> str:
        return self.tr("{name} ({available} available, {days} d)").format(
            name=r.name, available=r.available, days=r.lead_days)

    def _quantity_changed(self, line: OrderLine) -> None:
        row = line.chosen()
        if row is not None and row.available < line.quantity.value():
            self._fill_sources(line, None)  # not enough there any more: suggest again
        self.changed.emit()

    def _remove(self, line: OrderLine) -> None:
        index = self.lines.index(line)
        self.lines.pop(index)
        self.table.removeRow(index)
        self.changed.emit()

    # --- another seat was quicker ------------------------------------------------------

    def take_suggestion(self, exc: OutOfStock) -> str | None:
        """The refused line switched to the suggested source; that location's name, if any."""
        line = self.lines[exc.line_index] if exc.line_index < len(self.lines) else None
        if line is None:
            return None
        suggested = exc.suggestion.location_id if exc.suggestion else None
        self._fill_sources(line, suggested)
        self.reload_line(line)  # fresh figures in the source list
        return next((r.name for r in line.rows if r.location_id == suggested), None)

    def reload_line(self, line: OrderLine) -> None:
        """Reload one line's stock figures; keep its source if it still has enough."""
        store, pref, pid = self.store, self.prefecture(), line.product_id

        def load():
            with store.session() as s:
                return stock_for(s, pid, pref)

        def show(stock: ProductStock | None):
            if stock is None or line not in self.lines:
                return
            line.rows = stock.rows
            row = line.chosen()
            keep = row.location_id if row is not None and row.available >= line.quantity.value() else None
            self._fill_sources(line, keep)
            self.changed.emit()

        run_query(load, on_success=show, on_failure=self._lookup_failed, owner=self)

    # --- errors -------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, Problem]) -> None:
        """Each line's errors on its quantity and source, and all of them under the table."""
        per_line: list[tuple[int, str, Problem]] = []
        for i, line in enumerate(self.lines):
            line.errors = {part: errors.get(line_field(i, part)) for part in ("quantity", "location")}
            per_line += [(i, line.name, p) for p in line.errors.values() if p]
        self._mark()
        other = [p for key, p in errors.items()
                 if key.startswith("line") and "." in key and key.split(".")[1] not in ("quantity", "location")]
        if per_line or other or errors.get("lines"):
            first = errors.get("lines")

            def lines_text() -> str:
                parts = [problem_text(first)] if first else []
                parts += [self.tr("Line {n} {name}: {message}").format(n=i + 1, name=name, message=problem_text(p))
                          for i, name, p in per_line]
                return "\n".join(parts + [problem_text(p) for p in other])

            self.fields.set("lines", lines_text)

    def _mark(self) -> None:
        for line in self.lines:
            mark(line.quantity, problem_text(line.errors.get("quantity")))
            mark(line.source, problem_text(line.errors.get("location")))
