"""Who is calling: the customer's card, a chooser for several matches, a new-customer form.

The panel only shows and asks; the main window runs every store access in the background.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cti_desk.domain.phone import display
from cti_desk.qt.customer_card import CustomerCard, phone_kind_label, segment_label
from cti_desk.qt.customer_card import plain_label as _plain
from cti_desk.qt.i18n import local_time
from cti_desk.qt.search import SearchBox
from cti_desk.services.customers import CustomerSummary
from cti_desk.services.history import Candidate

__all__ = ["CandidateTable", "CustomerCard", "CustomerPanel", "NewCustomerForm", "phone_kind_label",
           "segment_label"]


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

    customerChosen = Signal(int)  # open this customer (a search result: not the caller unless said)
    callerChosen = Signal(int)  # "who is calling?" answered: this customer is the caller
    callerConfirmed = Signal(int)  # "this is the caller" on the card
    attachChosen = Signal(int)  # attach the current caller's number to this customer
    dialRequested = Signal(str)

    IDLE, CARD, CHOOSER, NEW, RESULTS, LOADING, STORE_DOWN = range(7)

    def __init__(self, search: SearchBox, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("customerPanel")
        self.search = search
        self.stack = QStackedWidget()
        self.idle = _plain("customerIdle")
        self.idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card = CustomerCard()
        self.card.dialRequested.connect(self.dialRequested)
        self.card.callerConfirmed.connect(self.callerConfirmed)
        chooser_page = QWidget()
        cv = QVBoxLayout(chooser_page)
        cv.setContentsMargins(0, 0, 0, 0)
        self.chooser_heading = _plain("chooserHeading")
        self.chooser = CandidateTable("customerChooser")
        self.chooser.chosen.connect(self.callerChosen)
        self.chooser_open = QPushButton(objectName="chooserOpen")
        self.chooser_open.clicked.connect(lambda: self._emit_selected(self.chooser, self.callerChosen))
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
        # The store did not answer the pop: what the PBX said, until the customer fills in.
        self.store_down = _plain("customerStoreDown")
        self.store_down.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.store_down.setWordWrap(True)
        self._pbx_caller = ("", "")
        for page in (self.idle, self.card, chooser_page, self.new_form, results_page, self.loading,
                     self.store_down):
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

    def offer_caller(self, offered: bool) -> None:
        """Show "this is the caller" on the card (the window decides when)."""
        self.card.offer_caller(offered)

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

    def show_store_down(self, number: str, name: str) -> None:
        """The caller as the PBX gave it (number, name) while the store cannot be asked."""
        self.attach_mode = False
        self._pbx_caller = (number, name)
        self._store_down_text()
        self.show_page(self.STORE_DOWN)

    def _store_down_text(self) -> None:
        number, name = self._pbx_caller
        who = f"{name}\n{number}" if name else number
        self.store_down.setText(self.tr(
            "{caller}\n\nThe store cannot be reached: the customer's record appears here as soon as it "
            "answers again.").format(caller=who))

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
        self._store_down_text()
        self.chooser_open.setText(self.tr("Open this customer"))
        self.results_open.setText(self.tr("Open"))
        self.results_attach.setText(self.tr("Attach number to this customer"))
        self.chooser.retranslate()
        self.results.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
