"""The operator window paints before the libraries it only needs later are loaded.

A fresh interpreter (the test process has everything imported already) imports the
window's module, builds the window on an upgraded store, shows it and reports what is
in sys.modules at its first paint. A behaviour guard for start-up (issue 16), not a timing.
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
