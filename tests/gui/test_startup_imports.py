"""The operator window paints before the libraries it only needs later are loaded.

A fresh interpreter (the test process has everything imported already) imports the
window's module, builds the window on an upgraded store, shows it and reports what is
in sys.modules at its first paint. A behaviour guard for start-up (issue 16), not a timing.
And the step that opens the store runs once, after that paint (or without one, later).
Through the real entry (`cti-desk`, as bench/bench_startup.py runs it) the operator's
window is staged: its shell paints with no database layer loaded, then the desk is built,
the store opened and a call pops; a store that cannot be opened then is said in the window.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from cti_desk.store.db import open_store
from tests.factories import add_customer
from tests.gui.test_first_run import run_desk

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


# What the staged window's shell must paint without: the database layer, the schema
# tools, the OMS client, phone-number parsing, charts, the OS keyring.
NOT_AT_THE_PAINT = ("sqlalchemy", "alembic", "requests", "phonenumbers", "pyqtgraph", "keyring")

ENTRY = f"HEAVY = {NOT_AT_THE_PAINT!r}\n" + """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

seen = {}

def popped(window, call_id):
    if "popped" not in seen:
        seen["popped"] = call_id
        seen["complete"] = window.complete and window.findChild(QObject, "customerPanel") is not None
        window.close()

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow) and "painted" not in seen:
            seen["painted"] = sorted(m for m in HEAVY if m in sys.modules)
            # PySide6 builds the whole Qt namespace's enums on its first read (~30 ms here).
            seen["qt_enums"] = "Qt" in vars(sys.modules["PySide6.QtCore"])
            seen["shell"] = [obj.complete, obj.statusBar().currentMessage(),
                             [a.text() for a in obj.menuBar().actions()]]
            obj.deskReady.connect(lambda: seen.setdefault("ready", True))
            obj.popShown.connect(lambda call_id: popped(obj, call_id))
        return False

watch = Watch()
exec_ = QApplication.exec

def exec_watched(*args):
    app = QApplication.instance()
    app.installEventFilter(watch)
    QTimer.singleShot(60_000, app.closeAllWindows)  # never popped: fail, not hang
    return exec_()

QApplication.exec = exec_watched
from cti_desk.app.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, **seen}), flush=True)
"""


def test_the_entry_paints_the_operator_shell_first_then_the_desk_takes_calls(sqlite_url, tmp_path):
    store = open_store(sqlite_url)  # a desk-local store with a customer the simulator calls as
    add_customer(store)
    store.dispose()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CTI_DESK_DATA_DIR=str(tmp_path / "data"),
               CTI_DESK_CONFIG_DIR=str(tmp_path / "config"))
    for name in ("CTI_DESK_DB", "CTI_DESK_SOURCE", "CTI_DESK_OMS_URL"):
        env.pop(name, None)
    done = subprocess.run([sys.executable, "-c", ENTRY, "--db", sqlite_url, "--source", "sim://?rate=600"],
                          check=False, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["painted"] == []  # none of them loaded when the window was first on screen
    assert seen["qt_enums"] is False
    # The shell: menus and "Opening the store…" before the desk is there.
    assert seen["shell"] == [False, "Opening the store…", ["&Call", "&Language"]]
    # Then complete: the panels built, the store open, a call from the simulator popped.
    assert seen["ready"] is True and seen["complete"] is True and seen["popped"]
    assert seen["code"] == 0


def refused_in_the_window(argv: list[str]) -> dict:
    """Start `cti-desk ARGV` in this process; once the window says its store cannot be
    opened, note what it says and close it."""
    def refusal(window) -> QMessageBox | None:
        box = window.findChild(QMessageBox, "storeRefused")
        return box if box is not None and box.isVisible() else None

    seen: dict = {}

    def look(window) -> None:
        seen["box"] = refusal(window).text()
        seen["status"] = window.statusBar().currentMessage()

    seen.update(run_desk(argv, lambda window: refusal(window) is not None, look))
    return seen


@pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")
@pytest.mark.parametrize("what", ["no driver", "not a database"])
def test_a_store_the_staged_window_cannot_open_is_said_in_the_window(qtbot, tmp_path, what):
    if what == "no driver":  # a URL of the right form: refused when the store is made, after the paint
        url, reason = "postgresql+nosuchdriver://desk@127.0.0.1:1/cti", "nosuchdriver"
    else:  # refused when the store is opened, in the background
        not_a_store = tmp_path / "customers.csv"
        not_a_store.write_text("channel,external_id,name\n", encoding="utf-8")
        url, reason = f"sqlite:///{not_a_store}", "is not a cti-desk store"
    seen = refused_in_the_window(["--db", url])
    assert seen.get("code") == 1 and "box" in seen, seen  # a runtime error, said in the window first
    assert seen["box"].startswith("This store cannot be opened, and nothing in it was changed:")
    assert reason in seen["box"] and reason in seen["status"]
    assert seen["status"].startswith("Error: ")


@pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")
def test_the_staged_window_keeps_the_outside_line_digit_of_its_source(qtbot, sqlite_url):
    """`--source webhook://...?outside_line=0`: the desk built after the paint still strips
    the PBX's outside-line digit from callers' numbers."""
    from tests.diagnostics_harness import closed_port

    open_store(sqlite_url).dispose()
    seen: dict = {}

    def look(window) -> None:
        seen["outside_line"] = window.outside_line

    done = run_desk(["--db", sqlite_url, "--source", f"webhook://127.0.0.1:{closed_port()}?outside_line=0"],
                    lambda window: window.complete and window.bridge is not None, look)
    assert done == {"looked": True, "code": 0}, done
    assert seen["outside_line"] == "0"
