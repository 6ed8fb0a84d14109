"""PostgreSQL restarted mid-shift, under a real operator window (issue 13, faults): a
private server (tests/pg_server.py) is stopped and started again inside the test.

While it is down, what the operator does is kept on this computer and written exactly
once when it is back: the wrap-up saved meanwhile, the order placed meanwhile. A call
that rings meanwhile pops with what the PBX said (number, name) and fills in with the
customer once the store answers. Nothing here waits for a clock: the window's own
recovery probes the store every 2 s and everything follows from its answer."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.services.drafts import DraftJournal
from cti_desk.services.journal_file import store_key
from cti_desk.services.order_journal import OrderJournal
from cti_desk.settings.paths import data_dir
from cti_desk.store.db import open_store
from cti_desk.store.models import (
    CallLogEntry,
    DeliveryOrder,
    InquiryEntry,
    OutboxMessage,
    StockLevel,
)
from tests import pg_server
from tests.factories import add_customer
from tests.gui.store_down_typist import NOTES as TYPIST_NOTES
from tests.retail_factories import add_retail

pytestmark = [
    pytest.mark.gui, pytest.mark.pg, pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
    pytest.mark.skipif(not pg_server.available(), reason="PostgreSQL 15 binaries not installed"),
]

T0 = datetime(2026, 11, 30, 1, 0, 0, tzinfo=UTC)
REPO = Path(__file__).resolve().parents[2]
WAIT_S = 20  # bound on every wait for the child (a stuck child fails the test, never hangs it)
NOTES = "配送日を確認\nwill call back"


@pytest.fixture
def pg():
    with pg_server.PgServer() as server:
        yield server


@pytest.fixture
def store(pg):
    """This module's windows run on the private server."""
    s = open_store(pg.create_database("cti"))
    yield s
    s.dispose()


def update(call_id, state=CallState.RINGING, number="0312345678", name=None, seconds=0) -> CallUpdate:
    return CallUpdate(call_id=call_id, state=state, raw_number=number, caller_name=name, queue="support",
                      agent=None, ts=T0 + timedelta(seconds=seconds), state_changed=True, source="test")


def logged(store) -> dict[str, str]:
    with store.session() as s:
        return dict(s.execute(select(CallLogEntry.call_id, CallLogEntry.state)).all())


def count(store, model, *where) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_a_postgresql_restart_mid_shift_loses_nothing_and_writes_everything_once(qtbot, make_window, store, pg):
    r = add_retail(store)
    sato = add_customer(store, "佐藤 花子", "サトウ ハナコ", phones=("090-1111-2222",))
    w = make_window()
    watch, form = w.health.store_watch, w.order_form

    # Store up: call 1 pops 山田 太郎, the operator starts an order for a kettle.
    with qtbot.waitSignal(w.customerShown, timeout=10000):
        w.on_call_update(update("r-1"))
    qtbot.waitUntil(lambda: form.recipient.text() == "山田 太郎", timeout=10000)
    form.add_product(r.products["SKU-KETTLE"], location_id=r.locations["S-SHIBUYA"])
    qtbot.waitUntil(lambda: len(form._lines) == 1, timeout=10000)

    pg.stop()  # the restart begins: every connection is cut

    # The order is placed meanwhile: it waits on this computer.
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "kept on this computer" in form.status.text(), timeout=10000)
    assert form._lines == [] and not form.waiting_box.isHidden()  # listed under the form
    assert [o.draft.lines[0].product_id for o in OrderJournal.in_folder(data_dir()).load(store_key(store))] == [
        r.products["SKU-KETTLE"]]

    # Call 1 ends; its wrap-up is saved meanwhile: it waits too.
    w.on_call_update(update("r-1", CallState.ENDED, seconds=60))
    w.wrapup.notes.setPlainText(NOTES)
    w.wrapup.disposition.setCurrentIndex(w.wrapup.disposition.findData("callback_requested"))
    qtbot.mouseClick(w.wrapup.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.keeper.waiting() == ["r-1"], timeout=10000)
    assert w.wrapup.state.text().startswith("Waiting for the store")
    qtbot.waitUntil(lambda: any(d.queued for d in DraftJournal.in_folder(data_dir()).load(store_key(store))),
                    timeout=5000)
    qtbot.waitUntil(lambda: watch.down, timeout=10000)  # the banner says why
    assert "calls still pop with the PBX's caller number" in w.health.banner.headline.text()

    # Call 2 rings meanwhile: the pop shows what the PBX said.
    with qtbot.waitSignal(w.popShown, timeout=10000):
        w.on_call_update(update("r-2", number="09011112222", name="サトウ ハナコ", seconds=90))
    panel = w.panel
    assert panel.page() == panel.STORE_DOWN
    assert panel.store_down.text().startswith("サトウ ハナコ\n090-1111-2222\n\nThe store cannot be reached")
    assert w.call_bar.isVisible() and w.calls.find("r-2").caller_name == "サトウ ハナコ"

    # The store is back: the pop fills in, the wrap-up and the order are written once.
    with (qtbot.waitSignal(w.customerShown, timeout=15000, check_params_cb=lambda cid: cid == sato),
          qtbot.waitSignal(w.wrapUpSaved, timeout=15000),
          qtbot.waitSignal(form.waitingOrderPlaced, timeout=15000) as placed):
        pg.start()
    assert panel.page() == panel.CARD and w.calls.find("r-2").customer_name == "佐藤 花子"
    order_no, call_id = placed.args
    assert call_id == "r-1"
    qtbot.waitUntil(lambda: not watch.down, timeout=15000)
    qtbot.waitUntil(lambda: w.keeper.waiting() == [] and not form.waiting_box.pending(), timeout=5000)

    with store.session() as s:
        assert s.scalars(select(DeliveryOrder.order_no)).all() == [order_no]
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 1
        assert s.scalar(select(StockLevel.reserved).where(
            StockLevel.product_id == r.products["SKU-KETTLE"],
            StockLevel.location_id == r.locations["S-SHIBUYA"])) == 1
        [entry] = s.scalars(select(InquiryEntry).where(InquiryEntry.call_id == "r-1")).all()
        assert (entry.notes, entry.disposition) == (NOTES, "callback_requested")
    w.keeper.journal.flush()
    form.waiting_box.journal.flush()
    assert DraftJournal.in_folder(data_dir()).load(store_key(store)) == []
    assert OrderJournal.in_folder(data_dir()).load(store_key(store)) == []
    # The call log has what happened meanwhile too (an upsert per call, written once back).
    qtbot.waitUntil(lambda: logged(store) == {"r-1": "ended", "r-2": "ringing"}, timeout=10000)


