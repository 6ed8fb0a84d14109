"""Start-up: interpreter start to the operator window's first paint and to the complete
desk, against a bare window.

    .venv/bin/python bench/bench_startup.py [--runs 9] [--customers 200]   # BENCH_STARTUP_RUNS

Each run is a fresh process (the parent's clock starts just before it is spawned): the
same `cti-desk` entry the user runs (cli.main -> app/gui.py run_gui) on a desk-local
SQLite store in a temp dir (a copy per run of one made with `cti-desk demo-data`) and a
sim:// source, offscreen, with the settings and data dirs in the temp dir too. The
baseline process imports PySide6 and shows a bare QMainWindow with a QTableView. Two
figures per run: "painted", the main window's first QEvent.Paint once that paint pass is
flushed (the next turn of the event loop), and "complete", the desk built, its store open
and the calls started (app/gui.py's Startup._start_calls returned: the same point in
trees before and after the staged window, issue 16); the bare window is complete when
painted. Runs alternate app / baseline; medians and the ratios are printed.

Then one run under `python -X importtime`: the import time spent before the paint, the
packages costing most (self time summed per top-level package) and the cti_desk module
that first pulled each in, and which heavy libraries were loaded when the window painted.
Not part of pytest; figures are noisy on a shared machine (the load average is printed).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchlib import record  # bench/ is the script's own folder on sys.path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PAINTED = "bench_startup: painted"
HEAVY = ("sqlalchemy", "alembic", "requests", "phonenumbers", "pyqtgraph", "keyring")

# Shared by both children: when the app's event loop starts, watch for the main window's
# first paint; report (wall clock, heavy libraries loaded) after that paint pass returns,
# then (the app) once the desk is complete. exec is wrapped rather than the app changed,
# so the entry runs exactly as a user's.
_HOOK = f"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def _complete():
    sys.stdout.write(f"complete {{time.time():.6f}}\\n")
    sys.stdout.flush()
    os._exit(0)

def _report():
    loaded = [m for m in {HEAVY!r} if m in sys.modules]
    sys.stdout.write(f"painted {{time.time():.6f}} {{','.join(loaded) or '-'}}\\n")
    sys.stdout.flush()
    sys.stderr.write("{PAINTED}\\n")  # -X importtime: what follows came after the paint
    sys.stderr.flush()
    gui = sys.modules.get("cti_desk.app.gui")
    if gui is None:  # the bare window: complete once painted
        _complete()
    start_calls = gui.Startup._start_calls

    def _started(self, *args):
        start_calls(self, *args)
        _complete()

    gui.Startup._start_calls = _started

class _FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, _report)
        return False

_hook = _FirstPaint()
_exec = QApplication.exec

def _exec_watched(*args):
    QApplication.instance().installEventFilter(_hook)
    return _exec()

QApplication.exec = _exec_watched
"""

APP = _HOOK + """
from cti_desk.app.cli import main
sys.exit(main())
"""

BASELINE = _HOOK + """
from PySide6.QtWidgets import QTableView
app = QApplication([sys.argv[0]])
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1200, 800)
window.show()
sys.exit(app.exec())
"""


