"""The first run and the store a desk is configured with (issue 15), through the real
entry point (`cti-desk` = cli.main, offscreen): nothing configured opens the demo on its
own store file with demo data and the simulator, a "Demo" badge and "Connect to your
PBX…"; a configured store never gets demo data; a shared PostgreSQL store of an older
schema is refused with the command to run, and left as it was."""

from __future__ import annotations

import gc
from collections.abc import Callable

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, inspect, select

from cti_desk.app import gui
from cti_desk.app.cli import main
from cti_desk.settings.paths import config_dir, data_dir
from cti_desk.store.db import Store, _alembic_config, current_revision, head_revision, open_store
from cti_desk.store.models import Customer

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")]

SAFETY_MS = 90_000  # only so a window that never gets there cannot hang the suite


@pytest.fixture(autouse=True)
def _nothing_from_the_environment(monkeypatch):
    for name in ("CTI_DESK_DB", "CTI_DESK_SOURCE", "CTI_DESK_AGENT", "CTI_DESK_OMS_URL",
                 "CTI_DESK_POP_ON_ANSWER", "CTI_DESK_OPERATOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(gui, "DEMO_CUSTOMERS", 150)  # the same seeding, fewer rows


def operator_window():
    """The window this start opened (an earlier test's, closed, may still be a top-level widget)."""
    return next((w for w in QApplication.topLevelWidgets()
                 if w.objectName() == "operatorWindow" and w.isVisible()), None)


def run_desk(argv: list[str], ready: Callable[[object], bool], look: Callable[[object], None]) -> dict:
    """Start the desk as `cti-desk ARGV`; once `ready(window)`, `look(window)`, then close it."""
    seen: dict = {"looked": False}

    def step() -> None:
        window = operator_window()
        if window is None or not ready(window):
            return
        poll.stop()
        try:
            look(window)
            seen["looked"] = True
        finally:
            for w in QApplication.topLevelWidgets():
                if w is not window and w.isVisible():
                    w.close()
            window.close()

    def give_up() -> None:
        poll.stop()
        window = operator_window()
        if window is not None:
            seen["status"] = window.statusBar().currentMessage()
            window.close()

    poll = QTimer()
    poll.timeout.connect(step)
    poll.start(100)
    safety = QTimer()  # stopped below: it must never fire into the next test's window
    safety.setSingleShot(True)
    safety.timeout.connect(give_up)
    safety.start(SAFETY_MS)
    try:
        seen["code"] = main(argv)
    finally:
        poll.stop()
        safety.stop()
    return seen


def customers(url: str) -> int:
    store = Store(url)
    try:
        with store.session() as s:
            return s.scalar(select(func.count(Customer.id)))
    finally:
        store.dispose()


def settings_text() -> str | None:
    path = config_dir() / "cti-desk.toml"
    return path.read_text(encoding="utf-8") if path.exists() else None


def test_nothing_configured_opens_the_demo_on_its_own_store(qtbot):
    demo_file = data_dir() / "demo.sqlite3"

    def ready(window) -> bool:  # demo data made, the simulator's calls started
        return window.bridge is not None

    def look(window) -> None:
        badge = window.findChild(object, "demoBadge")
        assert badge is not None and badge.isVisible() and badge.text() == "Demo"
        actions = {a.objectName(): a for a in window.call_menu.actions()}
        assert actions["actConnectPbx"].text() == "Connect to your PBX…" and "actSettings" in actions
        assert window.source_note.text().startswith("Calls from sim://")
        actions["actConnectPbx"].trigger()
        dialog = window.findChild(object, "settingsDialog")
        assert dialog is not None and dialog.isVisible()
        # On Asterisk's fields, not the demo's simulator (nothing saved until Save) ...
        assert dialog.kind.currentIndex() == 0 and dialog.pages.currentWidget().isVisible()
        assert dialog.ami_host.hasFocus() or not dialog.isActiveWindow()
        ami_height = dialog.pages.sizeHint().height()
        # ... and back on the simulator, no AMI-sized gap is left where its fields were.
        dialog.kind.setCurrentIndex(2)
        assert dialog.pages.sizeHint().height() < ami_height / 2
        dialog.close()
        assert settings_text() == before  # nothing written by looking

    before = settings_text()
    gc.unfreeze()  # what earlier tests froze
    seen = run_desk([], ready, look)
    assert seen == {"looked": True, "code": 0}, seen
    # Start-up's objects were frozen before the calls started: no full collection walks
    # them on a pop's worker later (issue 16).
    assert gc.get_freeze_count() > 10_000
    gc.unfreeze()
    assert customers(f"sqlite:///{demo_file}") == 150
    # The store a desk uses when nothing names one is not created, let alone seeded.
    assert not (data_dir() / "cti-desk.sqlite3").exists()


@pytest.mark.parametrize("where", ["settings file", "command line"])
def test_a_configured_store_never_gets_demo_data(qtbot, tmp_path, where):
    url = f"sqlite:///{tmp_path / 'desk17.sqlite3'}"
    open_store(url).dispose()  # an empty store of the current schema
    argv = ["--source", "sim://?rate=0.1"]
    if where == "settings file":
        (config_dir() / "cti-desk.toml").write_text(
            f'schema = 1\n[store]\nurl = "{url}"\n[source]\nurl = "sim://?rate=0.1"\n', encoding="utf-8")
        argv = []
    else:
        argv += ["--db", url]

    def look(window) -> None:
        assert window.findChild(object, "demoBadge") is None
        assert window.findChild(object, "demoDataProgress") is None
        names = [a.objectName() for a in window.call_menu.actions()]
        assert "actSettings" in names and "actConnectPbx" not in names

    seen = run_desk(argv, lambda window: window.bridge is not None, look)
    assert seen == {"looked": True, "code": 0}, seen
    assert customers(url) == 0
    assert not (data_dir() / "demo.sqlite3").exists()


@pytest.mark.pg
def test_a_shared_postgresql_store_of_an_older_schema_is_refused_and_left_alone(qtbot, pg_url):
    store = Store(pg_url)
    try:
        cfg = _alembic_config(store.engine)
        older = ScriptDirectory.from_config(cfg).get_revision(head_revision(store.engine)).down_revision
        command.downgrade(cfg, older)
        tables = sorted(inspect(store.engine).get_table_names())
    finally:
        store.dispose()

    def refusal(window):
        return next((b for b in window.findChildren(QMessageBox, "storeRefused") if b.isVisible()), None)

    def look(window) -> None:
        box = refusal(window)
        assert box.icon() == QMessageBox.Icon.Critical
        assert "nothing in it was changed" in box.text()
        assert f"has schema {older}, this cti-desk needs {head_revision(Store(pg_url).engine)}" in box.text()
        assert "run `cti-desk db upgrade --db postgresql+psycopg://" in box.text()
        assert window.bridge is None  # no call is taken from a store the desk cannot use
        box.accept()

    seen = run_desk(["--db", pg_url, "--source", "sim://?rate=0.1"], lambda w: refusal(w) is not None, look)
    assert seen == {"looked": True, "code": 1}, seen  # a runtime error: said in the window, then exit 1
    store = Store(pg_url)
    try:
        assert current_revision(store.engine) == older
        assert sorted(inspect(store.engine).get_table_names()) == tables
    finally:
        store.dispose()


def test_a_settings_file_that_is_no_toml_is_kept_aside_and_said_in_the_window(qtbot):
    path = config_dir() / "cti-desk.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"[store\nurl = 'sqlite:///x'\n")

    def note(window):
        return next((b for b in window.findChildren(QMessageBox, "settingsMovedAside") if b.isVisible()), None)

    def look(window) -> None:
        box = note(window)
        [aside] = [p for p in config_dir().iterdir() if p.name.startswith("cti-desk.toml.broken-")]
        assert box.icon() == QMessageBox.Icon.Warning
        assert box.text().startswith("The settings file could not be read (not TOML: ")
        assert f"It was kept as {aside.name} and this desk started with the default settings" in box.text()
        assert aside.read_bytes() == b"[store\nurl = 'sqlite:///x'\n"
        assert window.findChild(object, "demoBadge") is not None  # the defaults: nothing configured
        box.accept()

    seen = run_desk([], lambda w: note(w) is not None, look)
    assert seen == {"looked": True, "code": 0}, seen
