"""What the kiosk leaves for the next person at the screen (nothing), and who can leave
kiosk mode (staff with the PIN): the idle timeout's warning and wipe, undo histories,
Escape, Alt+F4 and close refused, the PIN keypad and its slowdown."""

from __future__ import annotations

from argparse import Namespace

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from cti_desk.app.gui import _role_window
from cti_desk.app.kiosk import KioskStart
from cti_desk.domain.kiosk import PinGate
from cti_desk.qt import i18n
from cti_desk.qt.kiosk import KioskWindow
from cti_desk.services.kiosk import kiosk_shop
from tests.gui.kiosk_setup import (
    KETTLE_JAN,
    PIN,
    add_kiosk_shop,
    close_kiosk,
    open_kiosk,
    scan_to_product,
    shown_texts,
    tap,
)

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

TIMEOUT_S = 20


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def retail(store):
    return add_kiosk_shop(store)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def kiosk(qtbot, store, retail, clock):
    i18n.install_language("en")
    w = open_kiosk(qtbot, store, idle_timeout_s=TIMEOUT_S, pin_gate=PinGate(clock))
    yield w
    close_kiosk(w)


def half_filled_guest_order(qtbot, w):
    scan_to_product(qtbot, w, KETTLE_JAN)
    tap(qtbot, w.product.order)
    tap(qtbot, w.order.next)
    tap(qtbot, w.order.customer.mode.buttons()[1])
    w.order.customer.guest_name.setText("山田 花子")
    QTest.keyClicks(w.order.customer.guest_phone, "090-8765-4321")
    tap(qtbot, w.order.next)
    QTest.keyClicks(w.order.address.postal, "1000001")
    qtbot.waitUntil(lambda: w.order.address.area.text() != "")
    w.order.address.line1.setText("神南9-9-9")
    assert w.order.pages.currentIndex() == 2


