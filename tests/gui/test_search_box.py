"""The window's search box (F2) on the search service: ranked results, phone fragments, kana."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from tests.factories import add_customer

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


def type_japanese(window, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)  # keyClicks aborts on Japanese (ENVIRONMENT.md)
    QApplication.sendEvent(window.search, event)


def test_results_are_ranked_exact_prefix_substring(qtbot, window, store):
    substring = add_customer(store, name="小山田 太郎", kana="オヤマダ タロウ", phones=("0311112222",))
    prefix = add_customer(store, name="山田 太郎丸", kana="ヤマダ タロウマル", phones=("0311113333",))
    exact = add_customer(store, name="山田 太郎", kana="ヤマダ タロウ", phones=("0311114444",))
    window.search.setFocus()
    with qtbot.waitSignal(window.search.found, timeout=5000) as sig:
        type_japanese(window, "ﾔﾏﾀﾞﾀﾛｳ")  # half-width kana, no space
    assert [c.id for c in sig.args[1]] == [exact, prefix, substring]
    results = window.panel.results
    assert results.isVisibleTo(window)
    assert [results.item(row, 0).text() for row in range(results.rowCount())] == [
        "山田 太郎", "山田 太郎丸", "小山田 太郎"]


def test_four_digits_from_the_middle_of_a_number(qtbot, window, store):
    cid = add_customer(store, name="田中 一郎", kana="タナカ イチロウ", phones=("090-1234-5678",))
    add_customer(store, name="佐藤 花子", kana="サトウ ハナコ", phones=("06-1111-2222",))
    with qtbot.waitSignal(window.search.found, timeout=5000) as sig:
        qtbot.keyClicks(window.search, "3456")
    assert sig.args[0] == "3456"
    assert [c.id for c in sig.args[1]] == [cid]
