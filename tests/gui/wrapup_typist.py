"""Run by test_wrapup_crash.py as its own process: an operator window takes a call and
the operator types a wrap-up; then the process waits to be killed (SIGKILL: no
closeEvent, no atexit, nothing flushed on the way out).

    python -m tests.gui.wrapup_typist DB_URL SETTINGS.ini CALL_ID
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.qt.main_window import MainWindow
from cti_desk.store.db import Store

ASCII_NOTES = "callback tomorrow 10:00"
JAPANESE_NOTES = "\n在庫を確認して折り返し"  # typed as committed input-method text
NOTES = ASCII_NOTES + JAPANESE_NOTES


def main(db_url: str, settings_path: str, call_id: str) -> None:
    app = QApplication([sys.argv[0]])
    store = Store(db_url)
    window = MainWindow(store, "suzuki", settings=QSettings(settings_path, QSettings.Format.IniFormat))
    window.show()

    def type_wrapup(_call_id: str) -> None:
        notes = window.wrapup.notes
        QTest.keyClicks(notes, ASCII_NOTES)
        notes.insertPlainText(JAPANESE_NOTES)
        combo = window.wrapup.disposition
        combo.setCurrentIndex(combo.findData("callback_requested"))
        print("typed", flush=True)

    window.popShown.connect(type_wrapup)
    window.on_call_update(CallUpdate(
        call_id=call_id, state=CallState.RINGING, raw_number="0312345678", caller_name=None,
        queue="support", agent=None, ts=datetime(2026, 11, 30, 1, 0, tzinfo=UTC), state_changed=True,
        source="test"))
    app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:4])
