"""The order form when the store fails while an order is placed: it says whether the order
exists (never the driver's words); when the store cannot say, the order waits on this
computer and is placed by itself once the store answers, and never twice. On PostgreSQL
behind a TCP proxy that loses the answer to COMMIT, and on SQLite with the same fault
injected at COMMIT."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from sqlalchemy.engine import make_url

from cti_desk.qt import tasks
from cti_desk.qt.order_form import OrderForm
from cti_desk.store.db import Store, open_store
from cti_desk.store.models import DeliveryOrder, StockLevel
from tests.retail_factories import add_retail
from tests.store.test_orders import CommitFaults
from tests.tcp_proxy import TcpProxy

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]
DRIVER_WORDS = ("Error", "psycopg", "sqlalche", "server closed", "SELECT", "COMMIT", "http")


@pytest.fixture(autouse=True)
def _no_background_work_outlives_a_test():
    yield
    tasks.shutdown()


@pytest.fixture
def proxied(pg_url):
    """(the form's store, through the proxy; the proxy; the store seen directly; retail data)."""
    direct = open_store(pg_url)
    retail = add_retail(direct)
    url = make_url(pg_url)
    with TcpProxy((url.host, url.port)) as proxy:
        store = Store(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
        yield store, proxy, direct, retail
        tasks.shutdown()  # nothing of the form's still on the proxy
        store.dispose()
    direct.dispose()


def orders(direct) -> list[str]:
    with direct.session() as s:
        return s.scalars(select(DeliveryOrder.order_no)).all()


def reserved(direct, r) -> int:
    with direct.session() as s:
        return s.scalar(select(StockLevel.reserved).where(
            StockLevel.product_id == r.products["SKU-KETTLE"], StockLevel.location_id == r.locations["S-SHIBUYA"]))


def ready_form(qtbot, store, r) -> OrderForm:
    form = OrderForm(store)
    qtbot.addWidget(form)
    form.set_customer(r.customer_id)
    qtbot.waitUntil(lambda: form.recipient.text() == "山田 太郎")
    form.add_product(r.products["SKU-KETTLE"], location_id=r.locations["S-SHIBUYA"])
    qtbot.waitUntil(lambda: len(form._lines) == 1)
    return form


def press(qtbot, form) -> None:
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.submit_button.isEnabled() and "Reserving" not in form.status.text(), timeout=15000)


def no_driver_words(text: str) -> bool:
    return not any(word.lower() in text.lower() for word in DRIVER_WORDS)


WAITING = ("The store did not answer: the order for 山田 太郎 (¥4,980) is kept on this computer and "
           "placed by itself as soon as the store answers")


def waiting_rows(form) -> list[str]:
    return [form.waiting_box.list.item(i).text() for i in range(form.waiting_box.list.count())]


@pytest.mark.pg
def test_lost_commit_the_form_says_the_order_was_placed(qtbot, proxied):
    store, proxy, direct, r = proxied
    form = ready_form(qtbot, store, r)
    proxy.reset_after(b"COMMIT")
    with qtbot.waitSignal(form.orderPlaced, timeout=15000) as placed:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert proxy.resets == 1
    order_no = placed.args[0]
    assert orders(direct) == [order_no]
    assert f"Order {order_no} was placed" in form.status.text()
    assert "not placed" not in form.status.text() and no_driver_words(form.status.text())
    assert form._lines == []  # done: the next order is a new draft


@pytest.mark.pg
def test_when_the_check_is_lost_too_the_order_waits_and_is_found_not_placed_again(qtbot, proxied):
    store, proxy, direct, r = proxied
    form = ready_form(qtbot, store, r)
    proxy.reset_after(b"COMMIT", times=2)  # the order's COMMIT, then the form's check's
    press(qtbot, form)
    assert proxy.resets == 2
    assert form.status.text() == WAITING and no_driver_words(form.status.text())
    assert form._lines == []  # the form takes the next order; this one waits below it
    [row] = waiting_rows(form)
    assert row.startswith("Waiting for the store: ") and row.endswith("山田 太郎: ¥4,980, quantity 1")
    [first] = orders(direct)  # the server did commit

    with qtbot.waitSignal(form.waitingOrderPlaced, timeout=15000) as placed:
        pass  # the store answers again: the waiting order's key finds the first one's order
    assert placed.args[0] == first
    assert orders(direct) == [first] and reserved(direct, r) == 1
    assert form.status.text().startswith(f"Order {first} placed after waiting for the store (山田 太郎)")
    assert waiting_rows(form) == [] and form.waiting_box.isHidden()


@pytest.mark.pg
def test_connection_lost_before_commit_the_order_waits_and_is_placed_once(qtbot, proxied):
    store, proxy, direct, r = proxied
    form = ready_form(qtbot, store, r)
    proxy.reset_after(b"INSERT INTO delivery_orders")
    with qtbot.waitSignal(form.waitingOrderPlaced, timeout=15000) as placed:
        press(qtbot, form)
        assert form.status.text() == WAITING
        assert orders(direct) == [] and reserved(direct, r) == 0 and form._lines == []
    assert orders(direct) == [placed.args[0]] and reserved(direct, r) == 1


def test_on_sqlite_too_a_lost_commit_is_placed_once(qtbot, store):
    r = add_retail(store)
    form = ready_form(qtbot, store, r)
    faults = CommitFaults(store, "lose", "refuse")  # the order's COMMIT, then the check's
    try:
        press(qtbot, form)
    finally:
        faults.remove()
    assert form.status.text() == WAITING and no_driver_words(form.status.text())
    [first] = orders(store)
    with qtbot.waitSignal(form.waitingOrderPlaced, timeout=15000) as placed:
        pass
    assert placed.args[0] == first and orders(store) == [first]
    assert form.status.text().startswith(f"Order {first} placed after waiting for the store")
    # A new draft after it: another order.
    form.add_product(r.products["SKU-KETTLE"], location_id=r.locations["S-SHIBUYA"])
    qtbot.waitUntil(lambda: len(form._lines) == 1)
    with qtbot.waitSignal(form.orderPlaced, timeout=15000) as second:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert second.args[0] != first and len(orders(store)) == 2


def test_an_unreachable_store_gets_sentences_not_driver_messages(qtbot):
    import socket

    with socket.socket() as probe:  # a port nobody listens on: connections are refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    store = Store(f"postgresql+psycopg://postgres@127.0.0.1:{port}/nowhere?connect_timeout=2")
    try:
        form = OrderForm(store)
        qtbot.addWidget(form)
        form.set_customer(7)
        qtbot.waitUntil(lambda: "could not be loaded" in form.status.text(), timeout=10000)
        assert form.status.text().endswith("Open the customer again.") and no_driver_words(form.status.text())
        form.add_product(3)
        qtbot.waitUntil(lambda: "lines" in form.errors(), timeout=10000)
        assert form.errors()["lines"] == "The product could not be looked up: the store did not answer. Try again."
    finally:
        tasks.shutdown()
        store.dispose()
