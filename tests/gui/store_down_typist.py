"""Run by test_store_restart.py as its own process: an operator window takes a call and
starts an order for a kettle (prints `ready`); on `go` from stdin (the test has stopped
the store meanwhile) the operator places the order and saves the call's wrap-up, both
of which wait for the store; once both are in the journals on disk it prints `journaled`
and waits to be killed (SIGKILL: nothing flushed on the way out).

    python -m tests.gui.store_down_typist DB_URL SETTINGS.ini CALL_ID PRODUCT_ID LOCATION_ID
"""

from __future__ import annotations

import sys
import threading
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.qt.main_window import MainWindow
from cti_desk.services.drafts import DraftJournal
from cti_desk.services.journal_file import store_key
from cti_desk.services.order_journal import OrderJournal
from cti_desk.settings.paths import data_dir
from cti_desk.store.db import Store

NOTES = "在庫なし: 入荷後に折り返し\ncall back when in stock"
T0 = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


class _Stdin(QObject):
    line = Signal(str)


def update(call_id: str, state: CallState, seconds: int = 0) -> CallUpdate:
    return CallUpdate(call_id=call_id, state=state, raw_number="0312345678", caller_name=None,
                      queue="support", agent=None, ts=T0 + timedelta(seconds=seconds), state_changed=True,
                      source="test")


def main(db_url: str, settings_path: str, call_id: str, product_id: str, location_id: str) -> None:
    app = QApplication([sys.argv[0]])
    store = Store(db_url)
    window = MainWindow(store, "suzuki", settings=QSettings(settings_path, QSettings.Format.IniFormat))
    window.show()
    form = window.order_form
    key = store_key(store)

    def customer_shown(_cid: int) -> None:
        form.add_product(int(product_id), 1, int(location_id))

    def ready() -> None:
        if len(form._lines) == 1 and form.recipient.text():
            ready_poll.stop()
            print("ready", flush=True)

    def go(_line: str) -> None:
        form.submit()
        window.on_call_update(update(call_id, CallState.ENDED, 60))
        window.wrapup.notes.setPlainText(NOTES)
        combo = window.wrapup.disposition
        combo.setCurrentIndex(combo.findData("callback_requested"))
        window.wrapup.save_now()
        poll.start()

    def journaled() -> None:  # what a next start would find on disk
        queued = [d for d in DraftJournal.in_folder(data_dir()).load(key) if d.queued]
        waiting = OrderJournal.in_folder(data_dir()).load(key)
        if queued and waiting and form.waiting_box.pending():
            poll.stop()
            print("journaled", flush=True)

    poll = QTimer(interval=50)
    poll.timeout.connect(journaled)
    ready_poll = QTimer(interval=50)
    ready_poll.timeout.connect(ready)
    ready_poll.start()
    window.customerShown.connect(customer_shown)
    stdin = _Stdin()
    stdin.line.connect(go)
    threading.Thread(target=lambda: stdin.line.emit(sys.stdin.readline()), daemon=True).start()
    window.on_call_update(update(call_id, CallState.RINGING))
    app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:6])
