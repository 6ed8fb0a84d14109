"""`auditView`: the supervisor's search of the audit log: who opened or changed which
customer's record, when, from which desk, during which call.

Three filters (a customer id, a person as named on the records, a range of Japan dates
that can be switched off) and a plain-text table, newest first, asked for on a worker
(run_query) through the seat's services: only a supervisor's seat is answered.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cti_desk.domain.text import bounded
from cti_desk.qt.roles import error_text
from cti_desk.qt.supervisor.kpi_view import seat_services, today_in_japan
from cti_desk.qt.tasks import run_query

translate = QCoreApplication.translate

log = logging.getLogger(__name__)

DEFAULT_DAYS = 7
JST = timedelta(hours=9)
COLUMNS = ("at", "person", "desk", "action", "customer_id", "call_id", "detail")
MAX_CELL = 300  # a detail is up to 2,000 characters: the table shows its start on one line


def column_titles() -> dict[str, str]:
    return {"at": translate("AuditView", "Time"), "person": translate("AuditView", "Person"),
            "desk": translate("AuditView", "Desk"), "action": translate("AuditView", "What"),
            "customer_id": translate("AuditView", "Customer"), "call_id": translate("AuditView", "Call"),
            "detail": translate("AuditView", "Detail")}


def action_labels() -> dict[str, str]:
    """What the codes the services write mean; an unknown code is shown as it is."""
    return {
        "customer.open": translate("AuditView", "Opened the record"),
        "customer.create": translate("AuditView", "Created the customer"),
        "customer.attach_phone": translate("AuditView", "Added a phone number"),
        "inquiry.save": translate("AuditView", "Saved a wrap-up"),
        "order.place": translate("AuditView", "Placed an order"),
        "order.cancel": translate("AuditView", "Cancelled an order"),
        "kiosk.customer_lookup": translate("AuditView", "Kiosk member lookup"),
        "kiosk.order": translate("AuditView", "Kiosk order"),
        "kiosk.pin_set": translate("AuditView", "Set the kiosk staff PIN"),
        "import.customers": translate("AuditView", "Imported customers"),
        "import.purchases": translate("AuditView", "Imported purchases"),
        "import.inquiries": translate("AuditView", "Imported inquiries"),
        "import.products": translate("AuditView", "Imported products"),
        "import.locations": translate("AuditView", "Imported locations"),
        "import.stock": translate("AuditView", "Imported stock"),
    }


def japan_time(utc_naive: datetime) -> str:
    return (utc_naive.replace(tzinfo=UTC) + JST).strftime("%Y-%m-%d %H:%M:%S")


def _one_line(text: str) -> str:
    return " ".join(bounded(text, MAX_CELL * 2).split())[:MAX_CELL]


_ROOT = QModelIndex()


class AuditModel(QAbstractTableModel):
    """AuditRows as read-only plain text, newest first."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []
        self.titles = column_titles()
        self.labels = action_labels()

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def retranslate(self) -> None:
        self.titles, self.labels = column_titles(), action_labels()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def text(self, row: int, column: int) -> str:
        r, key = self.rows[row], COLUMNS[column]
        if key == "at":
            return japan_time(r.at)
        if key == "action":
            return self.labels.get(r.action, r.action)
        if key == "customer_id":
            return "" if r.customer_id is None else str(r.customer_id)
        value = getattr(r, key)
        return _one_line(value) if value else ""

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[index.column()] == "action":
            return self.rows[index.row()].action  # the code, as the CLI prints it
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()] == "customer_id":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.titles[COLUMNS[section]]
        return None


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class AuditView(QWidget):
    loaded = Signal(int)  # rows shown
    failed = Signal(str)

    def __init__(self, store=None, today: date | None = None, parent=None, seat=None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self.store = store
        self.services = seat_services(store, seat)
        today = today or today_in_japan()
        self.customer_edit, self.person_edit = QLineEdit(), QLineEdit()
        self.customer_edit.setObjectName("auditCustomer")
        self.customer_edit.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.person_edit.setObjectName("auditPerson")
        self.person_edit.setMaxLength(100)
        self.customer_edit.setMaximumWidth(140)  # an id
        self.person_edit.setMinimumWidth(240)  # the placeholder's example fits
        self.dates_box = QCheckBox()
        self.dates_box.setObjectName("auditDates")
        self.dates_box.setChecked(True)
        self.start_edit = QDateEdit(_qdate(today - timedelta(days=DEFAULT_DAYS - 1)))
        self.end_edit = QDateEdit(_qdate(today))
        for name, edit in (("auditFrom", self.start_edit), ("auditTo", self.end_edit)):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.dates_box.toggled.connect(self.start_edit.setEnabled)
        self.dates_box.toggled.connect(self.end_edit.setEnabled)
        self.customer_label, self.person_label, self.to_label = QLabel(), QLabel(), QLabel()
        self.search_button = QPushButton()
        self.search_button.setObjectName("auditSearch")
        self.status = QLabel()
        self.status.setObjectName("auditStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # error lines are the database's words
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setObjectName("auditRows")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        bar = QHBoxLayout()
        for w in (self.customer_label, self.customer_edit, self.person_label, self.person_edit,
                  self.dates_box, self.start_edit, self.to_label, self.end_edit, self.search_button):
            bar.addWidget(w)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

        self.search_button.clicked.connect(self.refresh)
        self.customer_edit.returnPressed.connect(self.refresh)
        self.person_edit.returnPressed.connect(self.refresh)
        self._shown: tuple[int, int] | None = None  # (rows, limit) of the last answer
        self.retranslate()

    def retranslate(self) -> None:
        self.customer_label.setText(translate("AuditView", "Customer ID"))
        self.person_label.setText(translate("AuditView", "Person"))
        self.person_edit.setPlaceholderText(translate("AuditView", "as on the records, e.g. sato"))
        self.dates_box.setText(translate("AuditView", "From"))
        self.to_label.setText(translate("AuditView", "to"))
        self.search_button.setText(translate("AuditView", "Search"))
        self.model.retranslate()
        if self._shown is not None:
            self._say_count(*self._shown)

    # -- the filters ---------------------------------------------------------------
    def filters(self) -> dict:
        customer = self.customer_edit.text().strip()
        start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
        if end < start:
            start, end = end, start
        dated = self.dates_box.isChecked()
        return {"customer_id": int(customer) if customer.isdigit() else None,
                "person": " ".join(self.person_edit.text().split()) or None,
                "since": start if dated else None, "until": end if dated else None}

    def set_filters(self, customer_id: int | None = None, person: str | None = None,
                    since: date | None = None, until: date | None = None) -> None:
        """The filters as given (None: that filter off; no dates: any date)."""
        self.customer_edit.setText("" if customer_id is None else str(customer_id))
        self.person_edit.setText(person or "")
        self.dates_box.setChecked(since is not None or until is not None)
        if since is not None:
            self.start_edit.setDate(_qdate(since))
        if until is not None:
            self.end_edit.setDate(_qdate(until))

    # -- the query -------------------------------------------------------------------
    def refresh(self) -> None:
        if self.store is None:
            return
        services, filters = self.services, self.filters()
        self.status.setText(translate("AuditView", "Searching…"))
        self.table.setEnabled(False)
        run_query(lambda: services.audit_search(**filters), self._loaded, self._failed,
                  key=f"audit-{id(self)}", owner=self)

    def _loaded(self, rows: list) -> None:
        self.table.setEnabled(True)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        from cti_desk.services.audit import SEARCH_LIMIT

        self._shown = (len(rows), SEARCH_LIMIT)
        self._say_count(*self._shown)
        self.loaded.emit(len(rows))

    def _say_count(self, count: int, limit: int) -> None:
        if count >= limit:
            self.status.setText(translate("AuditView", "The newest {count} rows: narrow the search to see older ones")
                                .format(count=count))
        else:
            self.status.setText(translate("AuditView", "{count} rows").format(count=count))

    def _failed(self, exc: BaseException) -> None:
        self.table.setEnabled(True)
        self.model.set_rows([])
        self._shown = None
        line = bounded(error_text(exc).splitlines()[0] if str(exc) else type(exc).__name__, 200)
        log.warning("audit search: %s", line)
        self.status.setText(translate("AuditView", "Could not search: {error}").format(error=line))
        self.failed.emit(line)
