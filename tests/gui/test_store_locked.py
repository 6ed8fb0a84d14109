"""The SQLite store locked by another program (issue 13, faults): another process holds
the write lock (a long import, a backup, an sqlite3 shell left in a transaction). Reads
still work, every write waits and fails. The window says so in the banner, keeps the
wrap-up and the order the operator saved meanwhile, and writes each once when the lock
is gone; no traceback, nothing typed lost."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event, func, select

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.store.models import DeliveryOrder, InquiryEntry
from tests.retail_factories import add_retail

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

T0 = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)
LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


@pytest.fixture
def short_waits(store):
    """The store's writers wait 0.3 s for the lock instead of 30 s (the same failure, sooner)."""
    @event.listens_for(store.engine, "connect")
    def _busy(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA busy_timeout=300")

    store.engine.dispose()  # connections made from now on wait 0.3 s
    return store


@pytest.fixture
def locker(store):
    path = store.engine.url.database
    proc = subprocess.Popen([sys.executable, "-c", LOCKER, path], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(10)
    proc.stdin.close()
    proc.stdout.close()


def update(call_id, state=CallState.RINGING, seconds=0) -> CallUpdate:
    return CallUpdate(call_id=call_id, state=state, raw_number="0312345678", caller_name=None, queue="support",
                      agent=None, ts=T0 + timedelta(seconds=seconds), state_changed=True, source="test")


def test_a_store_locked_by_another_program_keeps_what_is_saved_and_writes_it_once_freed(
        qtbot, make_window, short_waits, request):
    store = short_waits
    r = add_retail(store)
    w = make_window()
    watch, form = w.health.store_watch, w.order_form
    with qtbot.waitSignal(w.customerShown, timeout=5000):
        w.on_call_update(update("l-1"))
    qtbot.waitUntil(lambda: form.recipient.text() == "山田 太郎", timeout=5000)
    form.add_product(r.products["SKU-KETTLE"], location_id=r.locations["S-SHIBUYA"])
    qtbot.waitUntil(lambda: len(form._lines) == 1, timeout=5000)

    locker = request.getfixturevalue("locker")
    assert locker.stdout.readline().strip() == "locked"

    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "kept on this computer" in form.status.text(), timeout=10000)
    w.on_call_update(update("l-1", CallState.ENDED, 30))
    w.wrapup.notes.setPlainText("ロック中に保存")
    w.wrapup.disposition.setCurrentIndex(w.wrapup.disposition.findData("question_answered"))
    qtbot.mouseClick(w.wrapup.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.keeper.waiting() == ["l-1"], timeout=10000)
    qtbot.waitUntil(lambda: watch.down, timeout=10000)
    assert w.health.banner.headline.text().startswith(
        f"The store is locked by another program ({store.url}): wrap-ups and orders wait on this computer")
    assert w.health.banner.why.text() == "Reason: database is locked"
    with store.session() as s:  # reads go on: nothing was written meanwhile
        assert s.scalar(select(func.count()).select_from(DeliveryOrder)) == 0
        assert s.scalar(select(func.count()).select_from(InquiryEntry)) == 0

    with (qtbot.waitSignal(w.wrapUpSaved, timeout=15000),
          qtbot.waitSignal(form.waitingOrderPlaced, timeout=15000) as placed):
        locker.stdin.write("\n")  # the other program lets go
        locker.stdin.flush()
    qtbot.waitUntil(lambda: not watch.down, timeout=10000)
    with store.session() as s:
        assert s.scalars(select(DeliveryOrder.order_no)).all() == [placed.args[0]]
        [entry] = s.scalars(select(InquiryEntry)).all()
        assert (entry.call_id, entry.notes, entry.disposition) == ("l-1", "ロック中に保存", "question_answered")
