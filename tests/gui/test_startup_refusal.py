"""A store this cti-desk must not touch, opened by the window: a message the operator
sees (not only a status-bar line), and the store left exactly as it was."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

from cti_desk.app.gui import Startup
from cti_desk.qt import tasks

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture(autouse=True)
def _no_background_work_outlives_a_test():
    yield
    tasks.shutdown()


def test_a_store_of_a_newer_schema_is_refused_in_a_message_and_left_alone(qtbot, window, store):
    # The store says a newer cti-desk wrote it: schema 9999, which this one has no migration for.
    with store.transaction() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    startup = Startup(QApplication.instance(), window, store, SimpleNamespace(agent=None), store.url)
    startup.begin()
    qtbot.waitUntil(lambda: getattr(startup, "refusal", None) is not None and startup.refusal.isVisible())
    box = startup.refusal
    assert box.icon() == QMessageBox.Icon.Critical
    assert "nothing in it was changed" in box.text()
    assert "written by a newer cti-desk (schema 9999" in box.text() and "upgrade cti-desk" in box.text()
    with store.session() as s:
        assert s.scalar(text("SELECT version_num FROM alembic_version")) == "9999"
    box.accept()