def _env(tmp: Path) -> dict[str, str]:
    # Bytecode cached, as an installed desk has it (pip and PyInstaller write it); this
    # machine's PYTHONDONTWRITEBYTECODE=1 would compile every module from source each run.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(tmp / "pycache"),
               CTI_DESK_DATA_DIR=str(tmp / "data"), CTI_DESK_CONFIG_DIR=str(tmp / "config"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in ("CTI_DESK_DB", "CTI_DESK_SOURCE"):  # this desk's, not the caller's
        env.pop(name, None)
    return env


def _template_store(tmp: Path, customers: int) -> Path:
    path = tmp / "template.sqlite3"
    cli = [PYTHON, "-m", "cti_desk.app.cli"]
    url = f"sqlite:///{path}"
    subprocess.run([*cli, "demo-data", "--db", url, "--customers", str(customers)],
                   env=_env(tmp), check=True, capture_output=True, cwd=ROOT)
    return path


def _spawn(code: str, args: list[str], env: dict[str, str], flags: tuple[str, ...] = ()):
    """One fresh process: seconds from spawn to the painted line and to the complete line,
    the heavy libraries loaded at the paint, stderr."""
    t0 = time.time()
    proc = subprocess.run([PYTHON, *flags, "-c", code, *args], check=False, env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    painted = complete = None
    loaded = ""
    for line in proc.stdout.splitlines():
        if line.startswith("painted "):
            _, when, loaded = line.split(" ", 2)
            painted = float(when) - t0
        elif line.startswith("complete "):
            complete = float(line.split()[1]) - t0
    if painted is None or complete is None:
        raise RuntimeError(f"no paint or never complete (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return painted, complete, loaded, proc.stderr


def _app_run(tmp: Path, template: Path, run: int, flags: tuple[str, ...] = ()):
    store = tmp / f"run{run}.sqlite3"
    shutil.copyfile(template, store)
    try:
        return _spawn(APP, ["--db", f"sqlite:///{store}", "--source", "sim://"], _env(tmp), flags)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{store}{suffix}").unlink(missing_ok=True)


_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def import_profile(stderr: str) -> tuple[float, dict[str, float], dict[str, str]]:
    """(total self ms, self ms per top-level package, package -> the cti_desk module that
    first imported it) from -X importtime output up to the paint. Lines come children
    first, so a module's importer is the next line with a smaller indent."""
    before_paint = stderr.split(PAINTED, 1)[0]
    rows = [(int(m[1]), len(m[3]), m[4]) for m in map(_LINE.match, before_paint.splitlines()) if m]
    per_package: dict[str, float] = defaultdict(float)
    pulled_by: dict[str, str] = {}
    for i, (self_us, depth, name) in enumerate(rows):
        top = name.split(".")[0]
        per_package[top] += self_us / 1000
        if top in pulled_by or top == "cti_desk":
            continue
        level = depth
        for _, d, parent in rows[i + 1:]:
            if d < level and parent.startswith("cti_desk"):
                pulled_by[top] = parent
                break
            level = min(level, d)
    return sum(r[0] for r in rows) / 1000, dict(per_package), pulled_by


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_STARTUP_RUNS", "9")))
    parser.add_argument("--customers", type=int, default=200)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cti-startup-") as name:
        tmp = Path(name)
        template = _template_store(tmp, opts.customers)
        app_s: list[float] = []
        done_s: list[float] = []
        base_s: list[float] = []
        loaded = ""
        _app_run(tmp, template, opts.runs + 1)  # writes the bytecode both then read
        _spawn(BASELINE, [], _env(tmp))
        for run in range(opts.runs):  # alternating, so drifting load hits both alike
            painted, complete, loaded, _ = _app_run(tmp, template, run)
            app_s.append(painted)
            done_s.append(complete)
            base_s.append(_spawn(BASELINE, [], _env(tmp))[0])
        record("start-up: operator window painted", statistics.median(app_s), "s",
               baseline=statistics.median(base_s), target="<= 1.5x", vs="bare QMainWindow+QTableView",
               note=f"median of {opts.runs}, min {min(app_s):.3f} / {min(base_s):.3f} s; "
                    f"loaded at the paint: {loaded.replace(',', ' ')}")
        record("start-up: operator window complete", statistics.median(done_s), "s",
               baseline=statistics.median(base_s), vs="bare QMainWindow+QTableView",
               note=f"median of {opts.runs}, min {min(done_s):.3f} s: panels built, "
                    "store open, calls started (no target: the first paint is the one the user waits for)")
        app_err = _app_run(tmp, template, opts.runs, ("-X", "importtime"))[3]
        base_err = _spawn(BASELINE, [], _env(tmp), ("-X", "importtime"))[3]
    app_ms, packages, pulled_by = import_profile(app_err)
    base_ms = import_profile(base_err)[0]
    record("start-up: imports before the paint", app_ms, "ms", baseline=base_ms,
           vs="PySide6 for a bare window", note="-X importtime self times, one run each")
    for package, ms in sorted(packages.items(), key=lambda kv: -kv[1])[:10]:
        via = f" (first via {pulled_by[package]})" if package in pulled_by else ""
        print(f"  import {package:16s} {ms:7.1f} ms{via}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
