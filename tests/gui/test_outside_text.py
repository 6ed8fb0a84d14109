"""Text that came from outside (PBX, CSV, other seats' notes) is shown as text, never HTML."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QTableView

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.qt import tasks
from cti_desk.qt.main_window import MainWindow
from cti_desk.qt.plaintext import tooltip
from cti_desk.store.db import open_store
from tests.factories import add_customer
from tests.story_factories import add_inquiry, add_purchases

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

HOSTILE = "<b>x</b><img src=x>"


def as_rendered(text: str) -> str:
    """What Qt shows for a tooltip: it guesses rich text from the content."""
    if not QtGuiNamespace.mightBeRichText(text):  # lives in QtGui's Qt namespace
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


@pytest.mark.parametrize("text", [HOSTILE, "a < b & c > d", "line 1\nline 2", ""])
def test_tooltip_shows_the_text_itself(text):
    assert as_rendered(tooltip(text)) == text


def test_no_label_or_tooltip_of_a_pop_renders_outside_text_as_html(qtbot, tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    cid = add_customer(store, name=HOSTILE, kana=HOSTILE, member_id=HOSTILE)
    add_purchases(store, cid, 2)
    add_inquiry(store, cid, notes=HOSTILE, status="open")
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, "op", settings=settings)
    window.show()
    update = CallUpdate(call_id="c1", state=CallState.RINGING, raw_number="0312345678",
                        caller_name=HOSTILE, queue=HOSTILE, agent=None,
                        ts=datetime(2026, 11, 23, tzinfo=UTC), source="test")
    with qtbot.waitSignal(window.popShown, timeout=5000):
        window.on_call_update(update)
    try:
        shown = [lab for lab in window.findChildren(QLabel) if "<b>" in lab.text()]
        assert shown, "the hostile text should be on screen somewhere"
        for lab in shown:
            assert lab.textFormat() == Qt.TextFormat.PlainText, lab.objectName()
        for name in ("purchaseHistory", "inquiryHistory"):
            model = window.findChild(QTableView, name).model()
            for row in range(model.rowCount()):
                for col in range(model.columnCount()):
                    tip = model.index(row, col).data(Qt.ItemDataRole.ToolTipRole)
                    if tip:
                        assert "<img" not in as_rendered(tip) or HOSTILE in as_rendered(tip)
                        assert "<b>x</b>" not in tip or HOSTILE in as_rendered(tip)
        inquiries = window.findChild(QTableView, "inquiryHistory").model()
        tips = [inquiries.index(r, c).data(Qt.ItemDataRole.ToolTipRole)
                for r in range(inquiries.rowCount()) for c in range(inquiries.columnCount())]
        assert HOSTILE in [as_rendered(t) for t in tips if t]
    finally:
        window.close()
        tasks.shutdown()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        store.dispose()
