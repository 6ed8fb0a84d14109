"""`kpiView`: what calls bring, for a date range, grouped by day/week/month, segment or
channel; the journey (prospect -> first-time -> loyal) per month and entry channel.

Each part of the page (the rows with their chart, the journey, the products asked for
while out of stock) is asked for on a worker of its own (run_query) at once and shown as
soon as it comes; a part still counting says so and greys its old figures. The journey
and the asked products follow the range only: another grouping asks for the rows alone.
The chart exports as PNG, the rows as CSV (UTF-8 with a BOM).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pyqtgraph as pg
import pyqtgraph.exporters  # ImageExporter
from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cti_desk.domain.text import bounded
from cti_desk.qt.customer_card import segment_label
from cti_desk.qt.supervisor.export import RowsModel, write_csv
from cti_desk.qt.tasks import run_query

translate = QCoreApplication.translate

log = logging.getLogger(__name__)

GROUPINGS = ("day", "week", "month", "segment", "channel")
PARTS = ("rows", "journey", "asked")  # asked for in this order (the rows first)
COUNTING = "\0counting"  # a part's state while its query runs (never an error line)
DEFAULT_DAYS = 7


def today_in_japan() -> date:
    """The store's days are Japan days (services/kpi.py), whatever this machine's zone."""
    from cti_desk.services.kpi import local_date

    return local_date(datetime.now(UTC))


def part_loaders(services, start: date, end: date, by: str) -> dict[str, Callable[[], object]]:
    """What each part of the page asks the store for (each on a worker), as the seat
    (SeatServices: a supervisor's, else refused)."""
    return {"rows": lambda: services.kpi_rows(start, end, by=by), "journey": lambda: services.journey(start, end),
            "asked": lambda: services.asked_out_of_stock(start, end)}


def seat_services(store, seat=None):
    """The supervisor's SeatServices: `seat`, else this computer's user as a supervisor."""
    from cti_desk.domain.roles import Role
    from cti_desk.services.access import local_seat
    from cti_desk.services.seat_services import SeatServices

    return SeatServices(store, seat or local_seat(Role.SUPERVISOR))


def kpi_titles() -> dict[str, str]:
    return {
        "group": translate("KpiView", "Group"), "calls": translate("KpiView", "Calls"), "answered": translate("KpiView", "Answered"),
        "missed": translate("KpiView", "Missed"), "customers": translate("KpiView", "Customers"),
        "orders": translate("KpiView", "Orders"), "order_value": translate("KpiView", "Order value"),
        "conversion": translate("KpiView", "Conversion"), "first_time_buyers": translate("KpiView", "First-time buyers"),
        "month": translate("KpiView", "Month"), "channel": translate("KpiView", "Entry channel"),
        "prospects": translate("KpiView", "New prospects"), "to_first_time": translate("KpiView", "Became first-time buyers"),
        "to_loyal": translate("KpiView", "Became loyal"),
        "product_id": translate("KpiView", "Product id"), "sku": translate("KpiView", "SKU"), "name": translate("KpiView", "Product"),
        "asked": translate("KpiView", "Asked for"), "out_of_stock": translate("KpiView", "Out of stock where the caller was"),
    }


def code_labels() -> dict[str, str]:
    """Segments and channels as the contract codes them -> what the table shows."""
    return {
        **{code: segment_label(code) for code in ("prospect", "first_time", "loyal")},
        "unknown": translate("KpiView", "Unknown"),
        "store": translate("KpiView", "Shop"), "ec": translate("KpiView", "EC site"),
        "app": translate("KpiView", "App"), "line": translate("KpiView", "LINE"),
        "call_center": translate("KpiView", "Call center"),
    }


def grouping_labels() -> dict[str, str]:
    return {"day": translate("KpiView", "Day"), "week": translate("KpiView", "Week"), "month": translate("KpiView", "Month"),
            "segment": translate("KpiView", "Segment at the call"), "channel": translate("KpiView", "Entry channel")}


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _table(model, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class KpiView(QWidget):
    loaded = Signal()  # the rows of the current range are shown
    partLoaded = Signal(str)  # one part ("rows", "journey", "asked") is shown
    pageLoaded = Signal()  # every part asked for has answered (shown, or its failure said)
    failed = Signal(str)

    def __init__(self, store=None, today: date | None = None, parent=None, seat=None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiView")
        self.store = store
        self.services = seat_services(store, seat)
        today = today or today_in_japan()
        self.start_edit, self.end_edit = QDateEdit(_qdate(today - timedelta(days=DEFAULT_DAYS - 1))), QDateEdit(_qdate(today))
        for name, edit in (("kpiFrom", self.start_edit), ("kpiTo", self.end_edit)):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.by_box = QComboBox()
        self.by_box.setObjectName("kpiBy")
        for key in GROUPINGS:
            self.by_box.addItem("", key)
        self.from_label, self.to_label, self.by_label = QLabel(), QLabel(), QLabel()
        self.refresh_button, self.png_button, self.csv_button = QPushButton(), QPushButton(), QPushButton()
        self.status = QLabel()
        self.status.setObjectName("kpiStatus")
        self.rows_model = RowsModel(parent=self)
        self.journey_model = RowsModel(parent=self)
        self.rows_view = _table(self.rows_model, "kpiRows")
        self.journey_view = _table(self.journey_model, "kpiJourney")
        self.asked_model = RowsModel(parent=self)
        self.asked_view = _table(self.asked_model, "kpiAskedOutOfStock")
        self.journey_title, self.asked_title = QLabel(), QLabel()
        self.journey_status, self.asked_status = QLabel(), QLabel()
        self.journey_status.setObjectName("kpiJourneyStatus")
        self.asked_status.setObjectName("kpiAskedStatus")
        for label in (self.status, self.journey_status, self.asked_status):
            label.setTextFormat(Qt.TextFormat.PlainText)  # error lines are the database's words
        self._status = {"rows": self.status, "journey": self.journey_status, "asked": self.asked_status}
        self._views = {"rows": self.rows_view, "journey": self.journey_view, "asked": self.asked_view}
        self._state: dict[str, str | None] = dict.fromkeys(PARTS)  # COUNTING, an error line, or None: shown
        self._range_asked: tuple[date, date] | None = None  # of the journey and asked products shown or coming
        self.chart = pg.PlotWidget()
        self.chart.setObjectName("kpiChart")
        self.chart.setMenuEnabled(False)
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.hideButtons()
        self.chart.showGrid(y=True, alpha=0.2)
        self.chart.addLegend(offset=(10, 5))
        self.calls_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush=pg.mkBrush("#1565c0"))
        self.orders_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush=pg.mkBrush("#ef6c00"))
        self.chart.addItem(self.calls_bars)
        self.chart.addItem(self.orders_bars)
        self.legend = self.chart.plotItem.legend

        bar = QHBoxLayout()
        for w in (self.from_label, self.start_edit, self.to_label, self.end_edit, self.by_label, self.by_box,
                  self.refresh_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.png_button)
        bar.addWidget(self.csv_button)
        def titled(title: QLabel, status: QLabel, view: QTableView) -> QWidget:
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            head = QHBoxLayout()
            head.addWidget(title, 1)
            head.addWidget(status)  # on the title's line: nothing moves when it empties
            box_layout.addLayout(head)
            box_layout.addWidget(view)
            return box

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.chart)
        upper.addWidget(self.rows_view)
        upper.setSizes([700, 700])
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(titled(self.journey_title, self.journey_status, self.journey_view))
        lower.addWidget(titled(self.asked_title, self.asked_status, self.asked_view))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([520, 320])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

        self.refresh_button.clicked.connect(self.refresh)
        self.png_button.clicked.connect(self._ask_png)
        self.csv_button.clicked.connect(self._ask_csv)
        self.by_box.currentIndexChanged.connect(lambda _i: self._regroup())
        self.retranslate()

    def retranslate(self) -> None:
        self.from_label.setText(translate("KpiView", "From"))
        self.to_label.setText(translate("KpiView", "To"))
        self.by_label.setText(translate("KpiView", "By"))
        self.refresh_button.setText(translate("KpiView", "Show"))
        self.png_button.setText(translate("KpiView", "Export chart (PNG)…"))
        self.csv_button.setText(translate("KpiView", "Export data (CSV)…"))
        self.journey_title.setText(translate("KpiView", "Customer journey: prospect → first-time → loyal, per month and entry channel"))
        for i, label in enumerate(grouping_labels()[k] for k in GROUPINGS):
            self.by_box.setItemText(i, label)
        self.asked_title.setText(translate("KpiView", "Products most asked for, out of stock where the caller was first"))
        titles = kpi_titles()
        self.rows_model.titles = self.journey_model.titles = self.asked_model.titles = titles
        self.rows_model.labels = self.journey_model.labels = code_labels()
        self.legend.clear()
        self.legend.addItem(self.calls_bars, translate("KpiView", "Calls"))
        self.legend.addItem(self.orders_bars, translate("KpiView", "Orders"))
        for part in PARTS:
            self._show_state(part)

    # -- the range and the query ----------------------------------------------
    @property
    def start(self) -> date:
        return self.start_edit.date().toPython()

    @property
    def end(self) -> date:
        return self.end_edit.date().toPython()

    @property
    def by(self) -> str:
        return self.by_box.currentData()

    def set_range(self, start: date, end: date, by: str | None = None) -> None:
        self.start_edit.setDate(_qdate(start))
        self.end_edit.setDate(_qdate(end))
        if by is not None:
            self.by_box.blockSignals(True)
            self.by_box.setCurrentIndex(GROUPINGS.index(by))
            self.by_box.blockSignals(False)

    def _range(self) -> tuple[date, date]:
        start, end = self.start, self.end
        return (end, start) if end < start else (start, end)

    def refresh(self) -> None:
        """Ask for every part of the page again (the Show button, the window's start)."""
        self._ask(PARTS)

    def _regroup(self) -> None:
        """Another grouping: the rows only, unless the range changed too."""
        self._ask(("rows",) if self._range_asked == self._range() else PARTS)

    def _ask(self, parts: tuple[str, ...]) -> None:
        if self.store is None:
            return
        (start, end), by = self._range(), self.by
        loaders = part_loaders(self.services, start, end, by)
        if "journey" in parts:
            self._range_asked = (start, end)
        for part in parts:  # a newer ask of a part replaces an older one still counting (key)
            self._state[part] = COUNTING
            self._show_state(part)
            run_query(loaders[part], lambda result, part=part: self._part_loaded(part, result, start, end),
                      lambda exc, part=part: self._part_failed(part, exc),
                      key=f"kpi-{part}-{id(self)}", owner=self)

    def _show_state(self, part: str) -> None:
        state = self._state[part]
        self._views[part].setEnabled(state != COUNTING)  # old figures greyed until the new ones come
        if state == COUNTING:
            self._status[part].setText(translate("KpiView", "Counting…"))
        elif state is not None:
            self._status[part].setText(translate("KpiView", "Could not count: {error}").format(error=bounded(state, 200)))
        elif part != "rows":
            self._status[part].clear()

    def _part_loaded(self, part: str, result, start: date, end: date) -> None:
        if part == "rows":
            self._show_rows(result, start, end)
        elif part == "journey":
            self.journey_model.set_rows(result)
        else:
            self.asked_model.set_rows(result)
        self._answered(part, None)
        self.partLoaded.emit(part)
        if part == "rows":
            self.loaded.emit()
        self._page_done()

    def _show_rows(self, rows, start: date, end: date) -> None:
        self.rows_model.set_rows(rows)
        groups = [self.rows_model.labels.get(str(r.group), str(r.group)) for r in rows]
        self.calls_bars.setOpts(x=[i - 0.2 for i in range(len(rows))], height=[r.calls for r in rows])
        self.orders_bars.setOpts(x=[i + 0.2 for i in range(len(rows))], height=[r.orders for r in rows])
        step = max(1, len(groups) // 12)  # a readable axis for a long range
        self.chart.getAxis("bottom").setTicks([[(i, bounded(g, 20)) for i, g in enumerate(groups) if i % step == 0]])
        self.chart.setXRange(-0.6, max(len(rows), 1) - 0.4, padding=0)
        self.chart.setYRange(0, max([1, *(r.calls for r in rows)]) * 1.1, padding=0)
        self.status.setText(translate("KpiView", "{count} rows, {start} – {end}").format(
            count=len(rows), start=start.isoformat(), end=end.isoformat()))

    def _part_failed(self, part: str, exc: BaseException) -> None:
        line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        log.warning("KPIs (%s): %s", part, line)
        if part == "rows":
            self._show_rows([], *self._range())  # no old bars under the error
        else:
            (self.journey_model if part == "journey" else self.asked_model).set_rows([])
            self._range_asked = None  # asked again on the next grouping
        self._answered(part, line)
        self.failed.emit(line)
        self._page_done()

    def _answered(self, part: str, error: str | None) -> None:
        self._state[part] = error
        self._show_state(part)

    def _page_done(self) -> None:
        if COUNTING not in self._state.values():
            self.pageLoaded.emit()

    # -- export ------------------------------------------------------------------
    def export_png(self, path: str) -> bool:
        """The chart as a PNG picture."""
        exporter = pg.exporters.ImageExporter(self.chart.plotItem)
        exporter.parameters()["width"] = max(640, self.chart.width())
        exporter.export(str(path))
        return True

    def export_csv(self, path: str) -> int:
        """The rows shown (the kpi command's CSV columns); the journey next to it."""
        return write_csv(path, self.rows_model.rows)

    def export_journey_csv(self, path: str) -> int:
        return write_csv(path, self.journey_model.rows)

    def _ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("KpiView", "Export chart"), f"kpi-{self.by}.png",
                                              translate("KpiView", "PNG pictures (*.png)"))
        if path:
            self.export_png(path)

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("KpiView", "Export data"), f"kpi-{self.by}.csv",
                                              translate("KpiView", "CSV files (*.csv)"))
        if path:
            self.export_csv(path)
            if self.journey_model.rows:
                base = path[:-4] if path.lower().endswith(".csv") else path
                self.export_journey_csv(base + "-journey.csv")
