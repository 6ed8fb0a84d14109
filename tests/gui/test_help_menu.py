"""Help > Diagnostics… and About in the real operator window (offscreen, real SQLite
store): the checks of `cti-desk check` against the project's fake Asterisk, a failing
store and PBX shown FAILED with their reason, Copy for the IT person; About's versions.
And the log file: a pop's lines there carry the caller's number masked."""

from __future__ import annotations

import asyncio
import logging
import platform
from datetime import UTC, datetime

import PySide6
import pytest
import sqlalchemy
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication

from cti_desk import __version__
from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.qt.call_bridge import CallBridge
from cti_desk.qt.help_menu import install_help_menu
from cti_desk.services.diagnostics import DeskTargets
from cti_desk.services.log_file import file_handler, log_file_path
from cti_desk.store.db import head_revision
from tests.diagnostics_harness import answering_pbx, closed_port
from tests.factories import add_customer

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def pbx():
    with answering_pbx() as p:
        yield p


def table(dialog) -> list[tuple[str, str, str]]:
    t = dialog.table
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


def diagnose(qtbot, window, targets: DeskTargets):
    menu = install_help_menu(window, targets, window.store)
    menu.act_diagnostics.trigger()
    dialog = menu.diagnostics
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=15000)
    return dialog


def test_diagnostics_lists_each_item_ok_and_copy_gives_the_report(qtbot, window, pbx):
    source = f"ami://admin:s3cret@127.0.0.1:{pbx.pbx.port}"
    dialog = diagnose(qtbot, window, DeskTargets(window.store.url, source))
    head = head_revision(window.store.engine)
    assert [a.text() for a in window.help_menu.actions() if a.text()] == ["Diagnostics…", "About cti-desk"]
    assert window.help_menu.title() == "&Help"
    rows = table(dialog)
    assert rows[0][:2] == ("Store", "ok") and rows[0][2].endswith(f": schema {head} (current)")
    assert rows[1] == ("Call source", "ok", f"ami://admin@127.0.0.1:{pbx.pbx.port}: logged in, "
                                            "Asterisk 13.18.3 / pbx-tokyo")
    assert rows[2] == ("Log file", "info", str(log_file_path()))
    assert dialog.note.text() == "Everything this desk needs answers."

    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied.splitlines() == dialog.report().splitlines()
    assert copied.splitlines()[1].startswith("call source  ok     ami://admin@127.0.0.1:")
    assert "s3cret" not in copied


def test_a_failing_store_and_pbx_are_shown_failed_with_why(qtbot, window, pbx, tmp_path):
    missing = tmp_path / "gone" / "store.sqlite3"
    source = f"ami://admin:wrong@127.0.0.1:{pbx.pbx.port}"
    dialog = diagnose(qtbot, window, DeskTargets(f"sqlite:///{missing}", source))
    rows = table(dialog)
    assert rows[0] == ("Store", "FAILED", f"{missing}: its folder {missing.parent} does not exist")
    assert rows[1] == ("Call source", "FAILED", f"ami://admin@127.0.0.1:{pbx.pbx.port}: authentication "
                                                "failed: check the AMI user and secret (manager.conf)")
    assert dialog.note.text().startswith("2 item(s) FAILED")

    # Fixed meanwhile (the PBX takes this secret now): Run again says so.
    dialog.targets = DeskTargets(window.store.url, f"ami://admin:s3cret@127.0.0.1:{pbx.pbx.port}",
                                 f"http://127.0.0.1:{closed_port()}/api")
    dialog.run_button.click()
    assert not dialog.run_button.isEnabled()
    qtbot.waitUntil(dialog.run_button.isEnabled, timeout=15000)
    rows = table(dialog)
    assert [r[:2] for r in rows] == [("Store", "ok"), ("Call source", "ok"), ("OMS", "FAILED"),
                                     ("Log file", "info")]
    assert rows[2][2].endswith("not reachable: connection refused")