def test_setText_on_a_line_edit_leaves_nothing_to_undo(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    QTest.keyClicks(edit, "090-8765-4321")
    edit.clear()
    edit.undo()
    assert edit.text() == "090-8765-4321"  # why the wipe never uses clear()
    edit.setText("")
    edit.undo()
    assert edit.text() == "" and not edit.isUndoAvailable()


def test_the_idle_timeout_warns_then_wipes_a_half_filled_order(qtbot, kiosk):
    half_filled_guest_order(qtbot, kiosk)
    for _ in range(TIMEOUT_S - 10):
        kiosk.idle.tick()
    overlay = kiosk.idle.overlay
    assert overlay.isVisible() and "10 s" in overlay.text.text()
    kiosk.idle.tick()
    assert "9 s" in overlay.text.text()
    for _ in range(9):
        kiosk.idle.tick()
    assert not overlay.isVisible()
    assert kiosk.stack.currentWidget() is kiosk.scan
    assert QApplication.focusWidget() is kiosk.scan.scan
    for edit in kiosk.findChildren(QLineEdit):
        assert edit.text() == "" and not edit.isUndoAvailable(), edit.objectName()
        edit.undo()
        assert edit.text() == "", edit.objectName()
    texts = " ".join(shown_texts(kiosk))
    for personal in ("山田", "花子", "8765", "4321", "神南", "100-0001", "千代田"):
        assert personal not in texts
    assert kiosk.order.customer.found == [] and kiosk.order.key is None
    assert kiosk.product.model.rowCount() == 0 and kiosk.product.product is None
    assert not kiosk.busy()  # the empty scan screen: the count stops


def test_a_touch_or_a_key_during_the_warning_keeps_the_screen(qtbot, kiosk):
    half_filled_guest_order(qtbot, kiosk)
    for _ in range(TIMEOUT_S - 5):
        kiosk.idle.tick()
    assert kiosk.idle.overlay.isVisible()
    qtbot.mouseClick(kiosk.idle.overlay, Qt.MouseButton.LeftButton)
    assert not kiosk.idle.overlay.isVisible() and kiosk.idle.left == TIMEOUT_S
    assert kiosk.order.customer.guest_name.text() == "山田 花子"
    for _ in range(TIMEOUT_S - 5):
        kiosk.idle.tick()
    QTest.keyClick(kiosk.order.address.line2, Qt.Key.Key_A)
    assert not kiosk.idle.overlay.isVisible() and kiosk.idle.left == TIMEOUT_S
    assert kiosk.order.address.line1.text() == "神南9-9-9"


def test_the_empty_scan_screen_is_never_warned_about(qtbot, kiosk):
    for _ in range(TIMEOUT_S * 2):
        kiosk.idle.tick()
    assert not kiosk.idle.overlay.isVisible()


def test_escape_alt_f4_and_close_are_refused_without_the_pin(qtbot, kiosk):
    QTest.keyClick(kiosk.scan.scan, Qt.Key.Key_Escape)
    QTest.keyClick(kiosk, Qt.Key.Key_Escape)
    QTest.keyClick(kiosk, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert kiosk.close() is False  # what the window manager's close button asks
    assert kiosk.isVisible()


def press_pin(qtbot, dialog, pin: str) -> None:
    for digit in pin:
        tap(qtbot, dialog.findChild(type(dialog.ok), f"kioskPinKey_{digit}"))
    tap(qtbot, dialog.ok)


def test_the_staff_pin_opens_the_way_out_and_wrong_pins_are_slowed(qtbot, kiosk, clock):
    tap(qtbot, kiosk.staff)
    dialog = kiosk.pin_dialog
    assert dialog is not None and dialog.isVisible()
    for attempt in range(3):
        press_pin(qtbot, dialog, "0000")
        qtbot.waitUntil(lambda: "Wrong PIN" in dialog.message.text())
        assert kiosk.isVisible()
        if attempt < 2:  # the first two are typos: no wait
            assert dialog.ok.isEnabled()
            dialog.message.setText("")
    assert dialog.message.text() == "Wrong PIN. Try again in 2 s."
    assert not dialog.ok.isEnabled()
    clock.now += 2
    dialog.show_wait()
    assert dialog.ok.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # cancels the dialog, not the kiosk
    assert kiosk.pin_dialog is None and kiosk.isVisible()
    assert kiosk.close() is False

    tap(qtbot, kiosk.staff)
    dialog = kiosk.pin_dialog
    for digit in PIN:  # a keyboard works too
        QTest.keyClick(dialog, digit)
    assert dialog.dots.text() == "●" * len(PIN)
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not kiosk.isVisible())


def test_the_kiosk_role_opens_full_screen_in_japanese(qtbot, store, retail, tmp_path):
    i18n.install_language("en")
    settings = QSettings(str(tmp_path / "kiosk.ini"), QSettings.Format.IniFormat)
    args = Namespace(kiosk=KioskStart(kiosk_shop(store, "S-SHIBUYA"), 45))
    w = _role_window("kiosk", args, store, settings, "kiosk", None, None)
    try:
        assert isinstance(w, KioskWindow) and w.idle.timeout_s == 45
        assert w.windowState() & Qt.WindowState.WindowFullScreen
        assert i18n.current_language() == "ja"
        assert w.scan.title.text() == "商品のバーコードをスキャンしてください"
        assert w.language.text() == "English"
    finally:
        close_kiosk(w)
        i18n.install_language("en")


def test_a_wipe_brings_japanese_back_after_a_customer_switched_to_english(qtbot, store, retail):
    i18n.install_language("ja")
    w = open_kiosk(qtbot, store)
    try:
        tap(qtbot, w.language)
        qtbot.waitUntil(lambda: w.scan.title.text() == "Scan the product's barcode")
        w.wipe()
        qtbot.waitUntil(lambda: w.scan.title.text() == "商品のバーコードをスキャンしてください")
    finally:
        close_kiosk(w)
        i18n.install_language("en")
