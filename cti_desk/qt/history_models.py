"""Table models for the customer's story: rows are plain dataclasses from services.history.

The purchase model fetches lazily (canFetchMore/fetchMore) in pages through run_query:
a customer with thousands of purchases costs one page at the pop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal

from cti_desk.domain.text import bounded
from cti_desk.qt.history_labels import CHANNELS, channel_label, status_label
from cti_desk.qt.history_table import (
    ALIGN,
    DISPLAY,
    FONT,
    RIGHT,
    ROW,
    ROW_ROLE,
    SORT,
    SORT_ROLE,
    TOOLTIP,
    HistoryTable,
    Index,
    bold_font,
)
from cti_desk.qt.i18n import local_time, yen
from cti_desk.qt.plaintext import tooltip
from cti_desk.qt.tasks import run_query
from cti_desk.services.history import (
    MAX_FILTER_CHARS,
    PAGE_SIZE,
    PENDING_DELIVERY,
    PURCHASE_ORDERS,
    PurchaseQuery,
    PurchaseRow,
)

__all__ = ["ROW_ROLE", "SORT_ROLE", "PurchaseHistoryModel"]

# Delivery orders a caller most likely rings about: shown bold.
ON_ITS_WAY = frozenset((PENDING_DELIVERY, "shipped"))
_PURCHASE_ROLES = frozenset((DISPLAY, SORT, TOOLTIP, ALIGN, FONT, ROW))


def _pending_order_key(order_by: str):
    return {
        "date": lambda r: r.purchased_at, "channel": lambda r: r.channel, "place": lambda r: r.place,
        "items": lambda r: r.items, "amount": lambda r: r.amount, "points": lambda r: r.points,
        "status": lambda r: r.status,
    }[order_by]


class PurchaseHistoryModel(HistoryTable):
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
        if self._customer_id is None and not self._rows and not self._fetching:
            return  # empty already: a model reset costs the view a relayout
        self.reset(None, [], 0)

    def set_order_status(self, order_no: str, status: str) -> None:
        """An order's new status (a cancel from this seat) on its rows now, before any reload."""
        self._pending = [replace(r, status=status) if r.order_no == order_no else r for r in self._pending]
        for n, r in enumerate(self._rows):
            if r.order_no == order_no and r.status != status:
                self._rows[n] = replace(r, status=status)
                self._cells[n] = None
                self.dataChanged.emit(self.index(n, 0), self.index(n, len(self.COLUMNS) - 1))

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
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._customer_id is None or self._load_page is None:
            return False
        return not self._fetching and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
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
    def data(self, index: Index, role: int = DISPLAY):
        if role not in _PURCHASE_ROLES:  # most of what a view asks per cell
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < 7):  # an invalid index is (-1, -1)
            return None
        if role == ALIGN:
            return RIGHT if col in (4, 5) else None
        if role == ROW:
            return self._rows[row]
        cells = self._cells[row]
        if cells is None:
            cells = self._cells[row] = _PurchaseCells(self._rows[row])
        if role == DISPLAY:
            return cells.shown[col]
        if role == SORT:
            return cells.sort_key[col]
        if role == TOOLTIP:
            return cells.tooltip if col == 3 else None
        return cells.font  # FONT

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
        self.font = bold_font() if r.status in ON_ITS_WAY else None