def test_diagnostics_in_japanese(qtbot, window, pbx):
    from cti_desk.qt import i18n

    try:
        window.set_language("ja")
        dialog = diagnose(qtbot, window, DeskTargets(window.store.url, None))
        assert window.help_menu.title() == "ヘルプ(&H)"
        assert [a.text() for a in window.help_menu.actions() if a.text()] == ["診断…", "cti-desk について"]
        assert dialog.windowTitle() == "診断"
        assert [r[:2] for r in table(dialog)] == [("データベース", "正常"), ("着信元", "失敗"), ("ログファイル", "情報")]
        assert dialog.run_button.text() == "再実行" and dialog.copy_button.text() == "コピー"
    finally:
        i18n.install_language("en")


def test_about_shows_the_versions_and_the_schema(qtbot, window):
    menu = install_help_menu(window, DeskTargets(window.store.url), window.store)
    menu.act_about.trigger()
    about = menu.about
    head = head_revision(window.store.engine)
    qtbot.waitUntil(lambda: about.schema is not None, timeout=5000)
    assert about.text.text().splitlines() == [
        f"cti-desk {__version__}",
        f"Qt {qVersion()}",
        f"PySide6 {PySide6.__version__}",
        f"Python {platform.python_version()}",
        f"SQLAlchemy {sqlalchemy.__version__}",
        f"Store schema: {head} (current)",
        f"Log file: {log_file_path()}",
    ]


# -- the log file --------------------------------------------------------------------------


@pytest.fixture
def log_file():
    """The window's log file as `cti-desk` sets it up (the same handler and formatter)."""
    path = log_file_path()
    handler = file_handler(path)
    root = logging.getLogger("cti_desk")
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield path
    root.removeHandler(handler)
    root.setLevel(level)
    handler.close()


def test_a_pops_log_lines_carry_the_number_masked(qtbot, make_window, store, log_file):
    customer = add_customer(store, name="山田 太郎", phones=("03-1234-5678",))
    seat = make_window(agent="PJSIP/2001")

    class Idle:
        async def run(self, emit):
            await asyncio.Event().wait()

    bridge = CallBridge(Idle(), "PJSIP/2001", seat)
    seat.set_bridge(bridge)
    with qtbot.waitSignal(seat.customerShown, timeout=5000):
        bridge.callUpdate.emit(CallUpdate(
            "1732950000.42", CallState.RINGING, "0312345678", "ﾔﾏﾀﾞ ﾀﾛｳ", "support", None,
            datetime.now(UTC), ringing_at=frozenset({"PJSIP/2001"}), source="test"))
    written = log_file.read_text("utf-8")
    pops = [line for line in written.splitlines() if " pop: " in line]
    assert any(line.endswith("pop: call 1732950000.42 from ***78, ringing") for line in pops), written
    assert any(line.endswith(f"pop: call 1732950000.42 is unique, customer {customer}") for line in pops)
    for private in ("0312345678", "312345678", "山田", "ﾔﾏﾀﾞ"):
        assert private not in written


def test_the_started_window_has_the_help_menu_with_what_it_was_started_with(qtbot, sqlite_url):
    """`cti-desk --source sim:// --oms-url URL`: the window's Diagnostics try those."""
    from PySide6.QtCore import QTimer

    from cti_desk.app.cli import build_parser
    from cti_desk.app.gui import run_gui
    from cti_desk.store.db import open_store

    store = open_store(sqlite_url)
    add_customer(store)  # not empty: no demo data is made
    store.dispose()
    oms = f"http://127.0.0.1:{closed_port()}/api"
    args = build_parser().parse_args(["--db", sqlite_url, "--source", "sim://?rate=0.1", "--oms-url", oms])
    seen = {}

    def look() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "operatorWindow")
        seen["menus"] = [a.text() for a in window.menuBar().actions()]
        seen["targets"] = window.help_menu.targets
        window.close()

    QTimer.singleShot(500, look)
    assert run_gui(args, sqlite_url) == 0
    assert seen["menus"][-1] == "&Help"
    assert seen["targets"] == DeskTargets(sqlite_url, "sim://?rate=0.1", oms)
