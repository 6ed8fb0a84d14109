"""An order for home delivery placed at the kiosk, end to end on a real store: the steps
driven by taps and keys, the reservation and the OMS outbox row it leaves, the slip
printed to PDF, and the screen wiped afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from cti_desk.domain.delivery import DeliveryCalendar, DraftLine, OrderDraft
from cti_desk.qt import i18n
from cti_desk.qt.kiosk.slip import slip_document
from cti_desk.services.orders import japan_day, place_order, utcnow
from cti_desk.store.db import open_store
from cti_desk.store.models import (
    AuditEntry,
    ChannelIdentity,
    DeliveryOrder,
    DeliveryOrderLine,
    OutboxMessage,
    StockLevel,
)
from tests.gui.kiosk_setup import (
    KETTLE_JAN,
    MEMBER_NO,
    add_kiosk_shop,
    close_kiosk,
    open_kiosk,
    scan_to_product,
    shown_texts,
    tap,
)

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def shop_store(request):
    """The same order on the embedded store and on PostgreSQL."""
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")
    store = open_store(url)
    retail = add_kiosk_shop(store)
    yield store, retail
    store.dispose()


@pytest.fixture
def pdf_printer(tmp_path):
    path = tmp_path / "slip.pdf"

    def make():
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer

    make.path = path
    return make


def reserved(store, product_id, location_id):
    with store.session() as s:
        return s.scalar(select(StockLevel.reserved).where(StockLevel.product_id == product_id,
                                                          StockLevel.location_id == location_id))


def next_step(qtbot, w, expect_step: int) -> None:
    tap(qtbot, w.order.next)
    assert w.order.problem.text() == "", w.order.problem.text()
    assert w.order.pages.currentIndex() == expect_step


def test_a_member_orders_two_kettles_end_to_end(qtbot, shop_store, pdf_printer):
    store, r = shop_store
    i18n.install_language("en")
    w = open_kiosk(qtbot, store, printer=pdf_printer)
    try:
        scan_to_product(qtbot, w, KETTLE_JAN)
        tap(qtbot, w.product.order)
        assert w.stack.currentWidget() is w.order and w.order.objectName() == "kioskOrder"
        # 1. quantity: from this shop while it has enough
        tap(qtbot, w.order.quantity.plus)
        assert w.order.quantity.count.text() == "2"
        assert w.order.quantity.total.text() == "Total ¥9,960"
        assert "渋谷店" in w.order.quantity.source_label.text()
        next_step(qtbot, w, 1)
        # 2. the customer by member number (ASCII: typed as keys), shown masked
        tap(qtbot, w.order.next)
        assert w.order.problem.text() == "Find the member, or choose Guest."
        QTest.keyClicks(w.order.customer.query, MEMBER_NO)
        QTest.keyClick(w.order.customer.query, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: w.order.customer.customer is not None)
        [found] = [b.text() for b in w.order.customer.findChildren(type(w.order.next)) if b.objectName() == "kioskCustomer_0"]
        assert found.startswith("佐藤 **   090-****-1357")
        next_step(qtbot, w, 2)
        # 3. the address: the member's postal code, their street never shown
        assert w.order.address.postal.text() == "150-0002"
        assert w.order.address.area.text() == "東京都 渋谷区"
        assert w.order.address.line1.placeholderText() == "Registered street address (not shown)"
        next_step(qtbot, w, 3)
        # 4. the earliest delivery day offered first, and a slot
        earliest = w.product.model.rows[0].arrives if w.product.model.rows else None
        assert w.order.when.days.value() == w.order.quantity.source().arrives
        tap(qtbot, w.order.when.slots.buttons()[2])  # 14:00-16:00
        next_step(qtbot, w, 4)
        # 5. payment
        tap(qtbot, w.order.payment.choices.buttons()[0])
        next_step(qtbot, w, 5)
        summary = [v.text() for v in w.order.confirm.values]
        assert summary[0].startswith("電気ケトル 1.0L × 2") and summary[1] == "¥9,960"
        assert summary[2] == "佐藤 **   090-****-1357"
        assert "神南" not in " ".join(shown_texts(w)) and "花子" not in " ".join(shown_texts(w))
        tap(qtbot, w.order.confirm.place)
        qtbot.waitUntil(lambda: w.stack.currentWidget() is w.done)

        with store.session() as s:
            order = s.scalars(select(DeliveryOrder)).one()
            lines = s.execute(select(DeliveryOrderLine.product_id, DeliveryOrderLine.location_id,
                                     DeliveryOrderLine.quantity)).all()
            outbox = s.scalars(select(OutboxMessage)).one()
            audit = s.execute(select(AuditEntry.actor, AuditEntry.customer_id)
                              .where(AuditEntry.action == "kiosk.order")).all()
        assert order.customer_id == r.member and order.line1 == "神南1-1-1" and order.slot == "14-16"
        assert order.order_no.startswith("KS-") and order.delivery_date == earliest
        assert lines == [(r.products["SKU-KETTLE"], r.locations["S-SHIBUYA"], 2)]
        assert reserved(store, r.products["SKU-KETTLE"], r.locations["S-SHIBUYA"]) == 2
        assert outbox.idempotency_key == order.order_no and outbox.status == "pending"
        assert audit == [("kiosk:S-SHIBUYA", r.member)]

        # The done screen: order number and day, a slip to print; nothing of the customer.
        assert w.done.number.text() == order.order_no
        assert w.done.day.text().startswith(order.delivery_date.isoformat())
        assert all(e.text() == "" and not e.isUndoAvailable() for e in w.findChildren(QLineEdit))
        assert not any("佐藤" in t or "1357" in t for t in shown_texts(w))
        tap(qtbot, w.done.print_button)
        assert w.done.status.text() == "The slip is printing."
        pdf = pdf_printer.path.read_bytes()
        assert pdf.startswith(b"%PDF-") and b"/Type /Page" in pdf and pdf.rstrip().endswith(b"%%EOF")
        printed = slip_document(w.done.slip).toPlainText()
        assert order.order_no in printed and order.delivery_date.isoformat() in printed
        assert "電気ケトル 1.0L × 2" in printed and "佐藤" not in printed
        tap(qtbot, w.done.finish)
        assert w.stack.currentWidget() is w.scan and w.done.number.text() == ""
    finally:
        close_kiosk(w)


def test_a_guest_orders_with_the_address_from_the_postal_code(qtbot, store, pdf_printer):
    r = add_kiosk_shop(store)
    i18n.install_language("en")
    w = open_kiosk(qtbot, store, printer=pdf_printer)
    try:
        scan_to_product(qtbot, w, KETTLE_JAN)
        tap(qtbot, w.product.order)
        next_step(qtbot, w, 1)
        tap(qtbot, w.order.customer.mode.buttons()[1])  # guest
        assert w.order.customer.guest_name.isVisible()
        tap(qtbot, w.order.next)  # nothing typed: the core's own words
        assert w.order.problem.text().splitlines() == ["Enter the recipient's name", "Enter a phone number"]
        w.order.customer.guest_name.setText("鈴木 一郎")
        QTest.keyClicks(w.order.customer.guest_phone, "080-1111-2222")
        next_step(qtbot, w, 2)
        QTest.keyClicks(w.order.address.postal, "1000001")  # looked up once 7 digits are there
        qtbot.waitUntil(lambda: w.order.address.area.text() == "東京都 千代田区千代田")
        tap(qtbot, w.order.next)
        assert w.order.problem.text() == "Enter the street number and building"
        w.order.address.line1.setText("1-1")
        next_step(qtbot, w, 3)
        next_step(qtbot, w, 4)
        # A guest has no card on file nor an invoice account: only cash on delivery.
        assert [b.text() for b in w.order.payment.choices.buttons()] == ["Cash on delivery"]
        next_step(qtbot, w, 5)
        assert w.order.confirm.values[2].text() == "鈴木 **   080-****-2222"
        tap(qtbot, w.order.confirm.place)
        qtbot.waitUntil(lambda: w.stack.currentWidget() is w.done)
        with store.session() as s:
            order = s.scalars(select(DeliveryOrder)).one()
            guest = s.scalar(select(ChannelIdentity.display_name).where(ChannelIdentity.customer_id == order.customer_id))
        assert (order.recipient, order.phone, order.postal_code, order.city, order.line1) == (
            "鈴木 一郎", "+818011112222", "1000001", "千代田区千代田", "1-1")
        assert guest == "鈴木 一郎" and order.customer_id != r.customer_id
        assert reserved(store, r.products["SKU-KETTLE"], r.locations["S-SHIBUYA"]) == 1
    finally:
        close_kiosk(w)


def test_a_bad_phone_and_an_unknown_member_are_said_on_their_step(qtbot, store):
    add_kiosk_shop(store)
    i18n.install_language("en")
    w = open_kiosk(qtbot, store)
    try:
        scan_to_product(qtbot, w, KETTLE_JAN)
        tap(qtbot, w.product.order)
        next_step(qtbot, w, 1)
        QTest.keyClicks(w.order.customer.query, "M9999999")
        tap(qtbot, w.order.customer.find_button)
        qtbot.waitUntil(lambda: w.order.customer.message.text() != "")
        assert w.order.customer.message.text() == "No member with that member number or phone number"
        tap(qtbot, w.order.customer.mode.buttons()[1])
        w.order.customer.guest_name.setText("鈴木 一郎")
        QTest.keyClicks(w.order.customer.guest_phone, "12")
        tap(qtbot, w.order.next)
        assert w.order.problem.text() == "The phone number is not in a valid format"
        assert w.order.pages.currentIndex() == 1
        tap(qtbot, w.order.back)
        tap(qtbot, w.order.back)  # out of the order: back to the product, the order wiped
        assert w.stack.currentWidget() is w.product
        assert w.order.customer.guest_name.text() == "" and w.order.customer.query.text() == ""
    finally:
        close_kiosk(w)


def test_stock_taken_by_another_seat_meanwhile_is_said_and_the_order_ships_from_elsewhere(qtbot, store):
    r = add_kiosk_shop(store)
    i18n.install_language("en")
    w = open_kiosk(qtbot, store)
    try:
        scan_to_product(qtbot, w, KETTLE_JAN)
        tap(qtbot, w.product.order)
        tap(qtbot, w.order.quantity.plus)
        tap(qtbot, w.order.quantity.plus)  # all 3 of this shop
        assert w.order.quantity.source().name == "渋谷店"
        next_step(qtbot, w, 1)
        QTest.keyClicks(w.order.customer.query, MEMBER_NO)
        QTest.keyClick(w.order.customer.query, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: w.order.customer.customer is not None)
        for step in (2, 3, 4, 5):
            next_step(qtbot, w, step)
        # An operator sells one of this shop's kettles while the customer looks at the summary.
        d = OrderDraft(customer_id=r.customer_id, lines=[DraftLine(r.products["SKU-KETTLE"], 1, 0, r.locations["S-SHIBUYA"])],
                       recipient="別の席", phone="03-1234-5678", postal_code="1500002", prefecture="東京都",
                       city="渋谷区", line1="1-1", delivery_date=DeliveryCalendar().earliest(japan_day(utcnow()), 3))
        place_order(store, d)
        tap(qtbot, w.order.confirm.place)
        qtbot.waitUntil(lambda: w.order.pages.currentIndex() == 0 and w.order.quantity.rows[0].available == 2)
        assert w.order.problem.text().startswith("That stock was just taken by another order.")
        assert w.order.quantity.quantity == 3 and w.order.quantity.source().name == "東日本倉庫"
        assert w.order.customer.customer is not None  # what was entered stays
        for step in (1, 2, 3, 4, 5):
            next_step(qtbot, w, step)
        tap(qtbot, w.order.confirm.place)
        qtbot.waitUntil(lambda: w.stack.currentWidget() is w.done)
        assert reserved(store, r.products["SKU-KETTLE"], r.locations["WH-EAST"]) == 3
        assert reserved(store, r.products["SKU-KETTLE"], r.locations["S-SHIBUYA"]) == 1
    finally:
        close_kiosk(w)
