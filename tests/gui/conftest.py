"""Real operator windows on the embedded store, closed and their threads gone after each test."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication

from cti_desk.qt import tasks
from cti_desk.qt.main_window import MainWindow
from cti_desk.store.db import open_store


def our_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("cti-desk")]


@pytest.fixture
def store(sqlite_url):
    """GUI tests run on SQLite; the store tests cover PostgreSQL."""
    s = open_store(sqlite_url)
    yield s
    s.dispose()


@pytest.fixture
def make_window(qtbot, store, tmp_path):
    """`make_window(agent=..., pop_on_answer=...)`: a shown MainWindow with its own settings."""
    made = []

    def make(**kwargs):
        settings = QSettings(str(tmp_path / f"w{len(made)}.ini"), QSettings.Format.IniFormat)
        w = MainWindow(store, "suzuki", settings=settings, **kwargs)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()  # stops the call bridge
    tasks.shutdown()
    for w in made:
        w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone before the next test
    assert our_threads() == []  # no background thread outlives the window


@pytest.fixture
def window(make_window):
    return make_window()
