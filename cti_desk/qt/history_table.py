"""What the history tables share: item roles, a bold font for rows to notice, and a table
model base holding rows and their formatted cells."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

# Plain ints: data() runs several times per painted cell, compared without enum lookups.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
FONT = int(Qt.ItemDataRole.FontRole)
SORT = int(SORT_ROLE)
ROW = int(ROW_ROLE)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

_bold: QFont | None = None


def bold_font() -> QFont:
    """One bold font for every emphasised row (made on first use: needs the application)."""
    global _bold
    if _bold is None:
        _bold = QFont()
        _bold.setBold(True)
    return _bold


def _t(text: str) -> str:
    return QCoreApplication.translate("History", text)


class HistoryTable(QAbstractTableModel):
    """What both history tables share: rows held here, titled columns, per-row cell caches
    formatted when first painted and dropped when the language changes."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._cells: list = []  # per row, formatted when first painted

    def row(self, n: int):
        return self._rows[n]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.COLUMNS):
                return _t(self.COLUMNS[section])
        return None

    def retranslate(self) -> None:
        """The language changed: labels are formatted again when next painted."""
        self._cells = [None] * len(self._rows)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))
