"""The kiosk's scan screen and a product's stock, on a real store, driven like a barcode
scanner (fast keystrokes and Enter) and a person typing a name would drive them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget
from sqlalchemy import select

from cti_desk.qt import i18n
from cti_desk.store.models import StockLookup
from tests.gui.kiosk_setup import (
    KETTLE_JAN,
    add_kiosk_shop,
    close_kiosk,
    open_kiosk,
    scan,
    scan_to_product,
    stock_rows,
    tap,
)

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def retail(store):
    return add_kiosk_shop(store)


@pytest.fixture
def kiosk(qtbot, store, retail):
    i18n.install_language("en")
    w = open_kiosk(qtbot, store)
    yield w
    close_kiosk(w)


def test_the_scan_field_has_the_focus_and_keeps_it(qtbot, kiosk):
    assert kiosk.windowState() & Qt.WindowState.WindowFullScreen
    assert kiosk.menuBar().actions() == [] and not kiosk.statusBar().isVisible()
    assert QApplication.focusWidget() is kiosk.scan.scan
    assert kiosk.scan.scan.objectName() == "kioskScan"
    tap(qtbot, kiosk.scan.search_button)  # tapping the screen's buttons leaves the focus where it is
    assert QApplication.focusWidget() is kiosk.scan.scan
    kiosk.language.setFocus()  # even a widget that takes it gives it back on the scan screen
    qtbot.waitUntil(lambda: QApplication.focusWidget() is kiosk.scan.scan)


def test_a_scanned_jan_goes_straight_to_the_product_and_its_stock(qtbot, store, retail, kiosk):
    scan_to_product(qtbot, kiosk, KETTLE_JAN)
    assert kiosk.product.findChild(type(kiosk.product.card), "kioskProduct") is kiosk.product.card
    assert kiosk.product.name.text() == "電気ケトル 1.0L"
    assert kiosk.product.price.text() == "¥4,980"
    assert kiosk.product.picture.text() == "No picture"
    # This shop first, then the prefecture, the region, the warehouse, EC, far shops.
    rows = stock_rows(kiosk)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("This shop", "渋谷店", "3 left"),
        ("Shop in this prefecture", "新宿店", "2 left"),
        ("Shop in this region", "横浜店", "2 left"),
        ("Warehouse", "東日本倉庫", "40 left"),
        ("Online store stock", "EC在庫", "10 left"),
        ("Shop in another region", "梅田店", "1 left"),
    ]
    arrives = [r.arrives for r in kiosk.product.model.rows]
    assert arrives[0] <= arrives[3] <= arrives[4]  # lead 1, 2, 3 days: each no sooner than the last
    assert all(r[3] for r in rows)
    assert kiosk.product.summary.text() == "In stock at this shop: 3"
    assert kiosk.product.order.isEnabled()
    with store.session() as s:  # the kiosk's look is one demand row for the KPIs
        assert s.execute(select(StockLookup.channel, StockLookup.shop)).all() == [("kiosk", "S-SHIBUYA")]
    assert kiosk.scan.scan.text() == ""


def test_a_bad_check_digit_is_a_clear_message_and_the_next_scan_works(qtbot, kiosk):
    scan(qtbot, kiosk, "4901234567890")
    qtbot.waitUntil(lambda: kiosk.scan.problem.text() != "")
    assert kiosk.scan.problem.text() == "JAN 4901234567890: the check digit is wrong (scan it again)"
    assert kiosk.stack.currentWidget() is kiosk.scan
    assert kiosk.scan.scan.text() == "" and QApplication.focusWidget() is kiosk.scan.scan
    scan_to_product(qtbot, kiosk, KETTLE_JAN)
    assert kiosk.product.name.text() == "電気ケトル 1.0L"


def test_an_unknown_jan_is_said_so(qtbot, kiosk):
    scan(qtbot, kiosk, "4900000000009")
    qtbot.waitUntil(lambda: kiosk.scan.problem.text() != "")
    assert kiosk.scan.problem.text() == "No product is registered with JAN 4900000000009"
    assert kiosk.stack.currentWidget() is kiosk.scan


@pytest.mark.parametrize("typed", ["電気", "デンキ", "でんきけ"])
def test_a_typed_name_lists_the_products_as_big_buttons(qtbot, kiosk, typed):
    kiosk.scan.scan.setText(typed)  # Japanese is typed through the input method, not keyClicks
    QTest.keyClick(kiosk.scan.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(kiosk.scan.hit_buttons()) == 2 and all(b.isVisible() for b in kiosk.scan.hit_buttons()))
    buttons = kiosk.scan.hit_buttons()
    assert sorted(b.text().split("\n")[0] for b in buttons) == ["電気ケトル 1.0L", "電気ケトル 1.7L"]
    assert all(b.height() >= 48 and b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in buttons)
    big = next(b for b in buttons if "1.7L" in b.text())
    tap(qtbot, big)
    qtbot.waitUntil(lambda: kiosk.product.stock is not None)
    assert kiosk.product.name.text() == "電気ケトル 1.7L"
    assert kiosk.product.summary.text() == "Not at this shop: it can be delivered from elsewhere"
    assert [r[1] for r in stock_rows(kiosk)] == ["東日本倉庫"]


def test_a_name_nobody_sells_is_said_so(qtbot, kiosk):
    kiosk.scan.scan.setText("ZZZZ")
    QTest.keyClick(kiosk.scan.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.scan.problem.text() != "")
    assert kiosk.scan.problem.text() == "No product matches “ZZZZ”"


def test_another_shops_kiosk_sees_its_own_shop_first(qtbot, store, retail):
    i18n.install_language("en")
    w = open_kiosk(qtbot, store, "S-UMEDA")
    try:
        scan_to_product(qtbot, w, KETTLE_JAN)
        assert [(r[0], r[1]) for r in stock_rows(w)] == [
            ("This shop", "梅田店"), ("Warehouse", "東日本倉庫"), ("Online store stock", "EC在庫"),
            # far shops arrive on the same day: by code
            ("Shop in another region", "渋谷店"), ("Shop in another region", "新宿店"),
            ("Shop in another region", "横浜店"),
        ]
    finally:
        close_kiosk(w)


def test_a_scan_on_the_product_screen_shows_the_next_product(qtbot, kiosk):
    scan_to_product(qtbot, kiosk, KETTLE_JAN)
    assert not isinstance(QApplication.focusWidget(), QLineEdit)
    for key in "4901234567801":  # each keystroke to whatever has the focus, as a scanner's would
        QTest.keyClick(QApplication.focusWidget() or kiosk, key)
    assert kiosk.stack.currentWidget() is kiosk.scan
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.product.name.text() == "電気ケトル 1.7L")


def test_every_touch_target_is_at_least_48_px(qtbot, kiosk):
    def small():
        return [(w.objectName(), w.width(), w.height()) for w in kiosk.findChildren(QWidget)
                if isinstance(w, QPushButton | QLineEdit) and w.isVisible() and (w.width() < 48 or w.height() < 48)]

    assert small() == []
    scan_to_product(qtbot, kiosk, KETTLE_JAN)
    assert small() == []
    assert kiosk.product.table.verticalHeader().defaultSectionSize() >= 48
    tap(qtbot, kiosk.product.order)
    for _ in range(len(kiosk.order.steps)):
        assert small() == [], kiosk.order.heading.text()
        kiosk.order.go(min(kiosk.order.pages.currentIndex() + 1, len(kiosk.order.steps) - 1))
