"""The shop's kiosk (`--role kiosk`): one full-screen window without menus, in which shop
staff find a product the shelf lacks and have it delivered to the customer's home.

Screens in a stack: scan -> product and stock -> order steps -> done -> scan. After the
idle timeout or a finished order, everything a customer left is wiped (line edits with
their undo history, lists, labels) and the empty scan screen returns. Escape, Alt+F4 and
the window manager's close do nothing: leaving takes the staff PIN."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cti_desk.domain.delivery import DeliveryCalendar
from cti_desk.domain.kiosk import PinGate
from cti_desk.qt import i18n
from cti_desk.qt.kiosk.done import DoneScreen, shop_printer
from cti_desk.qt.kiosk.idle import IdleWatch
from cti_desk.qt.kiosk.order import OrderScreen
from cti_desk.qt.kiosk.pin import PinDialog
from cti_desk.qt.kiosk.product import ProductScreen
from cti_desk.qt.kiosk.scan import ScanScreen
from cti_desk.qt.kiosk.slip import Slip
from cti_desk.qt.kiosk.style import STYLE, TOUCH_PX, big_type, button, label
from cti_desk.services.inventory import ProductHit
from cti_desk.services.kiosk import KioskShop
from cti_desk.services.orders import japan_day, utcnow

log = logging.getLogger(__name__)


def japan_today() -> date:
    return japan_day(utcnow())


class KioskWindow(QMainWindow):
    agent = None  # a kiosk takes no calls (Startup asks)

    def __init__(self, store, shop: KioskShop, idle_timeout_s: int = 60, settings=None, *,
                 calendar: DeliveryCalendar | None = None, pin_gate: PinGate | None = None,
                 printer: Callable[[], QPrinter | None] = shop_printer, today: Callable[[], date] = japan_today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskWindow")
        self.store, self.shop, self.settings = store, shop, settings
        self.bridge = None
        self.outside_line = None
        self.home_language = i18n.current_language()  # a wipe brings it back
        self.gate = pin_gate or PinGate()
        self.pin_dialog: PinDialog | None = None
        self._may_leave = False
        calendar = calendar or DeliveryCalendar()
        self.setStyleSheet(STYLE)
        big_type(self)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        # No title bar to close it by, the whole screen even where no window manager
        # honours the full-screen state (a kiosk often runs on a bare X server).
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.setWindowState(Qt.WindowState.WindowFullScreen)  # after setGeometry, which resets it
        self.statusBar().hide()  # the startup's notes are for the log, not the shop floor

        self.shop_label = label("title", "kioskShopName", wrap=False)
        self.language = button("kioskLanguage", keep_focus=True)
        self.language.clicked.connect(self.switch_language)
        self.staff = button("kioskStaffExit", role="staff", keep_focus=True)
        self.staff.setFixedSize(TOUCH_PX, TOUCH_PX)
        self.staff.setText("⋯")
        self.staff.clicked.connect(self.ask_pin)
        top = QHBoxLayout()
        top.setContentsMargins(24, 8, 8, 0)
        top.addWidget(self.shop_label)
        top.addStretch(1)
        top.addWidget(self.language)
        top.addWidget(self.staff)

        self.scan = ScanScreen(store)
        self.product = ProductScreen(store, shop, today)
        self.order = OrderScreen(store, shop, calendar, today)
        self.done = DoneScreen(printer)
        self.stack = QStackedWidget()
        for screen in (self.scan, self.product, self.order, self.done):
            self.stack.addWidget(screen)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        for edit in self.findChildren(QLineEdit):  # no cut/paste/undo menu on a shared screen
            edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

        self.scan.productChosen.connect(self.show_product)
        self.product.backRequested.connect(self.to_scan)
        self.product.orderRequested.connect(self.start_order)
        self.order.cancelled.connect(self._order_cancelled)
        self.order.placed.connect(self._order_placed)
        self.done.finished.connect(self.wipe)
        self.idle = IdleWatch(self, idle_timeout_s, self.busy)
        self.idle.expired.connect(self._idle_expired)
        self.idle.start()
        self.retranslate()

    # -- moving between screens -------------------------------------------------------------
    def show_product(self, hit: ProductHit) -> None:
        self.product.show_product(hit)
        self.stack.setCurrentWidget(self.product)

    def to_scan(self) -> None:
        self.scan.reset()
        self.stack.setCurrentWidget(self.scan)
        self.scan.scan.setFocus()

    def start_order(self) -> None:
        if self.product.product is None:
            return
        self.order.start(self.product.product, self.product.model.rows, self.product.selected_row())
        self.stack.setCurrentWidget(self.order)

    def _order_cancelled(self) -> None:
        self.order.reset()
        self.stack.setCurrentWidget(self.product)

    def _order_placed(self, slip: Slip) -> None:
        log.info("kiosk order %s placed", slip.order_no)
        self.wipe()  # nobody's details stay behind the done screen
        self.done.show_order(slip)
        self.stack.setCurrentWidget(self.done)

    def _idle_expired(self) -> None:
        log.info("kiosk idle: screen wiped")
        self.wipe()

    # -- privacy -----------------------------------------------------------------------------
    def busy(self) -> bool:
        """Something is on the screen that the idle timeout must wipe."""
        return self.stack.currentWidget() is not self.scan or self.scan.has_input()

    def wipe(self) -> None:
        """Back to the empty scan screen: no customer data in any widget, model or undo history."""
        for screen in (self.order, self.product, self.done, self.scan):
            screen.reset()
        for edit in self.findChildren(QLineEdit):
            edit.setText("")  # also empties the undo history (clear() could be undone)
        if i18n.current_language() != self.home_language:
            i18n.install_language(self.home_language)
        self.stack.setCurrentWidget(self.scan)
        self.scan.scan.setFocus()
        self.idle.poke()

    # -- lockdown ------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_leave:  # Alt+F4, the window manager's close button, close()
            event.ignore()
            return
        self.idle.stop()
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # swallowed: Escape does not leave the kiosk
            return
        text = event.text()
        if (self.stack.currentWidget() in (self.product, self.done) and len(text) == 1 and text.isprintable()
                and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier):
            # A scan on the product screen: the next product, typed into the scan field.
            if self.stack.currentWidget() is self.done:
                self.wipe()
            else:
                self.to_scan()
            self.scan.scan.insert(text)
            event.accept()
            return
        super().keyPressEvent(event)

    def ask_pin(self) -> None:
        if self.pin_dialog is not None:
            return
        self.pin_dialog = PinDialog(self.store, self.gate, self)
        self.pin_dialog.accepted.connect(self.leave)
        self.pin_dialog.finished.connect(self._pin_closed)
        self.pin_dialog.open()

    def _pin_closed(self) -> None:
        if self.pin_dialog is not None:
            self.pin_dialog.deleteLater()
            self.pin_dialog = None

    def leave(self) -> None:
        """The staff PIN was right: the kiosk may close."""
        log.info("kiosk left with the staff PIN")
        self._may_leave = True
        self.close()

    def shut_down(self) -> None:
        """SIGTERM/SIGINT from the machine's owner (not the shop floor): close without a PIN."""
        self._may_leave = True
        self.close()

    # -- language and the startup's calls ----------------------------------------------------
    def switch_language(self) -> None:
        i18n.install_language("en" if i18n.current_language() == "ja" else "ja")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Shop kiosk — {shop}").format(shop=self.shop.name))
        self.shop_label.setText(self.tr("{shop}: stock and home delivery").format(shop=self.shop.name))
        self.language.setText(i18n.LANGUAGES["en" if i18n.current_language() == "ja" else "ja"])
        self.staff.setToolTip(self.tr("Staff"))
        self.staff.setAccessibleName(self.tr("Staff: leave kiosk mode"))
        for screen in (self.scan, self.product, self.order, self.done):
            screen.retranslate()
        self.product.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        self.idle.retranslate()
        if self.pin_dialog is not None:
            self.pin_dialog.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_source_note(self, text: str) -> None:
        log.info("%s", text)

    def set_role_note(self, text: str) -> None:
        log.info("%s", text)
