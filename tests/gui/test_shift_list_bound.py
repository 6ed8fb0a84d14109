"""A long shift: the list keeps its newest calls (and the one on screen), says so, and the
calls it lets go of stay in the call log. The window's memory then stays flat."""

from __future__ import annotations

import gc
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.qt import shift_calls, tasks
from cti_desk.qt.history_models import PurchaseHistoryModel
from cti_desk.qt.inquiry_model import InquiryHistoryModel
from cti_desk.store.models import CallLogEntry

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

T0 = datetime(2026, 11, 23, 1, 0, 0, tzinfo=UTC)


def update(n: int, state: CallState, seconds: int = 0) -> CallUpdate:
    return CallUpdate(call_id=f"shift-{n}", state=state, raw_number=f"0312345{n:03d}", caller_name=None,
                      queue="support", agent=None, ts=T0 + timedelta(minutes=n, seconds=seconds),
                      state_changed=True, ringing_at=frozenset(), source="test")


def ring_and_miss(qtbot, w, n: int) -> None:
    with qtbot.waitSignal(w.popShown, timeout=5000):
        w.on_call_update(update(n, CallState.RINGING))
    w.on_call_update(update(n, CallState.MISSED, 20))


def listed(w) -> list[str]:
    return [c.call_id for c in w.calls.calls()]


def test_the_shift_list_keeps_the_newest_calls_and_says_so(qtbot, make_window, store, monkeypatch):
    monkeypatch.setattr(shift_calls, "MAX_SHOWN", 3)
    w = make_window()
    assert w.calls_heading.text() == "Calls this shift"
    for n in range(3):
        ring_and_miss(qtbot, w, n)
    assert listed(w) == ["shift-2", "shift-1", "shift-0"]
    assert w.calls_heading.text() == "Calls this shift"
    ring_and_miss(qtbot, w, 3)
    assert listed(w) == ["shift-3", "shift-2", "shift-1"]
    assert w.calls.find("shift-0") is None
    assert w.calls_heading.text() == "Calls this shift (the newest 3; older ones are in the call log)"
    # The call on screen stays, however old; a ringing one is never let go of.
    w.pop(w.calls.find("shift-1"))
    with qtbot.waitSignal(w.popShown, timeout=5000):
        w.on_call_update(update(4, CallState.RINGING))
    assert listed(w) == ["shift-4", "shift-3", "shift-1"]
    w.on_call_update(update(5, CallState.RINGING))  # shift-4 on screen, shift-5 rings too
    assert listed(w) == ["shift-5", "shift-4", "shift-3"]
    assert w.calls.let_go == 3
    # What the list let go of is in the call log (a call-back finds it there).
    qtbot.waitUntil(lambda: _logged(store) >= 6, timeout=5000)


def _logged(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(CallLogEntry))


def test_an_empty_history_is_not_reset_again(qtbot, make_window):
    """A pop clears the tables only when they show something: a model reset costs a relayout."""
    purchases, inquiries = PurchaseHistoryModel(), InquiryHistoryModel()
    with qtbot.assertNotEmitted(purchases.modelReset), qtbot.assertNotEmitted(inquiries.modelReset):
        purchases.clear()
        inquiries.clear()
    purchases.reset(7, [], 0)
    with qtbot.waitSignal(purchases.modelReset, timeout=0):
        purchases.clear()


def test_settle_memory_freezes_what_start_up_made(qtbot, make_window):
    make_window()
    try:
        tasks.settle_memory()
        assert gc.get_freeze_count() > 0  # a full collection no longer walks these
    finally:
        gc.unfreeze()
