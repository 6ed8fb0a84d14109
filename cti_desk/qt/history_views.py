"""The purchase and inquiry tables: sortable, filterable, no fixed pixel sizes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cti_desk.qt.history_models import SORT_ROLE, InquiryHistoryModel, PurchaseHistoryModel


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
    def __init__(self, model: PurchaseHistoryModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit()
        self.filter.setObjectName("purchaseFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.count = QLabel()
        self.count.setObjectName("purchaseCount")
        self.table = _table("purchaseHistory")
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first, as loaded
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
        model.modelReset.connect(self._update_count)
        model.rowsInserted.connect(self._update_count)
        self.retranslate()

    def _update_count(self, *_args) -> None:
        shown = self.model.rowCount()
        self.count.setText(self.tr("{shown} of {total} purchases loaded").format(
            shown=f"{shown:,}", total=f"{self.model.total:,}"))

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter purchases (product, shop, channel…)"))
        self._update_count()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class InquiryHistoryView(QWidget):
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        super().changeEvent(event)
