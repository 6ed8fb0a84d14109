"""CSV the way Excel in Japan opens it (UTF-8 with a BOM), and rows as table models."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from cti_desk.domain.text import bounded


def row_dict(row) -> dict:
    if hasattr(row, "as_dict"):
        return dict(row.as_dict())
    return dataclasses.asdict(row)


def write_csv(path: str | Path, rows: Sequence, columns: Sequence[str] | None = None) -> int:
    """Header of the rows' keys (as `cti-desk kpi --format csv`), one line per row;
    None is an empty cell. Returns the number of rows written."""
    dicts = [row_dict(r) for r in rows]
    header = list(columns or (dicts[0].keys() if dicts else ()))
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for d in dicts:
            writer.writerow(["" if d.get(k) is None else d.get(k) for k in header])
    return len(dicts)


def cell_text(key: str, value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        if key in ("conversion",) or key.endswith("_rate") or key.endswith("_share"):
            return f"{value * 100:.1f}%"
        return f"{value:,.1f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"¥{value:,}" if key.endswith("value") else f"{value:,}"
    return bounded(str(value), 120)


_ROOT = QModelIndex()  # the default parent: no row has children


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY, _ALIGNMENT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole


class RowsModel(QAbstractTableModel):
    """Dataclass rows (KpiRow, JourneyRow ...) as a read-only table; headers from
    `titles` (translated) where known, else the key itself.

    Each cell's text is made once per page (and again when the labels change), not in
    data(): a table sized to its contents asks every cell for several roles on each reset,
    ~8,000 calls a KPI page, which stalled the window by 50-130 ms."""

    def __init__(self, titles: dict[str, str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.titles = titles or {}
        self._labels: dict[str, str] = {}  # shown for coded values (segment, channel); CSV keeps the code
        self.rows: list = []
        self.columns: list[str] = []
        self._dicts: list[dict] = []
        self._texts: list[list[str]] = []
        self._aligns: list[list[int | None]] = []

    @property
    def labels(self) -> dict[str, str]:
        return self._labels

    @labels.setter
    def labels(self, labels: dict[str, str]) -> None:  # a language switch: the texts again
        self._labels = labels
        self._make_texts()
        if self._texts and self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._texts) - 1, len(self.columns) - 1))

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._dicts = [row_dict(r) for r in self.rows]
        if self._dicts:
            self.columns = list(self._dicts[0].keys())
        self._make_texts()
        self.endResetModel()

    def _make_texts(self) -> None:
        labels, columns = self._labels, self.columns
        self._texts = [
            [labels[v] if isinstance(v := d.get(k), str) and v in labels else cell_text(k, v) for k in columns]
            for d in self._dicts
        ]
        self._aligns = [[_RIGHT if isinstance(d.get(k), int | float) else None for k in columns]
                        for d in self._dicts]

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._dicts)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role=_DISPLAY):
        if role == _DISPLAY:
            return self._texts[index.row()][index.column()]
        if role == _ALIGNMENT:
            return self._aligns[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            key = self.columns[section]
            return self.titles.get(key, key)
        return None
