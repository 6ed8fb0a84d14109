"""The operator window paints before the libraries it only needs later are loaded.

A fresh interpreter (the test process has everything imported already) imports the
window's module, builds the window on an upgraded store, shows it and reports what is
in sys.modules at its first paint. A behaviour guard for start-up (issue 16), not a timing.
And the step that opens the store runs once, after that paint (or without one, later).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from cti_desk.store.db import open_store

# requests: only a seat sending orders to the OMS; alembic: the schema check on the
# worker; phonenumbers: the first number shown or parsed; pyqtgraph: the supervisor's.
LATER = ("alembic", "requests", "phonenumbers", "pyqtgraph")

CHILD = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from cti_desk.qt.main_window import MainWindow
from cti_desk.store.db import Store

app = QApplication([])
window = MainWindow(Store(sys.argv[1]), "suzuki", settings=QSettings(sys.argv[2], QSettings.Format.IniFormat))

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if obj is window and event.type() == QEvent.Type.Paint:
            print(json.dumps(sorted(sys.modules)), flush=True)
            app.exit(0)
        return False

paint = FirstPaint()
window.installEventFilter(paint)
window.show()
QTimer.singleShot(30_000, lambda: app.exit(1))  # never painted: fail, not hang
code = app.exec()
window.close()
sys.exit(code)
"""


def test_operator_window_paints_without_the_later_libraries(sqlite_url, tmp_path):
    open_store(sqlite_url).dispose()  # the schema there, as after any earlier start
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD, sqlite_url, str(tmp_path / "seat.ini")],
                          check=False, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = {name.split(".")[0] for name in json.loads(done.stdout.splitlines()[-1])}
    assert "cti_desk" in loaded and "PySide6" in loaded  # the window itself was built
    assert sorted(loaded.intersection(LATER)) == []


def test_the_store_step_runs_once_after_the_first_paint(qtbot):
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QMainWindow

    from cti_desk.qt.first_paint import after_first_paint

    window = QMainWindow()
    qtbot.addWidget(window)
    seen: list[str] = []

    class Paints(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                seen.append("paint")
            return False

    paints = Paints()
    window.installEventFilter(paints)
    after_first_paint(window, lambda: seen.append("step"), fallback_ms=300)
    window.show()
    qtbot.waitUntil(lambda: "step" in seen)
    qtbot.wait(500)  # the fallback's time has passed too
    assert seen.count("step") == 1
    assert seen.index("step") > seen.index("paint")  # the window was on screen first


def test_a_window_never_painted_still_gets_the_step(qtbot):
    from PySide6.QtWidgets import QMainWindow

    from cti_desk.qt.first_paint import after_first_paint

    window = QMainWindow()  # never shown: as on a workspace the desktop does not expose
    qtbot.addWidget(window)
    steps: list[int] = []
    after_first_paint(window, lambda: steps.append(1), fallback_ms=100)
    qtbot.waitUntil(lambda: steps == [1])
    qtbot.wait(200)
    assert steps == [1]
