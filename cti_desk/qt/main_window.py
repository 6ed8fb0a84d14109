"""The operator window: the screen pop, the customer's whole story, and wrap-up.

`MainWindow.on_call_update` is the single entry point for calls. Every store access
runs through `run_query` (worker thread); the GUI thread only shows and asks.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore  # Qt's enums read where used: the first read costs ~30 ms (issue 16)
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cti_desk.domain.text import bounded
from cti_desk.qt import i18n
from cti_desk.qt.customer_story import FRAME_MS, CustomerStoryShown
from cti_desk.qt.icons import icon
from cti_desk.qt.operator_calls import OperatorCalls
from cti_desk.qt.roles import error_text
from cti_desk.qt.shift_calls import ShiftCall, ShiftCallsModel, in_progress_call_id
from cti_desk.qt.window_layout import WindowLayout
from cti_desk.settings.file import SettingsFileBroken, check_settings_file, settings_path

# Only Qt and light modules above: a staged window paints before the panels' modules and
# the database layer are loaded (issue 16); finish() imports them.
if TYPE_CHECKING:
    from cti_desk.services.access import Seat
    from cti_desk.services.outbox import OutboxDispatcher
    from cti_desk.services.stock_lookups import Asker
    from cti_desk.store.db import Store

log = logging.getLogger(__name__)


def settings_file(config_dir: Path) -> QSettings:
    """The seat's settings; SettingsFileBroken (exit 2, one line, the file left as it is)
    for a file cti-desk cannot use: Qt would read what it can and write over the rest."""
    path = settings_path(config_dir)
    check_settings_file(path)
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    if settings.status() is not QSettings.Status.NoError:
        raise SettingsFileBroken(f"the settings file {path} cannot be used (Qt: {settings.status().name}): "
                                 "fix it or move it away; it was not changed")
    return settings


def _centred(widget: QWidget) -> QWidget:
    page = QWidget()
    rows, row = QVBoxLayout(page), QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    rows.addStretch(1)
    rows.addLayout(row)
    rows.addStretch(1)
    return page


class MainWindow(OperatorCalls, CustomerStoryShown, WindowLayout, QMainWindow):
    pauseRequested = Signal(bool)  # wired to AMI QueuePause
    dialRequested = Signal(str)  # E.164, wired to AMI Originate
    popShown = Signal(str)  # call id: the pop's data is on screen
    customerShown = Signal(int)  # customer id on the card (and audited)
    wrapUpSaved = Signal(int)  # inquiry id
    failed = Signal(str)
    deskReady = Signal()  # panels built and the store open: the desk is complete

    def __init__(
        self,
        store: Store | None,
        operator: str,
        agent: str | None = None,
        settings: QSettings | None = None,
        parent=None,
        oms_url: str | None = None,
        pop_on_answer: Iterable[str] = (),
        outbox: OutboxDispatcher | None = None,  # this seat sends orders to the OMS (started by the app)
        seat: Seat | None = None,  # default: `operator` as an operator at this desk
        staged: bool = False,  # only the shell now (no store yet); finish() builds the rest
    ) -> None:
        super().__init__(parent)
        self.setObjectName("operatorWindow")
        self.operator = operator
        self.agent = agent
        self.settings = settings
        self.bridge = None
        # Calls of these queues pop when answered here, not while they ring.
        self.pop_on_answer = frozenset(pop_on_answer)
        self._paused_at_pbx = False  # the agent's pause state as last confirmed
        self.current: ShiftCall | None = None
        self.customer_id: int | None = None
        self._awaiting: ShiftCall | None = None  # the pop asked of the store, not answered yet
        self._unaudited: list[tuple[int, str | None]] = []  # shown, audit entry not yet asked
        self._loading_timer = QTimer(self)
        self._loading_timer.setSingleShot(True)
        self._loading_timer.setInterval(FRAME_MS)
        self._loading_timer.timeout.connect(self._show_loading)
        self.last_notification: tuple[str, str] | None = None
        self.complete = False  # the panels are built (finish() ran)
        self._split_later = False  # sized by default before the panels were there

        # -- the shell: what needs Qt alone ---------------------------------------------
        self._build_menus()
        self.role_note = QLabel()
        self.source_note = QLabel()
        self.statusBar().addPermanentWidget(self.role_note)
        self.statusBar().addPermanentWidget(self.source_note)
        self._restore_geometry()
        if staged:
            # One plain page until the desk is built; the status bar says the same.
            opening = QLabel(QCoreApplication.translate("Startup", "Opening the store…"))
            opening.setObjectName("openingPage")
            opening.setEnabled(False)
            self.setCentralWidget(_centred(opening))  # by layout: no Qt enum read before the paint
            self.statusBar().showMessage(opening.text())
            self.retranslate()
            return
        self.finish(store, oms_url=oms_url, outbox=outbox, seat=seat)

    def finish(self, store: Store, oms_url: str | None = None, outbox: OutboxDispatcher | None = None,
               seat: Seat | None = None) -> None:
        """The desk itself: the store's services, panels, order form and the menus that
        need them. In __init__ for a window built whole; after the first paint for a staged one."""
        from cti_desk.domain.roles import Role
        from cti_desk.qt.call_bar import CallBar
        from cti_desk.qt.customer_panel import CustomerPanel
        from cti_desk.qt.history_models import PurchaseHistoryModel
        from cti_desk.qt.history_views import InquiryHistoryView, PurchaseHistoryView
        from cti_desk.qt.inquiry_model import InquiryHistoryModel
        from cti_desk.qt.inventory_panel import InventoryPanel
        from cti_desk.qt.link_status import attach_link_status
        from cti_desk.qt.order_form import OrderForm
        from cti_desk.qt.search import SearchBox
        from cti_desk.qt.store_recovery import StoreRecovery
        from cti_desk.qt.wrapup import WrapUpPanel
        from cti_desk.qt.wrapup_keeper import WrapUpKeeper
        from cti_desk.services.access import Seat, this_desk
        from cti_desk.services.seat_services import SeatServices

        self.store = store
        self.seat = seat or Seat(self.operator, Role.OPERATOR, this_desk())
        # Every read of a customer's record and every change goes through the role check.
        self.services = SeatServices(store, self.seat)
        # Wrap-ups, orders and pops that waited for the store run again once it answers.
        self.recovery = StoreRecovery(store, self)
        operator = self.operator

        # -- widgets -----------------------------------------------------------
        self.call_bar = CallBar()
        self.call_bar.pauseToggled.connect(self.pauseRequested)
        self.call_bar.dialRequested.connect(self.dialRequested)
        self.search = SearchBox(self.services.customer_candidates)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.panel = CustomerPanel(self.search)
        self.panel.customerChosen.connect(self.open_customer)
        self.panel.callerChosen.connect(lambda cid: self.open_customer(cid, caller=True))
        self.panel.attachChosen.connect(self._attach_number)
        self.panel.dialRequested.connect(self.dialRequested)
        self.panel.new_form.createRequested.connect(self._create_customer)

        # The newest calls stay listed; the one on screen whatever its age.
        self.calls = ShiftCallsModel(self, keep=lambda call: call is self.current)
        self.calls_view = QTableView()
        self.calls_view.setObjectName("shiftCalls")
        self.calls_view.setModel(self.calls)
        self.calls_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.calls_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.calls_view.verticalHeader().setVisible(False)
        self._size_call_columns()
        self.calls_view.activated.connect(self._call_activated)
        self.calls_view.doubleClicked.connect(self._call_activated)
        self.calls_heading = QLabel()
        calls_box = QWidget()
        cl = QVBoxLayout(calls_box)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.calls_heading)
        cl.addWidget(self.calls_view)
        cl.addWidget(self._make_call_back_button(), 0, QtCore.Qt.AlignmentFlag.AlignLeft)

        self.purchases = PurchaseHistoryModel(self._load_purchase_page, self)
        self.purchases_view = PurchaseHistoryView(self.purchases, self.services)
        self.inquiries = InquiryHistoryModel(self)
        self.inquiries_view = InquiryHistoryView(self.inquiries)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("storyTabs")
        self.tabs.addTab(self.purchases_view, icon("purchases"), "")
        self.tabs.addTab(self.inquiries_view, icon("inquiries"), "")
        self.inventory = InventoryPanel(self.store)
        self.order_form = OrderForm(self.store, dispatcher=outbox, operator=operator, recovery=self.recovery)
        self.tabs.addTab(self.inventory, icon("inventory"), "")
        self.tabs.addTab(self.order_form, icon("order"), "")
        self._wire_order_widgets()
        self.purchases_view.productRequested.connect(self.show_stock_of)
        self.purchases_view.orderCancelled.connect(self._order_cancelled)

        self.wrapup = WrapUpPanel()
        self.keeper = WrapUpKeeper(self)  # journals, saves and restores the wrap-ups
        self.panel.callerConfirmed.connect(self.keeper.link_caller)

        self.left = QSplitter(QtCore.Qt.Orientation.Vertical)
        self.left.setObjectName("leftSplitter")
        self.left.addWidget(self.panel)
        self.left.addWidget(calls_box)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 1)
        self.body = QSplitter(QtCore.Qt.Orientation.Horizontal)
        self.body.setObjectName("bodySplitter")
        self.body.addWidget(self.left)
        self.body.addWidget(self.tabs)
        self.body.setStretchFactor(0, 2)
        self.body.setStretchFactor(1, 3)
        self.vertical = QSplitter(QtCore.Qt.Orientation.Vertical)
        self.vertical.setObjectName("mainSplitter")
        self.vertical.addWidget(self.body)
        self.vertical.addWidget(self.wrapup)
        self.vertical.setStretchFactor(0, 4)
        self.vertical.setStretchFactor(1, 1)
        for splitter in (self.left, self.body, self.vertical):
            splitter.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.call_bar)
        layout.addWidget(self.vertical, 1)
        self.setCentralWidget(central)

        self._build_call_actions()
        self._init_calls()  # the seat's router, take-over and call-back actions
        self.tray = self._make_tray()
        self.health = attach_link_status(self, store, oms_url)  # PBX link, store banner, OMS outbox
        self.recovery.follow(self.health.store_watch)
        self.complete = True
        self.retranslate()
        self._restore_panes()
        if self._split_later:
            self._split_body(self.width())
        self.keeper.restore()

    def store_ready(self) -> None:
        """The store is open and its schema current (app/gui.py's Startup): the desk is complete."""
        log.info("desk ready: panels built, store open")
        self.deskReady.emit()

    # -- actions, menus, tray ----------------------------------------------------
    def _build_menus(self) -> None:
        """The menu bar of the shell: Call (Quit until the desk's actions join) and Language."""
        self.act_quit = QAction(self)
        self.act_quit.setShortcuts(QKeySequence.StandardKey.Quit)  # every binding; reads no Qt enum
        self.act_quit.triggered.connect(self.close)
        self.call_menu = self.menuBar().addMenu("")
        self._call_actions_end = self.call_menu.addSeparator()
        self.call_menu.addAction(self.act_quit)
        self.lang_menu = self.menuBar().addMenu("")
        group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():
            act = QAction(name, self, checkable=True)
            act.setChecked(code == i18n.current_language())
            act.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(act)
            self.lang_menu.addAction(act)
            self.lang_actions[code] = act

    def _build_call_actions(self) -> None:
        self.act_search = QAction(self)
        self.act_search.setShortcut(QKeySequence(QtCore.Qt.Key.Key_F2))
        self.act_search.triggered.connect(self.panel.focus_search)
        self.act_save = QAction(self)
        self.act_save.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.act_save.triggered.connect(self.wrapup.save_now)
        self.act_pause = QAction(self)
        self.act_pause.setShortcut(QKeySequence(QtCore.Qt.Key.Key_F9))
        self.act_pause.triggered.connect(self.call_bar.pause_button.toggle)
        self.act_dial = QAction(self)
        self.act_dial.setShortcut(QKeySequence("Ctrl+D"))
        self.act_dial.triggered.connect(self.call_bar.dial_button.click)
        for act in (self.act_search, self.act_save, self.act_pause, self.act_dial):
            self.call_menu.insertAction(self._call_actions_end, act)
            self.addAction(act)

    def _size_call_columns(self) -> None:
        """Widths from the font, never from the rows: a new call or a state change then
        costs one row's repaint, not a re-read of the whole shift (hundreds of calls)."""
        header = self.calls_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        fm = self.calls_view.fontMetrics()
        pad = 3 * fm.horizontalAdvance("0")
        for column, sample in enumerate(("00:00:00", "+00 000-0000-0000", "山" * 10)):
            header.resizeSection(column, fm.horizontalAdvance(sample) + pad)

    def _wire_order_widgets(self) -> None:
        self.inventory.orderRequested.connect(self._add_to_order)
        self.inventory.asker = self._stock_asker
        self.order_form.orderPlaced.connect(self._order_placed)
        self.order_form.waitingOrderPlaced.connect(self._waiting_order_placed)
        self.order_form.stockChanged.connect(self.inventory.refresh)

    def _add_to_order(self, product_id: int, location_id: int) -> None:
        self.order_form.add_product(product_id, 1, location_id)
        self.tabs.setCurrentWidget(self.order_form)

    def _stock_asker(self) -> Asker | None:
        """A product looked up while a call is on is the caller's demand (the KPIs count it)."""
        from cti_desk.services.stock_lookups import CALL, Asker

        call_id = in_progress_call_id(self.current)
        return Asker(CALL, call_id, self.customer_id) if call_id else None

    def show_stock_of(self, product_id: int) -> None:
        """A purchase line asked about: its stock everywhere, in the inventory tab."""
        self.inventory.show_product(product_id)
        self.tabs.setCurrentWidget(self.inventory)

    def _order_placed(self, order_no: str) -> None:
        self.statusBar().showMessage(self.tr("Order {order} placed").format(order=bounded(order_no, 40)), 10000)
        if self.current is not None:
            self.keeper.order_placed(self.current)
        if self.customer_id is not None:
            self._reload_purchases(self.customer_id)

    def _waiting_order_placed(self, order_no: str, call_id: str) -> None:
        """An order that waited for the store is placed: its call's wrap-up says so."""
        self.statusBar().showMessage(self.tr("Order {order} placed: the store answers again").format(
            order=bounded(order_no, 40)), 10000)
        call = self.calls.find(call_id) if call_id else None
        if call is not None:
            self.keeper.order_placed(call)
        if self.customer_id is not None:
            self._reload_purchases(self.customer_id)

    def _failed(self, exc: BaseException) -> None:
        text = bounded(error_text(exc), 200)
        log.error("operator window: %s", text)
        self.statusBar().showMessage(self.tr("Error: {message}").format(message=text), 15000)
        self.failed.emit(text)

    # -- language, settings, closing --------------------------------------------------
    def set_language(self, code: str) -> None:
        i18n.install_language(code)
        if self.settings is not None:
            self.settings.setValue("language", code)
        for c, act in self.lang_actions.items():
            act.setChecked(c == code)

    def set_role_note(self, text: str) -> None:
        self.role_note.setText(text)

    def set_source_note(self, text: str) -> None:
        self.source_note.setText(text)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("cti-desk — operator {name}").format(name=self.operator))
        self.call_menu.setTitle(self.tr("&Call"))
        self.lang_menu.setTitle(self.tr("&Language"))
        self.act_quit.setText(self.tr("Quit"))
        self.act_quit.setToolTip(self.act_quit.text())
        if self.complete:
            self._retranslate_desk()

    def _retranslate_desk(self) -> None:
        self._show_calls_heading()
        self.tabs.setTabText(0, self.tr("Purchases"))
        self.tabs.setTabText(1, self.tr("Inquiries"))
        self.tabs.setTabText(2, self.tr("Inventory"))
        self.tabs.setTabText(3, self.tr("Order"))
        for act, text, tip in (
            (self.act_search, self.tr("Search customer"), "F2"),
            (self.act_save, self.tr("Save wrap-up"), "Ctrl+Enter"),
            (self.act_pause, self.tr("Pause / resume in queue"), "F9"),
            (self.act_dial, self.tr("Call back the caller"), "Ctrl+D"),
        ):
            act.setText(text)
            act.setToolTip(f"{text} ({tip})" if tip else text)
        self.search.setToolTip(self.tr("Search customer (F2)"))
        self._update_pbx_actions()
        self._retranslate_calls()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        if not self._sized:  # first run: the screen is known once shown
            self._sized = True
            self._default_size()
        super().showEvent(event)

    def pending_wrapups(self) -> list[ShiftCall]:
        return self.keeper.pending() if self.complete else []

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.complete:  # nothing typed or shown yet
            self.save_state()
            super().closeEvent(event)
            return
        for opened in list(self._unaudited):  # shown, but closed before its audit entry left
            self._customer_opened(opened)
        self.keeper.close()  # what is typed is on disk before the window goes
        self.order_form.waiting_box.close_journal()
        self.save_state()
        if self.bridge is not None:
            self.bridge.stop()
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)

