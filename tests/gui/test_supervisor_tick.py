"""The supervisor window's 1 Hz tick on a busy floor: the lists keep what the supervisor
selected and where they scrolled, a change shows on the next tick and only changed cells
are repainted, the window is not laid out again each second, the charts' axes hold still.
Real QueueBoard, real window offscreen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt

from cti_desk.domain.calls import CallState
from cti_desk.qt import i18n
from cti_desk.qt.supervisor.agents import for_queue
from cti_desk.qt.supervisor.feed import ALL
from cti_desk.telephony.ami.message import Message
from cti_desk.telephony.queues import QueueBoard
from tests.gui import test_supervisor
from tests.gui.test_supervisor import T0, Clock, call

open_window = test_supervisor.open_window  # the same fixture: a shown SupervisorWindow, closed after

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

QUEUES = [f"q{n:02d}" for n in range(30)]
AGENTS = [f"PJSIP/{3000 + n}" for n in range(200)]


def busy_floor(open_window, callers: int = 300):
    clock = Clock()
    board = QueueBoard(clock=clock)
    w = open_window(board=board)
    for n, iface in enumerate(AGENTS):
        board.agent_state(QUEUES[n % 30], iface, "available", False)
    for n in range(callers):
        board.handle_update(call(f"b{n}", CallState.RINGING, n, queue=QUEUES[n % 30]))
    clock.now = T0 + timedelta(seconds=600)
    w.tick()
    return w, board, clock


def next_second(w, clock) -> None:
    clock.now += timedelta(seconds=1)
    w.tick()


def row_of(model, text: str, column: int = 0) -> int:
    return next(r for r in range(model.rowCount()) if model.index(r, column).data() == text)


class Signals(QObject):
    """What a model told its views: dataChanged ranges, resets, rows in and out."""

    def __init__(self, model) -> None:
        super().__init__()
        self.changed: list[tuple[int, int, int, int]] = []
        self.resets = self.inserted = self.removed = 0
        model.dataChanged.connect(lambda a, b, _roles: self.changed.append((a.row(), a.column(), b.row(), b.column())))
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(self._inserted)
        model.rowsRemoved.connect(self._removed)

    def _reset(self) -> None:
        self.resets += 1

    def _inserted(self, _parent, first: int, last: int) -> None:
        self.inserted += last - first + 1

    def _removed(self, _parent, first: int, last: int) -> None:
        self.removed += last - first + 1

    def cells(self) -> set[tuple[int, int]]:
        return {(r, c) for r0, c0, r1, c1 in self.changed for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}


def test_a_changed_state_shows_on_the_next_tick_and_only_changed_cells_are_repainted(open_window):
    w, board, clock = busy_floor(open_window)
    agents = w.queue_charts.agents_model
    row = row_of(agents, "PJSIP/3150")
    assert agents.index(row, 3).data() == "Available"
    seen = Signals(agents)

    board.agent_state(QUEUES[150 % 30], "PJSIP/3150", "paused", True)
    next_second(w, clock)

    assert agents.index(row, 3).data() == "Paused" and agents.index(row, 4).data() == "0:01"
    assert agents.index(row + 1, 4).data() == "10:01"  # everyone else's time in state moved on
    cells = seen.cells()
    assert (row, 3) in cells
    assert {c for _r, c in cells} == {3, 4}  # no agent, name or queues cell was repainted
    assert {r for r, c in cells if c == 3} == {row}  # and the state of no other agent
    assert {r for r, c in cells if c == 4} == set(range(200))
    assert seen.resets == 0
    # A view repaints a range cell by cell only up to 200 cells: the time column comes in runs.
    assert all(r1 - r0 < 200 for r0, _c0, r1, _c1 in seen.changed)

    seen.changed.clear()
    w.tick()  # the same second again: nothing changed, nothing is repainted
    assert seen.changed == []


def test_the_agent_list_keeps_the_selection_and_the_scroll_across_ticks(qtbot, open_window):
    w, board, clock = busy_floor(open_window)
    view, agents = w.queue_charts.agents_view, w.queue_charts.agents_model
    row = row_of(agents, "PJSIP/3150")
    view.selectionModel().select(agents.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                 | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    view.scrollTo(agents.index(row, 0))
    scrolled = view.verticalScrollBar().value()
    assert scrolled > 0
    seen = Signals(agents)

    for second in range(5):  # agents change state every second
        board.agent_state(QUEUES[second], AGENTS[second], "on_call", False)
        board.agent_state(QUEUES[(150 + second) % 30], AGENTS[150 + second], "paused", True)
        next_second(w, clock)
        assert view.verticalScrollBar().value() == scrolled
        assert [i.data() for i in view.selectionModel().selectedRows(0)] == ["PJSIP/3150"]

    # An agent logs in above the selected one and another one leaves: the rows move,
    # the selection stays on the same agent.
    board.agent_state("q00", "PJSIP/3000a", "available", False)
    board.handle_ami(Message([("Event", "QueueMemberRemoved"), ("Queue", "q01"), ("Interface", "PJSIP/3001")]))
    next_second(w, clock)
    assert agents.rowCount() == 200 and agents.index(1, 0).data() == "PJSIP/3000a"
    assert [i.data() for i in view.selectionModel().selectedRows(0)] == ["PJSIP/3150"]
    assert seen.resets == 0 and seen.inserted == 1 and seen.removed == 1


def test_callers_come_and_go_without_resetting_the_waiting_list(open_window):
    w, board, clock = busy_floor(open_window, callers=30)
    view, waiting = w.queue_charts.waiting_view, w.queue_charts.waiting_model
    kept = waiting.index(10, 1).data(), waiting.index(10, 3).data()
    view.selectionModel().select(waiting.index(10, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                 | QItemSelectionModel.SelectionFlag.Rows)
    chosen = view.selectionModel().selectedRows(0)[0]
    key = waiting._keys[10]
    seen = Signals(waiting)

    board.handle_update(call("b0", CallState.ANSWERED, 601, queue="q00", agent="PJSIP/3000"))  # the longest waiter
    board.handle_update(call("b5", CallState.MISSED, 601, queue="q05"))  # gave up
    board.handle_update(call("new1", CallState.RINGING, 601, queue="q07", name="<b>ヤマダ</b>"))
    next_second(w, clock)

    assert waiting.rowCount() == 29
    assert seen.resets == 0 and seen.removed == 2 and seen.inserted == 1
    row = view.selectionModel().selectedRows(0)[0].row()
    assert waiting._keys[row] == key and chosen.isValid()
    assert waiting.index(row, 1).data() == kept[0]
    assert waiting.index(row, 3).data() != kept[1]  # a second longer
    assert waiting.index(28, 2).data() == "<b>ヤマダ</b>"  # the newest caller, last, as plain text


def cells(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_lists_match_lists_made_afresh_while_rows_come_and_go(qtmodeltester, open_window):
    w, board, clock = busy_floor(open_window, callers=20)
    charts = w.queue_charts
    qtmodeltester.check(charts.agents_model)  # stays attached: every change below is checked
    qtmodeltester.check(charts.waiting_model)
    for second in range(6):
        board.handle_update(call(f"b{second * 3}", CallState.ANSWERED, 601 + second,
                                 queue=QUEUES[second * 3 % 30], agent=AGENTS[second]))
        board.handle_update(call(f"n{second}", CallState.RINGING, 601 + second, queue=QUEUES[second]))
        board.agent_state("q02", f"PJSIP/2{second:03d}", "available", False)
        if second == 3:
            charts.select_queue("q02")
        next_second(w, clock)
        for model, view, rows in ((charts.agents_model, charts.agents_view, charts.snapshot.agents),
                                  (charts.waiting_model, charts.waiting_view, charts.snapshot.waiting)):
            fresh = type(model)()
            fresh.update(for_queue(rows, charts.queue, ALL), charts.snapshot.ts)
            assert cells(model) == cells(fresh)
            assert view.verticalHeader().count() == model.rowCount()  # the view heard of every row
    # q02: 7 agents of the floor and 6 who joined it; a caller from the start and a new one.
    assert charts.agents_model.rowCount() == 7 + 6 and charts.waiting_model.rowCount() == 1 + 1


class LayoutRequests(QObject):
    def __init__(self, window) -> None:
        super().__init__()
        self.count = 0
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_a_tick_does_not_lay_the_window_out_again(qtbot, open_window):
    """A new figure or clock text repaints itself: the window's layout stays as it is
    (QLabel.setText would lay out every widget up to the window each second)."""
    w, board, clock = busy_floor(open_window)
    qtbot.wait(50)  # the first tick's layout is done
    requests = LayoutRequests(w.queue_charts)  # every new layout inside it goes through it
    for second in range(5):
        board.agent_state(QUEUES[second], AGENTS[second], "paused", True)
        board.handle_update(call(f"x{second}", CallState.RINGING, 600 + second, queue="q03"))
        next_second(w, clock)
        qtbot.wait(20)
    tiles = w.queue_charts.tiles
    assert tiles.value("waiting") == "305" and tiles.value("longest_wait_s") == "10:05"
    assert "5 paused" in tiles.value("agents")
    assert w.queue_charts.as_of.text() == "10:10:05"
    assert requests.count == 0


def test_the_rolling_chart_holds_its_axes_still(open_window):
    clock = Clock()
    board = QueueBoard(clock=clock)
    w = open_window(board=board)
    chart = w.queue_charts.rolling
    for n in range(12):
        board.handle_update(call(f"c{n}", CallState.RINGING, 0, queue="support"))
    ranges = set()
    for second in range(1, 400):  # callers wait up to 400 s; the chart's first minutes
        clock.now = T0 + timedelta(seconds=second)
        w.tick()
        ranges.add(tuple(chart.getViewBox().viewRange()[1]))
        if second == 90:
            assert chart.getViewBox().viewRange()[0] == [-5.0, 0.0]  # the first 5 minutes
    # The y axis grew in round steps, with room above, as the longest wait grew: 15 times
    # in 399 s (12 callers waiting first), not every second.
    assert sorted(ranges) == [(0.0, top) for top in (15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0, 80.0, 100.0, 120.0,
                                                     150.0, 200.0, 250.0, 300.0, 400.0)]
    assert chart.getViewBox().viewRange()[0] == [-7.0, 0.0]  # 6 min 39 s of history: 7 whole minutes
    assert chart.point_count() == 400  # the window ticks once when it opens


def test_the_lists_follow_the_language_switch_between_ticks(qtbot, open_window):
    w, _board, _clock = busy_floor(open_window, callers=3)
    agents = w.queue_charts.agents_model
    try:
        with qtbot.waitSignal(agents.dataChanged, timeout=2000):
            i18n.install_language("ja")  # LanguageChange is posted
        assert agents.index(0, 3).data() == "待機中"
        assert agents.headerData(3, Qt.Orientation.Horizontal) != "State"
    finally:
        i18n.install_language("en")
    qtbot.waitUntil(lambda: agents.index(0, 3).data() == "Available", timeout=2000)
