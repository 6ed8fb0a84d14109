"""Who is calling: the customer's card, a chooser for several matches, a new-customer form.

The panel only shows and asks; the main window runs every store access in the background.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cti_desk.domain.phone import display
from cti_desk.qt.history_models import channel_label
from cti_desk.qt.i18n import local_time
from cti_desk.qt.icons import icon
from cti_desk.qt.search import SearchBox
from cti_desk.services.customers import CustomerSummary
from cti_desk.services.history import Candidate


def segment_label(segment: str) -> str:
    return {
        "prospect": QCoreApplication.translate("CustomerPanel", "Prospect"),
        "first_time": QCoreApplication.translate("CustomerPanel", "First-time buyer"),
        "loyal": QCoreApplication.translate("CustomerPanel", "Loyal customer"),
    }.get(segment, segment)


def phone_kind_label(kind: str) -> str:
    return {
        "home": QCoreApplication.translate("CustomerPanel", "home"),
        "mobile": QCoreApplication.translate("CustomerPanel", "mobile"),
        "work": QCoreApplication.translate("CustomerPanel", "work"),
    }.get(kind, kind)


def _plain(name: str = "", wrap: bool = True) -> QLabel:
    lab = QLabel()
    if name:
        lab.setObjectName(name)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setWordWrap(wrap)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


class CandidateTable(QTableWidget):
    """Several customers side by side with what tells them apart."""

    chosen = Signal(int)

    def __init__(self, name: str, parent=None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.itemActivated.connect(lambda item: self.chosen.emit(self.customer_id(item.row())))
        self.candidates: list[Candidate] = []
        self.retranslate()

    def set_candidates(self, rows: list[Candidate]) -> None:
        self.candidates = list(rows)
        self.setRowCount(len(rows))
        for n, c in enumerate(rows):
            values = (c.name, c.name_kana, ", ".join(c.member_ids), c.place,
                      local_time(c.last_purchase_at, "%Y-%m-%d"))
            for col, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                self.setItem(n, col, item)
        if rows:
            self.selectRow(0)

    def customer_id(self, row: int) -> int:
        return self.candidates[row].id

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self.customer_id(rows[0].row()) if rows else None

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Kana"), self.tr("Member no."), self.tr("Address"),
            self.tr("Last purchase"),
        ])


class CustomerCard(QScrollArea):
    dialRequested = Signal(str)

    FIELDS = ("kana", "member", "segment", "points", "channels", "addresses", "phones", "emails", "flags")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = _plain("customerName")
        big = QFont(self.name.font())
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.4)
        self.name.setFont(big)
        self.form.addRow(self.name)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in self.FIELDS:
            if key == "phones":
                self.phones = QWidget()
                self.phones.setObjectName("customerPhones")
                self.phones_layout = QVBoxLayout(self.phones)
                self.phones_layout.setContentsMargins(0, 0, 0, 0)
                value: QWidget = self.phones
            else:
                value = self.values[key] = _plain(f"customer_{key}")
            self.labels[key] = QLabel()
            self.form.addRow(self.labels[key], value)
        self.setWidget(body)
        self.summary: CustomerSummary | None = None
        self.dial_blocked: str | None = None  # why dialling is off (no --agent ...), or None
        self._flagged = False
        self._phone_rows: list[tuple[QWidget, QLabel, QToolButton]] = []
        self._phone_numbers: list[str] = []  # e164 of each row's dial button
        self._phones_shown: dict[str, str] = {}
        self.retranslate()

    def set_dial_blocked(self, reason: str | None) -> None:
        self.dial_blocked = reason
        if self.summary is not None:
            self.show_summary(self.summary)

    def show_summary(self, s: CustomerSummary, phones_shown: dict[str, str] | None = None) -> None:
        """Fill the card; `phones_shown` (e164 -> 03-1234-5678) saves formatting here."""
        self.summary = s
        if phones_shown is not None:
            self._phones_shown = phones_shown
        self.name.setText(s.name)
        v = self.values
        v["kana"].setText(s.name_kana)
        v["member"].setText(", ".join(s.member_ids) or "—")
        v["segment"].setText(
            self.tr("{segment} ({orders} orders)").format(segment=segment_label(s.segment), orders=s.order_count)
        )
        v["points"].setText(f"{s.points:,} pt")
        v["channels"].setText("\n".join(f"{channel_label(ch)}: {ext}" for ch, ext in s.identities) or "—")
        v["addresses"].setText(
            "\n".join(
                f"〒{a.postal_code[:3]}-{a.postal_code[3:]} {a.prefecture}{a.city}{a.line1} {a.line2}".strip()
                for a in s.addresses
            ) or "—"
        )
        v["emails"].setText("\n".join(s.emails) or "—")
        v["flags"].setText(", ".join(s.flags) or "—")
        flagged = bool(s.flags)
        if flagged != self._flagged:  # a style sheet change re-polishes: only when it changes
            self._flagged = flagged
            v["flags"].setStyleSheet("color: #c62828; font-weight: bold;" if flagged else "")
        self._show_phones(s.phones)

    def _show_phones(self, phones: list[tuple[str, str]]) -> None:
        # The rows are kept and refilled: a pop builds no widgets unless it needs more rows.
        while len(self._phone_rows) > len(phones):
            row, _label, _button = self._phone_rows.pop()
            self.phones_layout.removeWidget(row)
            row.deleteLater()
        while len(self._phone_rows) < len(phones):
            self._phone_rows.append(self._phone_row(len(self._phone_rows)))
        self._phone_numbers = [e164 for _kind, e164 in phones]
        for (_row, lab, button), (kind, e164) in zip(self._phone_rows, phones, strict=True):
            shown = self._phones_shown.get(e164) or display(e164)
            lab.setText(f"{shown} ({phone_kind_label(kind)})")
            button.setText(self.tr("Dial"))
            button.setToolTip(self.dial_blocked or self.tr("Call {number}").format(number=shown))
            button.setEnabled(self.dial_blocked is None)

    def _phone_row(self, n: int) -> tuple[QWidget, QLabel, QToolButton]:
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        lab = _plain(wrap=False)
        button = QToolButton()
        button.setObjectName("dialButton")
        button.setIcon(icon("phone"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.clicked.connect(lambda _=False: self.dialRequested.emit(self._phone_numbers[n]))
        h.addWidget(lab)
        h.addWidget(button)
        h.addStretch(1)
        self.phones_layout.addWidget(row)
        return row, lab, button

    def retranslate(self) -> None:
        names = {
            "kana": self.tr("Kana"), "member": self.tr("Member no."), "segment": self.tr("Segment"),
            "points": self.tr("Points"), "channels": self.tr("Channels"),
            "addresses": self.tr("Addresses"), "phones": self.tr("Phones"),
            "emails": self.tr("Emails"), "flags": self.tr("Flags"),
        }
        for key, lab in self.labels.items():
            lab.setText(names[key])
        if self.summary is not None:
            self.show_summary(self.summary)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class NewCustomerForm(QWidget):
    createRequested = Signal(str, str, str, str)  # name, kana, email, number
    attachRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("newCustomerForm")
        self.heading = _plain()
        self.number = _plain("newCustomerNumber")
        self.name = QLineEdit(objectName="newCustomerName")
        self.kana = QLineEdit(objectName="newCustomerKana")
        self.email = QLineEdit(objectName="newCustomerEmail")
        for edit, limit in ((self.name, 200), (self.kana, 200), (self.email, 254)):
            edit.setMaxLength(limit)
        self.save = QPushButton(objectName="newCustomerSave")
        self.save.clicked.connect(self._create)
        self.attach = QPushButton(objectName="attachNumber")
        self.attach.clicked.connect(self.attachRequested)
        self.name.textChanged.connect(lambda t: self.save.setEnabled(bool(t.strip())))
        self.save.setEnabled(False)
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(4)]
        for lab, w in zip(self._labels, (self.number, self.name, self.kana, self.email), strict=True):
            self.form.addRow(lab, w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.attach)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._raw = ""
        self.retranslate()

    def prefill(self, raw_number: str | None, e164: str | None) -> None:
        self._raw = e164 or raw_number or ""
        self.number.setText(display(e164) if e164 else (raw_number or ""))
        self.attach.setEnabled(bool(e164))
        for edit in (self.name, self.kana, self.email):
            edit.clear()

    def _create(self) -> None:
        if self.name.text().strip():
            self.createRequested.emit(self.name.text().strip(), self.kana.text().strip(),
                                      self.email.text().strip(), self._raw)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Unknown caller: create a customer, or attach this number to one."))
        for lab, text in zip(self._labels, (self.tr("Number"), self.tr("Name"), self.tr("Kana"),
                                            self.tr("Email")), strict=True):
            lab.setText(text)
        self.save.setText(self.tr("Create customer"))
        self.attach.setText(self.tr("Attach to an existing customer…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CustomerPanel(QWidget):
    """Search box on top; below it one of: idle, card, chooser, new customer, results."""

    customerChosen = Signal(int)
    attachChosen = Signal(int)  # attach the current caller's number to this customer
    dialRequested = Signal(str)

    IDLE, CARD, CHOOSER, NEW, RESULTS, LOADING = range(6)

    def __init__(self, search: SearchBox, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("customerPanel")
        self.search = search
        self.stack = QStackedWidget()
        self.idle = _plain("customerIdle")
        self.idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card = CustomerCard()
        self.card.dialRequested.connect(self.dialRequested)
        chooser_page = QWidget()
        cv = QVBoxLayout(chooser_page)
        cv.setContentsMargins(0, 0, 0, 0)
        self.chooser_heading = _plain("chooserHeading")
        self.chooser = CandidateTable("customerChooser")
        self.chooser.chosen.connect(self.customerChosen)
        self.chooser_open = QPushButton(objectName="chooserOpen")
        self.chooser_open.clicked.connect(lambda: self._emit_selected(self.chooser, self.customerChosen))
        cv.addWidget(self.chooser_heading)
        cv.addWidget(self.chooser, 1)
        cv.addWidget(self.chooser_open, 0, Qt.AlignmentFlag.AlignLeft)
        self.new_form = NewCustomerForm()
        self.new_form.attachRequested.connect(self.start_attach)
        results_page = QWidget()
        rv = QVBoxLayout(results_page)
        rv.setContentsMargins(0, 0, 0, 0)
        self.results_heading = _plain("resultsHeading")
        self.results = CandidateTable("searchResults")
        self.results.chosen.connect(self._result_chosen)
        rb = QHBoxLayout()
        self.results_open = QPushButton(objectName="resultsOpen")
        self.results_open.clicked.connect(lambda: self._emit_selected(self.results, self.customerChosen))
        self.results_attach = QPushButton(objectName="resultsAttach")
        self.results_attach.clicked.connect(lambda: self._emit_selected(self.results, self.attachChosen))
        rb.addWidget(self.results_open)
        rb.addWidget(self.results_attach)
        rb.addStretch(1)
        rv.addWidget(self.results_heading)
        rv.addWidget(self.results, 1)
        rv.addLayout(rb)
        self.loading = _plain("customerLoading")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for page in (self.idle, self.card, chooser_page, self.new_form, results_page, self.loading):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(search)
        layout.addWidget(self.stack, 1)
        self.attach_mode = False
        search.found.connect(self.show_results)
        self.retranslate()
        self.show_page(self.IDLE)

    def show_page(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        self.results_attach.setVisible(self.attach_mode)

    def page(self) -> int:
        return self.stack.currentIndex()

    def show_summary(self, summary: CustomerSummary, phones_shown: dict[str, str] | None = None) -> None:
        self.attach_mode = False
        self.card.show_summary(summary, phones_shown)
        self.show_page(self.CARD)

    def show_candidates(self, rows: list[Candidate]) -> None:
        self.attach_mode = False
        self.chooser.set_candidates(rows)
        self.chooser_heading.setText(
            self.tr("{count} customers share this number. Who is calling?").format(count=len(rows))
        )
        self.show_page(self.CHOOSER)
        self.chooser.setFocus()

    def show_new_customer(self, raw: str | None, e164: str | None) -> None:
        self.attach_mode = False
        self.new_form.prefill(raw, e164)
        self.show_page(self.NEW)

    def show_loading(self) -> None:
        self.show_page(self.LOADING)

    def show_idle(self) -> None:
        self.attach_mode = False
        self.show_page(self.IDLE)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def start_attach(self) -> None:
        self.attach_mode = True
        self.results_heading.setText(self.tr("Find the customer to attach this number to."))
        self.results.set_candidates([])
        self.show_page(self.RESULTS)
        self.focus_search()

    def start_search(self) -> None:
        """A withheld number: the operator asks and searches."""
        self.attach_mode = False
        self.results_heading.setText(self.tr("Withheld number: ask the caller and search."))
        self.results.set_candidates([])
        self.show_page(self.RESULTS)
        self.focus_search()

    def show_results(self, text: str, rows: list[Candidate]) -> None:
        if not text and not self.attach_mode:
            return
        self.results.set_candidates(rows)
        if self.attach_mode:
            self.results_heading.setText(
                self.tr("{count} found: pick the customer to attach this number to.").format(count=len(rows)))
        else:
            self.results_heading.setText(self.tr("{count} customers found").format(count=len(rows)))
        self.show_page(self.RESULTS)

    def _result_chosen(self, cid: int) -> None:
        (self.attachChosen if self.attach_mode else self.customerChosen).emit(cid)

    def _emit_selected(self, table: CandidateTable, signal) -> None:
        cid = table.selected_id()
        if cid is not None:
            signal.emit(cid)

    def retranslate(self) -> None:
        self.idle.setText(self.tr("No call on screen.\nPress F2 to search for a customer."))
        self.loading.setText(self.tr("Looking up the caller…"))
        self.chooser_open.setText(self.tr("Open this customer"))
        self.results_open.setText(self.tr("Open"))
        self.results_attach.setText(self.tr("Attach number to this customer"))
        self.chooser.retranslate()
        self.results.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
