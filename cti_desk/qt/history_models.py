"""Table models for the customer's story: rows are plain dataclasses from services.history.

The purchase model fetches lazily (canFetchMore/fetchMore) in pages through run_query:
a customer with thousands of purchases costs one page at the pop.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from cti_desk.qt.i18n import local_time, yen
from cti_desk.qt.tasks import run_query
from cti_desk.services.history import PAGE_SIZE, PENDING_DELIVERY, InquiryRow, PurchaseRow

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("History", text)


def channel_label(channel: str) -> str:
    return {
        "store": QCoreApplication.translate("History", "Shop"),
        "ec": QCoreApplication.translate("History", "EC"),
        "app": QCoreApplication.translate("History", "App"),
        "line": QCoreApplication.translate("History", "LINE"),
        "call_center": QCoreApplication.translate("History", "Call center"),
        "email": QCoreApplication.translate("History", "Email"),
        "form": QCoreApplication.translate("History", "Web form"),
    }.get(channel, channel)


def status_label(status: str) -> str:
    return {
        "completed": QCoreApplication.translate("History", "Completed"),
        PENDING_DELIVERY: QCoreApplication.translate("History", "Pending delivery"),
        "open": QCoreApplication.translate("History", "Open"),
        "closed": QCoreApplication.translate("History", "Closed"),
        "cancelled": QCoreApplication.translate("History", "Cancelled"),
        "returned": QCoreApplication.translate("History", "Returned"),
    }.get(status, status)


def disposition_label(code: str) -> str:
    return {
        "question_answered": QCoreApplication.translate("History", "Question answered"),
        "order_placed": QCoreApplication.translate("History", "Order placed"),
        "complaint": QCoreApplication.translate("History", "Complaint"),
        "callback_requested": QCoreApplication.translate("History", "Callback requested"),
        "wrong_number": QCoreApplication.translate("History", "Wrong number"),
        "other": QCoreApplication.translate("History", "Other"),
    }.get(code, code)


class PurchaseHistoryModel(QAbstractTableModel):
    """Purchases in every channel, newest first, fetched page by page."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("History", "Date"),
        QT_TRANSLATE_NOOP("History", "Channel"),
        QT_TRANSLATE_NOOP("History", "Shop / site"),
        QT_TRANSLATE_NOOP("History", "Items"),
        QT_TRANSLATE_NOOP("History", "Amount"),
        QT_TRANSLATE_NOOP("History", "Points"),
        QT_TRANSLATE_NOOP("History", "Status"),
    )
    pageLoaded = Signal(int)  # rows now loaded

    def __init__(
        self, load_page: Callable[[int, int, int], list[PurchaseRow]] | None = None, parent=None
    ) -> None:
        super().__init__(parent)
        self._load_page = load_page  # (customer_id, offset, limit) -> rows, on a worker
        self._rows: list[PurchaseRow] = []
        self._customer_id: int | None = None
        self._total = 0  # purchases in the store (pending deliveries not counted)
        self._fetched = 0  # purchases loaded
        self._fetching = False
        self._generation = 0

    # -- content -------------------------------------------------------------
    def reset(self, customer_id: int | None, first_page: list[PurchaseRow], total: int) -> None:
        self.beginResetModel()
        self._generation += 1
        self._customer_id = customer_id
        self._rows = list(first_page)
        self._fetched = sum(1 for r in first_page if r.purchase_id is not None)
        self._total = total
        self._fetching = False
        self.endResetModel()

    def clear(self) -> None:
        self.reset(None, [], 0)

    @property
    def total(self) -> int:
        return self._total

    def row(self, n: int) -> PurchaseRow:
        return self._rows[n]

    # -- lazy fetch ----------------------------------------------------------
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._customer_id is None or self._load_page is None:
            return False
        return not self._fetching and self._fetched < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, cid, offset = self._generation, self._customer_id, self._fetched
        load = self._load_page
        assert load is not None and cid is not None

        def done(rows: list[PurchaseRow]) -> None:
            if generation != self._generation:
                return  # another customer is shown now
            self._fetching = False
            if rows:
                start = len(self._rows)
                self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
                self._rows.extend(rows)
                self._fetched += len(rows)
                self.endInsertRows()
            else:
                self._total = self._fetched  # the store shrank under us
            self.pageLoaded.emit(len(self._rows))

        def failed(_exc: BaseException) -> None:
            if generation == self._generation:
                self._fetching = False

        run_query(lambda: load(cid, offset, PAGE_SIZE), done, failed,
                  key=f"purchases-{id(self)}-{offset}")

    # -- Qt model API --------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.COLUMNS):
                return _t(self.COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                local_time(r.purchased_at),
                channel_label(r.channel),
                r.place if r.place != "EC" else QCoreApplication.translate("History", "EC"),
                r.items,
                yen(r.amount),
                f"{r.points:,}" if r.points else "",
                status_label(r.status),
            )[col]
        if role == SORT_ROLE:
            return (
                r.purchased_at.isoformat(), r.channel, r.place, r.items, r.amount, r.points, r.status
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 3:
            return f"{r.order_no}\n{r.items}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and r.status == PENDING_DELIVERY:
            from PySide6.QtGui import QFont

            f = QFont()
            f.setBold(True)
            return f
        if role == ROW_ROLE:
            return r
        return None


class InquiryHistoryModel(QAbstractTableModel):
    """Past inquiries in every channel: the open ones first, then newest first."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("History", "Opened"),
        QT_TRANSLATE_NOOP("History", "Channel"),
        QT_TRANSLATE_NOOP("History", "Status"),
        QT_TRANSLATE_NOOP("History", "Disposition"),
        QT_TRANSLATE_NOOP("History", "Notes"),
        QT_TRANSLATE_NOOP("History", "Operator"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[InquiryRow] = []

    def reset(self, rows: list[InquiryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.reset([])

    def row(self, n: int) -> InquiryRow:
        return self._rows[n]

    def open_inquiry(self) -> InquiryRow | None:
        return next((r for r in self._rows if r.status == "open"), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.COLUMNS):
                return _t(self.COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                local_time(r.opened_at),
                channel_label(r.channel),
                status_label(r.status),
                disposition_label(r.disposition),
                " ".join(r.notes.split())[:200],
                r.operator,
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 4:
            return r.notes
        if role == Qt.ItemDataRole.FontRole and r.status == "open":
            from PySide6.QtGui import QFont

            f = QFont()
            f.setBold(True)
            return f
        if role == ROW_ROLE:
            return r
        return None

