"""A wrap-up typed in a process that is then SIGKILLed (a crash, a power cut as far as the
process knows) comes back in the next window: the draft journal is written while typing,
not when the window closes."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from cti_desk.services.drafts import DraftJournal
from cti_desk.settings.paths import data_dir
from cti_desk.store.models import Inquiry, InquiryEntry
from tests.factories import add_customer
from tests.gui.wrapup_typist import NOTES

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

REPO = Path(__file__).resolve().parents[2]
WAIT_S = 20  # bound on every wait below (a stuck child fails the test, it never hangs it)


def _read_line(proc: subprocess.Popen, deadline: float) -> str:
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if sel.select(timeout=0.1):
                return proc.stdout.readline().strip()
            if proc.poll() is not None:
                break
    raise AssertionError(f"the typist never typed (exit {proc.poll()}): {proc.stderr.read() if proc.poll() is not None else ''}")


def _journaled(store_key: str, call_id: str) -> str | None:
    found = [d for d in DraftJournal.in_folder(data_dir()).load(store_key) if d.call_id == call_id]
    return found[0].wrapup.notes if found else None


def test_a_wrapup_typed_before_the_process_is_killed_comes_back(qtbot, make_window, store, sqlite_url, tmp_path):
    cid = add_customer(store)
    store_key = store.engine.url.render_as_string(hide_password=True)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.wrapup_typist", sqlite_url, str(tmp_path / "typist.ini"), "kill-1"],
        cwd=REPO, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + WAIT_S
        assert _read_line(proc, deadline) == "typed"
        while _journaled(store_key, "kill-1") != NOTES:  # the debounced write, fsynced
            assert time.monotonic() < deadline, "the draft never reached the journal"
            assert proc.poll() is None, proc.stderr.read()
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(WAIT_S)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    window = make_window()  # the next start, on the same store and data folder
    call = window.calls.find("kill-1")
    assert call is not None and call.phase == "wrap-up"
    assert (call.wrapup.notes, call.wrapup.disposition, call.wrapup.customer_id) == (
        NOTES, "callback_requested", cid)
    with qtbot.waitSignal(window.customerShown, timeout=5000):
        window.calls_view.activated.emit(window.calls.index(window.calls.row_of(call), 0))
    assert window.wrapup.notes.toPlainText() == NOTES
    with qtbot.waitSignal(window.wrapUpSaved, timeout=5000):
        window.wrapup.save_now()
    with store.session() as s:
        entry = s.scalars(select(InquiryEntry).where(InquiryEntry.call_id == "kill-1")).one()
        assert entry.notes == NOTES
        assert s.get(Inquiry, entry.inquiry_id).status == "open"  # a call-back is owed
