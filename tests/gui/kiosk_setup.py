"""A shop's kiosk on a real store: the retail factories' shops, products and customer, a
second Tokyo shop, a second kettle, a member with a member number, and a staff PIN."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from cti_desk.qt import tasks
from cti_desk.qt.kiosk import KioskWindow
from cti_desk.services.kiosk import kiosk_shop, set_pin
from cti_desk.store.models import Address, Location, Product, StockLevel
from tests.factories import add_customer
from tests.retail_factories import add_retail, now

PIN = "2468"
KETTLE_JAN = "4901234567894"
MEMBER_NO = "M0001001"


def add_kiosk_shop(store):
    """add_retail plus 新宿店 (Tokyo), a 1.7 L kettle, the member 佐藤 花子, the staff PIN."""
    r = add_retail(store)
    with store.transaction() as s:
        shinjuku = Location(code="S-SHINJUKU", name="新宿店", kind="shop", prefecture="東京都", lead_days=1)
        big = Product(sku="SKU-KETTLE-L", jan="4901234567801", name="電気ケトル 1.7L", name_kana="デンキケトル", price=6980)
        s.add_all([shinjuku, big])
        s.flush()
        r.locations["S-SHINJUKU"], r.products["SKU-KETTLE-L"] = shinjuku.id, big.id
        s.add(StockLevel(product_id=r.products["SKU-KETTLE"], location_id=shinjuku.id, on_hand=2, reserved=0,
                         updated_at=now()))
        s.add(StockLevel(product_id=big.id, location_id=r.locations["WH-EAST"], on_hand=5, reserved=0,
                         updated_at=now()))
    r.member = add_customer(store, name="佐藤 花子", kana="サトウ ハナコ", phones=("090-2468-1357",),
                            member_id=MEMBER_NO)
    with store.transaction() as s:
        s.add(Address(customer_id=r.member, postal_code="1500002", prefecture="東京都", city="渋谷区",
                      line1="神南1-1-1", line2="501号室"))
    set_pin(store, PIN)
    return r


def open_kiosk(qtbot, store, code="S-SHIBUYA", **kwargs) -> KioskWindow:
    w = KioskWindow(store, kiosk_shop(store, code), kwargs.pop("idle_timeout_s", 60), **kwargs)
    w.idle.timer.stop()  # tests count the idle seconds with tick()
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.scan.scan)
    return w


def close_kiosk(w: KioskWindow) -> None:
    w.shut_down()
    tasks.shutdown()
    w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def scan(qtbot, w: KioskWindow, code: str) -> None:
    """What a keyboard-wedge scanner does: digits and Enter into whatever has the focus."""
    target = QApplication.focusWidget()
    assert target is w.scan.scan
    QTest.keyClicks(target, code)
    QTest.keyClick(target, Qt.Key.Key_Return)


def scan_to_product(qtbot, w: KioskWindow, code: str = KETTLE_JAN) -> None:
    scan(qtbot, w, code)
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.product and w.product.stock is not None)


def tap(qtbot, widget: QAbstractButton) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def stock_rows(w: KioskWindow) -> list[list[str]]:
    m = w.product.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def shown_texts(w: QWidget) -> list[str]:
    """Every text a widget of the window holds: labels, buttons, line edits (with their
    placeholders), window title, tooltips."""
    out = [w.windowTitle()]
    for child in w.findChildren(QWidget):
        if isinstance(child, QLabel | QAbstractButton):
            out.append(child.text())
        if isinstance(child, QLineEdit):
            out += [child.text(), child.placeholderText()]
        out.append(child.toolTip())
    return [t for t in out if t]