def _read_line(proc: subprocess.Popen, deadline: float) -> str:
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if sel.select(timeout=0.1):
                return proc.stdout.readline().strip()
            if proc.poll() is not None:
                break
    raise AssertionError(f"the typist stopped (exit {proc.poll()}): "
                         f"{proc.stderr.read() if proc.poll() is not None else 'still running'}")


def test_killed_while_the_store_was_down_the_next_start_writes_it_all_once(qtbot, make_window, store, pg, tmp_path):
    """Journaled, then SIGKILLed before the store came back: the next start (store back)
    saves the wrap-up and places the order by itself, once each."""
    r = add_retail(store)
    kettle, shibuya = r.products["SKU-KETTLE"], r.locations["S-SHIBUYA"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.store_down_typist", store.url, str(tmp_path / "typist.ini"),
         "k-1", str(kettle), str(shibuya)],
        cwd=REPO, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + WAIT_S
        assert _read_line(proc, deadline) == "ready"
        pg.stop()
        proc.stdin.write("go\n")
        proc.stdin.flush()
        assert _read_line(proc, deadline) == "journaled"
        proc.send_signal(signal.SIGKILL)
        proc.wait(WAIT_S)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            stream.close()
    assert proc.returncode == -signal.SIGKILL
    pg.start()

    w = make_window()  # the next start, on the same store and data folder
    qtbot.waitUntil(lambda: count(store, DeliveryOrder) == 1 and count(
        store, InquiryEntry, InquiryEntry.call_id == "k-1", InquiryEntry.disposition != "") == 1, timeout=15000)
    qtbot.waitUntil(lambda: w.keeper.waiting() == [] and not w.order_form.waiting_box.pending(), timeout=5000)
    w.keeper.journal.flush()
    w.order_form.waiting_box.journal.flush()
    assert DraftJournal.in_folder(data_dir()).load(store_key(store)) == []
    assert OrderJournal.in_folder(data_dir()).load(store_key(store)) == []
    with store.session() as s:
        [order] = s.scalars(select(DeliveryOrder)).all()
        assert order.call_id == "k-1" and order.customer_id == r.customer_id
        [entry] = s.scalars(select(InquiryEntry).where(InquiryEntry.call_id == "k-1")).all()
        assert (entry.notes, entry.disposition) == (TYPIST_NOTES, "callback_requested")
        assert entry.inquiry_id == order.inquiry_id  # the order and the wrap-up share the call's inquiry
        assert s.scalar(select(StockLevel.reserved).where(
            StockLevel.product_id == kettle, StockLevel.location_id == shibuya)) == 1
