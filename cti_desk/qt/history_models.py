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
from PySide6.QtGui import QFont

from cti_desk.domain.text import bounded
from cti_desk.qt.i18n import local_time, yen
from cti_desk.qt.plaintext import tooltip
from cti_desk.qt.tasks import run_query
from cti_desk.services.history import (
    MAX_FILTER_CHARS,
    PAGE_SIZE,
    PENDING_DELIVERY,
    PURCHASE_ORDERS,
    InquiryRow,
    PurchaseQuery,
    PurchaseRow,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex

# Plain ints: data() runs several times per painted cell, compared without enum lookups.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_SORT = int(SORT_ROLE)
_ROW = int(ROW_ROLE)
_PURCHASE_ROLES = frozenset((_DISPLAY, _SORT, _TOOLTIP, _ALIGN, _FONT, _ROW))
_INQUIRY_ROLES = frozenset((_DISPLAY, _TOOLTIP, _FONT, _ROW))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

_bold: QFont | None = None


def _bold_font() -> QFont:
    """One bold font for every emphasised row (made on first use: needs the application)."""
    global _bold
    if _bold is None:
        _bold = QFont()
        _bold.setBold(True)
    return _bold


def _t(text: str) -> str:
    return QCoreApplication.translate("History", text)


CHANNELS = ("store", "ec", "app", "line", "call_center", "email", "form")


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


def _pending_order_key(order_by: str):
    return {
        "date": lambda r: r.purchased_at, "channel": lambda r: r.channel, "place": lambda r: r.place,
        "items": lambda r: r.items, "amount": lambda r: r.amount, "points": lambda r: r.points,
        "status": lambda r: r.status,
    }[order_by]


class _HistoryTable(QAbstractTableModel):
    """What both history tables share: rows held here, titled columns, per-row cell caches
    formatted when first painted and dropped when the language changes."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._cells: list = []  # per row, formatted when first painted

    def row(self, n: int):
        return self._rows[n]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
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


class PurchaseHistoryModel(_HistoryTable):
    """Purchases in every channel, fetched page by page, in an order the store applies.

    Sorting (`sort`, what a header click calls) and filtering (`set_filter`) re-query
    page 1 in the background for the whole history; fetchMore then goes on in that
    order. Delivery orders not yet purchases stay on top whatever the order: they are
    what a caller most likely rings about (sorted and filtered among themselves).
    """

    COLUMNS = (
        QT_TRANSLATE_NOOP("History", "Date"),
        QT_TRANSLATE_NOOP("History", "Channel"),
        QT_TRANSLATE_NOOP("History", "Shop / site"),
        QT_TRANSLATE_NOOP("History", "Items"),
        QT_TRANSLATE_NOOP("History", "Amount"),
        QT_TRANSLATE_NOOP("History", "Points"),
        QT_TRANSLATE_NOOP("History", "Status"),
    )
    pageLoaded = Signal(int)  # rows now loaded (after a page, a new order or a new filter)
    queryFailed = Signal()

    def __init__(
        self,
        load_page: Callable[[PurchaseQuery, int, int], list[PurchaseRow]] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        # (query, offset, limit) -> rows, on a worker. The window's loader hands the query
        # to services.history.purchase_page as its customer argument.
        self._load_page = load_page
        self._pending: list[PurchaseRow] = []  # delivery orders not yet purchases
        self._rows: list[PurchaseRow] = []  # shown: matching pending deliveries, then purchases
        self._cells: list[_PurchaseCells | None] = []  # per row, formatted when first painted
        self._customer_id: int | None = None
        self._order_by = "date"
        self._descending = True
        self._contains = ""
        self._total = 0  # the customer's purchases in the store (pending deliveries not counted)
        self._fetched = 0  # purchases loaded in the current order
        self._more = False  # the store may hold further pages in the current order
        self._fetching = False
        self._generation = 0
        self._key = f"purchase-history-{id(self)}"  # one key: the newest sort/filter/page wins

    # -- content -------------------------------------------------------------
    def reset(self, customer_id: int | None, first_page: list[PurchaseRow], total: int) -> None:
        """A customer's first page, newest first (as a pop loads it); keeps order and filter."""
        self.beginResetModel()
        self._generation += 1
        self._customer_id = customer_id
        self._pending = [r for r in first_page if r.purchase_id is None]
        purchases = [r for r in first_page if r.purchase_id is not None]
        self._total = total
        self._fetching = False
        if self.query().is_default:
            self._set_rows(self._pending + purchases)
            self._fetched = len(purchases)
            self._more = self._fetched < total
        else:  # the first page is in the wrong order for this view: ask again
            self._set_rows(self._shown_pending())
            self._fetched = 0
            self._more = False
        self.endResetModel()
        if customer_id is not None and not self.query().is_default:
            self._requery()

    def clear(self) -> None:
        self.reset(None, [], 0)

    @property
    def total(self) -> int:
        return self._total

    @property
    def filter_text(self) -> str:
        return self._contains

    @property
    def sort_column(self) -> int:
        return PURCHASE_ORDERS.index(self._order_by)

    @property
    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    @property
    def complete(self) -> bool:
        """Every row matching the current filter is loaded."""
        return not self._more and not self._fetching

    @property
    def busy(self) -> bool:
        return self._fetching

    def query(self, customer_id: int | None = None) -> PurchaseQuery:
        cid = self._customer_id if customer_id is None else customer_id
        text = self._contains
        return PurchaseQuery(
            cid if cid is not None else 0, self._order_by, self._descending, text,
            channels=tuple(c for c in CHANNELS if text and text.casefold() in channel_label(c).casefold()),
        )

    # -- order and filter, applied by the store --------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(PURCHASE_ORDERS):
            column, order = 0, Qt.SortOrder.DescendingOrder  # "unsorted": as a pop loads
        order_by = PURCHASE_ORDERS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if (order_by, descending) == (self._order_by, self._descending):
            return
        self._order_by, self._descending = order_by, descending
        self._requery()

    def set_filter(self, text: str) -> None:
        contains = bounded(text.strip(), MAX_FILTER_CHARS)
        if contains == self._contains:
            return
        self._contains = contains
        self._requery()

    def _shown_pending(self) -> list[PurchaseRow]:
        q = self.query()
        rows = self._pending
        if q.contains:
            needle = q.contains.casefold()
            rows = [r for r in rows if r.channel in q.channels or any(
                needle in field.casefold() for field in (r.order_no, r.items, r.channel, r.place))]
        rows = sorted(rows, key=lambda r: r.purchased_at, reverse=True)  # ties: newest first
        return sorted(rows, key=_pending_order_key(q.order_by), reverse=q.descending)

    def _requery(self) -> None:
        """Page 1 again in the new order/filter; what is shown stays until it arrives."""
        self._generation += 1
        if self._customer_id is None or self._load_page is None:
            self.beginResetModel()
            self._set_rows(self._shown_pending())
            self.endResetModel()
            return
        self._fetching = True
        self._fetch(0, replace=True)

    # -- lazy fetch ----------------------------------------------------------
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._customer_id is None or self._load_page is None:
            return False
        return not self._fetching and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self._fetch(self._fetched, replace=False)

    def _fetch(self, offset: int, replace: bool) -> None:
        generation, query, load = self._generation, self.query(), self._load_page
        assert load is not None

        def done(rows: list[PurchaseRow]) -> None:
            if generation != self._generation:
                return  # another customer, order or filter is shown now
            self._fetching = False
            if replace:
                self.beginResetModel()
                self._set_rows(self._shown_pending() + list(rows))
                self._fetched = len(rows)
                self.endResetModel()
            elif rows:
                start = len(self._rows)
                self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
                self._rows.extend(rows)
                self._cells.extend([None] * len(rows))
                self._fetched += len(rows)
                self.endInsertRows()
            # A short page is the end; unfiltered, so is the count (the store may shrink).
            self._more = len(rows) == PAGE_SIZE and (bool(query.contains) or self._fetched < self._total)
            self.pageLoaded.emit(len(self._rows))

        def failed(_exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._fetching = False
            if replace:  # rows in the old order under the new header would mislead
                self.beginResetModel()
                self._set_rows(self._shown_pending())
                self._fetched = 0
                self._more = True  # fetchMore (scrolling) asks again from page 1
                self.endResetModel()
            self.queryFailed.emit()

        run_query(lambda: load(query, offset, PAGE_SIZE), done, failed, key=self._key, owner=self)

    # -- Qt model API --------------------------------------------------------
    def data(self, index: _Index, role: int = _DISPLAY):
        if role not in _PURCHASE_ROLES:  # most of what a view asks per cell
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < 7):  # an invalid index is (-1, -1)
            return None
        if role == _ALIGN:
            return _RIGHT if col in (4, 5) else None
        if role == _ROW:
            return self._rows[row]
        cells = self._cells[row]
        if cells is None:
            cells = self._cells[row] = _PurchaseCells(self._rows[row])
        if role == _DISPLAY:
            return cells.shown[col]
        if role == _SORT:
            return cells.sort_key[col]
        if role == _TOOLTIP:
            return cells.tooltip if col == 3 else None
        return cells.font  # _FONT

    # -- text as shown ---------------------------------------------------------
    def _set_rows(self, rows: list[PurchaseRow]) -> None:
        self._rows = rows
        self._cells = [None] * len(rows)


class _PurchaseCells:
    """One purchase row as painted, formatted once (again after a language switch)."""

    __slots__ = ("font", "shown", "sort_key", "tooltip")

    def __init__(self, r: PurchaseRow) -> None:
        self.shown = (
            local_time(r.purchased_at),
            channel_label(r.channel),
            r.place if r.place != "EC" else QCoreApplication.translate("History", "EC"),
            r.items,
            yen(r.amount),
            f"{r.points:,}" if r.points else "",
            status_label(r.status),
        )
        self.sort_key = (r.purchased_at.isoformat(), r.channel, r.place, r.items, r.amount, r.points, r.status)
        self.tooltip = tooltip(f"{r.order_no}\n{r.items}")
        self.font = _bold_font() if r.status == PENDING_DELIVERY else None


class InquiryHistoryModel(_HistoryTable):
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
        self._cells: list[_InquiryCells | None] = []  # per row, formatted when first painted

    def reset(self, rows: list[InquiryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [None] * len(self._rows)
        self.endResetModel()

    def clear(self) -> None:
        self.reset([])

    def open_inquiry(self, excluding_call: str | None = None, chosen: int | None = None) -> InquiryRow | None:
        """The inquiry a call may continue: the one already chosen, else the first open one
        that the call did not open itself."""
        if chosen is not None:
            row = next((r for r in self._rows if r.id == chosen), None)
            if row is not None:
                return row
        return next((r for r in self._rows
                     if r.status == "open" and (excluding_call is None or r.call_id != excluding_call)), None)

    def data(self, index: _Index, role: int = _DISPLAY):
        if role not in _INQUIRY_ROLES:
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < 6):  # an invalid index is (-1, -1)
            return None
        if role == _ROW:
            return self._rows[row]
        cells = self._cells[row]
        if cells is None:
            cells = self._cells[row] = _InquiryCells(self._rows[row])
        if role == _DISPLAY:
            return cells.shown[col]
        if role == _TOOLTIP:
            return cells.tooltip if col == 4 else None
        return cells.font  # _FONT


class _InquiryCells:
    """One inquiry row as painted, formatted once (again after a language switch)."""

    __slots__ = ("font", "shown", "tooltip")

    def __init__(self, r: InquiryRow) -> None:
        latest = r.latest  # the row says where the thread stands now
        self.shown = (
            local_time(r.opened_at),
            channel_label(r.channel),
            status_label(r.status),
            disposition_label(r.disposition),
            " ".join((latest.notes if latest else r.notes).split())[:200],
            latest.operator if latest else r.operator,
        )
        self.tooltip = tooltip(thread_text(r) if r.entries else r.notes)
        self.font = _bold_font() if r.status == "open" else None


MAX_THREAD_ENTRIES = 50  # a tooltip or detail pane shows the latest contacts


def thread_text(r: InquiryRow) -> str:
    """An inquiry's thread as plain text: each contact's time, operator, call and notes."""
    parts = []
    if r.subject or (r.notes and not r.entries):
        parts.append(r.subject or r.notes)
    entries = r.entries[-MAX_THREAD_ENTRIES:]
    if len(r.entries) > len(entries):
        parts.append(QCoreApplication.translate("History", "… {count} earlier contacts").format(count=len(r.entries) - len(entries)))
    for e in entries:
        when = local_time(e.started_at)
        if e.ended_at is not None:
            when += "–" + local_time(e.ended_at, "%H:%M")
        head = [when, e.operator]
        if e.call_id:
            head.append(QCoreApplication.translate("History", "call {call}").format(call=e.call_id))
        if e.disposition:
            head.append(disposition_label(e.disposition))
        parts.append(" · ".join(h for h in head if h) + ("\n" + e.notes if e.notes else ""))
    return "\n\n".join(parts)
