"""The supervisor window offscreen: live queue tiles, charts and lists from a real
QueueBoard (fed directly, and by the simulator through a CallBridge), the KPI view on a
real SQLite store, and its PNG and CSV exports."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.qt import i18n, tasks
from cti_desk.qt.call_bridge import CallBridge
from cti_desk.qt.supervisor.window import SupervisorWindow
from cti_desk.services.calllog import CallFacts, record
from cti_desk.services.kpi import calls_per_quarter_hour, kpi_rows, local_date
from cti_desk.store.models import CallLogEntry
from cti_desk.telephony.queues import QueueBoard
from cti_desk.telephony.simulator import CallSimulator
from tests.gui.conftest import our_threads

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

T0 = datetime(2026, 11, 23, 10, 0, 0).astimezone()


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def open_window(qtbot, store, tmp_path):
    made = []

    def make(board=None, today: date | None = None, **settings_values):
        settings = QSettings(str(tmp_path / f"s{len(made)}.ini"), QSettings.Format.IniFormat)
        for key, value in settings_values.items():
            settings.setValue(f"supervisor/{key}", value)
        w = SupervisorWindow(store, settings, board=board, today=today)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()
    tasks.shutdown()
    for w in made:
        w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert our_threads() == []


def call(call_id, state, seconds, *, queue="support", agent=None, name=None, number="0312345678",
         ringing_at=()) -> CallUpdate:
    return CallUpdate(call_id=call_id, state=state, raw_number=number, caller_name=name, queue=queue,
                      agent=agent, ts=T0 + timedelta(seconds=seconds), ringing_at=frozenset(ringing_at),
                      source="test")


def test_the_window_has_the_contract_object_names(open_window):
    w = open_window(board=QueueBoard(clock=Clock()))
    assert w.findChild(QWidget, "queueCharts") is w.queue_charts
    assert w.findChild(QWidget, "kpiView") is w.kpi_view


def test_tiles_lists_and_thresholds_follow_the_board(open_window):
    clock = Clock()
    board = QueueBoard(clock=clock, sl_seconds=20)
    w = open_window(board=board)
    feed = w.feed  # what the call source's thread calls
    for iface in ("PJSIP/2001", "PJSIP/2002", "PJSIP/2003"):
        feed.agent_state("support", iface, "available", False)
    feed.agent_state("support", "PJSIP/2003", "paused", True)
    feed.agent_state("orders", "PJSIP/2004", "offline", False)
    feed.handle_update(call("c1", CallState.RINGING, 0))
    feed.handle_update(call("c2", CallState.RINGING, 0))
    feed.handle_update(call("c1", CallState.ANSWERED, 30, agent="PJSIP/2001"))  # 30 s: past the SL
    feed.handle_update(call("c2", CallState.MISSED, 40))  # gave up in the queue
    feed.handle_update(call("c3", CallState.RINGING, 50))
    feed.handle_update(call("c3", CallState.ANSWERED, 55, agent="PJSIP/2002"))  # 5 s: within
    # A caller still waiting, whose name is markup and a control character.
    feed.handle_update(call("c4", CallState.RINGING, 60, name="<b>ヤマダ</b>\x07", number="0398765432"))
    clock.now = T0 + timedelta(seconds=150)  # c4 has waited 90 s
    w.tick()

    tiles = w.queue_charts.tiles
    assert w.queue_charts.queue == "*"  # all queues together first
    assert [tiles.value(k) for k in ("waiting", "longest_wait_s", "offered", "answered", "abandoned")] == [
        "1", "1:30", "4", "2", "1"]
    assert tiles.value("service_level") == "33.3%"  # 1 of (2 answered + 1 abandoned) within 20 s
    assert tiles.value("abandon_rate") == "33.3%"
    assert tiles.value("asa_s") == "17.5 s"  # (30 + 5) / 2
    assert tiles.alert("service_level") and tiles.alert("longest_wait_s")

    w.queue_charts.select_queue("support")
    assert [w.queue_charts.selector.itemData(i) for i in range(w.queue_charts.selector.count())] == [
        "*", "orders", "support"]
    agents = w.queue_charts.agents_model
    rows = [[agents.index(r, c).data() for c in (0, 3)] for r in range(agents.rowCount())]
    assert rows == [["PJSIP/2001", "On a call"], ["PJSIP/2002", "On a call"], ["PJSIP/2003", "Paused"]]
    assert w.queue_charts.agent_bars.heights == [0, 2, 0, 1, 0]
    waiting = w.queue_charts.waiting_model
    assert waiting.rowCount() == 1
    assert waiting.index(0, 2).data() == "<b>ヤマダ</b>"  # shown as the text it is, bell dropped
    assert waiting.index(0, 3).data() == "1:30"

    # The next second: same rows, the wait ticks on (dataChanged, no reset).
    resets = []
    waiting.modelReset.connect(lambda: resets.append(1))
    clock.now += timedelta(seconds=1)
    w.tick()
    assert waiting.index(0, 3).data() == "1:31" and resets == []
    assert w.queue_charts.rolling.point_count() == 2  # one point a second, last hour

    # The caller is answered quickly enough: the longest-wait tile is no longer red.
    feed.handle_update(call("c4", CallState.ANSWERED, 152, agent="PJSIP/2001"))
    w.tick()
    assert tiles.value("waiting") == "0" and not tiles.alert("longest_wait_s")
    assert waiting.rowCount() == 0


def test_thresholds_come_from_the_settings(open_window):
    clock = Clock()
    board = QueueBoard(clock=clock)
    w = open_window(board=board, service_level_target=0.3, longest_wait_limit_s=120)
    board.handle_update(call("c1", CallState.RINGING, 0))
    board.handle_update(call("c1", CallState.ANSWERED, 30, agent="PJSIP/2001"))
    board.handle_update(call("c2", CallState.RINGING, 0))
    board.handle_update(call("c2", CallState.ANSWERED, 5, agent="PJSIP/2002"))
    board.handle_update(call("c3", CallState.RINGING, 10))
    clock.now = T0 + timedelta(seconds=100)  # c3 waits 90 s: under the 120-s limit
    w.tick()
    tiles = w.queue_charts.tiles
    assert tiles.value("service_level") == "50.0%"
    assert not tiles.alert("service_level") and not tiles.alert("longest_wait_s")


def test_the_simulator_moves_the_charts(qtbot, open_window, store):
    w = open_window()  # the window's own board, fed by the source's thread
    numbers = ["0312345678", "0398765432", None]
    sim = CallSimulator(lambda n: numbers, rate=600, seed=7)
    bridge = CallBridge(sim, None, w)
    w.set_bridge(bridge)
    bridge.start()
    charts = w.queue_charts

    def offered() -> int:
        return int(charts.tiles.value("offered").replace(",", "") or 0) if charts.tiles.value("offered") != "—" else 0

    qtbot.waitUntil(lambda: offered() >= 3 and charts.selector.count() >= 3, timeout=20000)
    qtbot.waitUntil(lambda: charts.rolling.point_count() >= 3, timeout=10000)
    snapshot = charts.snapshot
    assert set(snapshot.queues) <= {"support", "orders", "returns"}
    assert snapshot.figures["*"].offered == sum(snapshot.figures[q].offered for q in snapshot.queues)
    w.close()
    assert not bridge.running
    # This window owned the link: the calls it heard are in the call log.
    with store.session() as s:
        logged = set(s.scalars(select(CallLogEntry.call_id)))
    assert len(logged) >= 3 and all(c.startswith("sim-") for c in logged)


def _log(store, call_id, at: datetime, answered: bool) -> None:
    record(store, CallFacts(call_id=call_id, state=CallState.ENDED if answered else CallState.MISSED,
                            rang_at=at, raw_number="0312345678", queue="support",
                            answered_at=at + timedelta(seconds=10) if answered else None,
                            ended_at=at + timedelta(minutes=3)))


def test_kpis_chart_and_exports(qtbot, open_window, store, tmp_path):
    today = local_date(datetime.now(UTC))  # the store's days are Japan days
    at = datetime.combine(today, time(9, 20), tzinfo=timezone(timedelta(hours=9)))
    _log(store, "k1", at, True)
    _log(store, "k2", at + timedelta(minutes=20), False)
    _log(store, "k3", at - timedelta(days=7), True)  # the same weekday last week
    _log(store, "k4", at - timedelta(days=2), True)
    w = open_window(board=QueueBoard(clock=Clock()))
    view = w.kpi_view
    assert (view.start, view.end, view.by) == (today - timedelta(days=6), today, "day")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh()
    expected = kpi_rows(store, today - timedelta(days=6), today, by="day")
    assert view.rows_model.rowCount() == len(expected) == 7
    assert sum(r.calls for r in expected) == 3 and sum(r.missed for r in expected) == 1

    png = tmp_path / "kpi.png"
    assert view.export_png(str(png))
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 0 and image.height() > 0

    path = tmp_path / "kpi.csv"
    view.export_csv(str(path))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel in Japan reads it as UTF-8
    with open(path, encoding="utf-8-sig", newline="") as f:
        lines = list(csv.reader(f))
    assert lines[0] == ["group", "calls", "answered", "missed", "customers", "orders", "order_value",
                        "conversion", "first_time_buyers"]
    assert lines[1:] == [["" if v is None else str(v) for v in r.as_dict().values()] for r in expected]

    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.by_box.setCurrentIndex(view.by_box.findData("month"))
    assert [view.rows_model.index(r, 0).data() for r in range(view.rows_model.rowCount())] == [
        r.group for r in kpi_rows(store, today - timedelta(days=6), today, by="month")]

    # Segments are shown in words; the CSV keeps the contract's codes.
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.by_box.setCurrentIndex(view.by_box.findData("segment"))
    codes = [r.group for r in kpi_rows(store, today - timedelta(days=6), today, by="segment")]
    shown = [view.rows_model.index(r, 0).data() for r in range(view.rows_model.rowCount())]
    assert "unknown" in codes and shown[codes.index("unknown")] == "Unknown"
    unknown = view.rows_model.index(codes.index("unknown"), 0)
    try:  # a switch to Japanese rewords the rows shown, without asking the store again
        i18n.install_language("ja")
        qtbot.waitUntil(lambda: unknown.data() == "不明", timeout=2000)
    finally:
        i18n.install_language("en")
    qtbot.waitUntil(lambda: unknown.data() == "Unknown", timeout=2000)
    view.export_csv(str(path))
    with open(path, encoding="utf-8-sig", newline="") as f:
        assert [line[0] for line in list(csv.reader(f))[1:]] == codes

    # Calls per quarter hour, today against the same weekday last week.
    chart = w.queue_charts.quarter_hours
    with qtbot.waitSignal(w.queue_charts.quarterHoursShown, timeout=10000):
        w.queue_charts.refresh_quarter_hours()  # today, in Japan
    today_counts, last_week = chart.values
    assert today_counts == calls_per_quarter_hour(store, today) and sum(today_counts) == 2
    assert last_week == calls_per_quarter_hour(store, today - timedelta(days=7)) and sum(last_week) == 1


def test_queue_view_exports_a_picture(open_window, tmp_path):
    w = open_window(board=QueueBoard(clock=Clock()))
    png = tmp_path / "queues.png"
    assert w.queue_charts.export_png(str(png))
    assert not QImage(str(png)).isNull()


def test_outside_text_is_plain_in_the_tiles(open_window):
    w = open_window(board=QueueBoard(clock=Clock()))
    labels = w.queue_charts.tiles.findChildren(type(w.source_note))
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_a_busy_floor_ticks_without_making_widgets(open_window):
    """30 queues and 200 agents: a tick only repaints what exists (no widget per tick);
    the agent list keeps its rows (dataChanged, not a reset) while states move."""
    clock = Clock()
    board = QueueBoard(clock=clock)
    w = open_window(board=board)
    queues = [f"q{n:02d}" for n in range(30)]
    agents = [f"PJSIP/{3000 + n}" for n in range(200)]
    for n, iface in enumerate(agents):
        board.agent_state(queues[n % 30], iface, "available", False)
    for n in range(300):
        board.handle_update(call(f"b{n}", CallState.RINGING, n % 60, queue=queues[n % 30]))
    w.tick()
    charts = w.queue_charts
    assert charts.selector.count() == 31 and charts.agents_model.rowCount() == 200
    objects = len(w.findChildren(QObject))
    resets = []
    charts.agents_model.modelReset.connect(lambda: resets.append(1))
    for second in range(1, 6):
        clock.now = T0 + timedelta(seconds=60 + second)
        board.agent_state(queues[second], agents[second], "paused", True)
        w.tick()
    assert len(w.findChildren(QObject)) == objects
    assert resets == []
    assert charts.agents_model.index(1, 3).data() == "Paused"
    assert charts.tiles.value("waiting") == "300"


def test_the_supervisor_role_opens_the_supervisor_window(qtbot, store, tmp_path):
    from argparse import Namespace

    from cti_desk.app.gui import _role_window

    settings = QSettings(str(tmp_path / "role.ini"), QSettings.Format.IniFormat)
    w = _role_window("supervisor", Namespace(agent=None), store, settings, "suzuki", None, None)
    qtbot.addWidget(w)
    assert isinstance(w, SupervisorWindow)
    w.close()
    tasks.shutdown()


def test_the_operator_start_up_does_not_load_pyqtgraph():
    import subprocess
    import sys

    code = ("import sys; import cti_desk.app.cli, cti_desk.app.gui, cti_desk.qt.main_window; "
            "print('pyqtgraph' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "False"


def test_the_models_keep_qt_model_rules(qtmodeltester, open_window, store):
    clock = Clock()
    board = QueueBoard(clock=clock)
    w = open_window(board=board)
    board.agent_state("support", "PJSIP/2001", "available", False)
    board.handle_update(call("m1", CallState.RINGING, 0, name="SUZUKI HANAKO"))
    w.tick()
    qtmodeltester.check(w.queue_charts.agents_model)
    qtmodeltester.check(w.queue_charts.waiting_model)
    w.kpi_view.rows_model.set_rows(kpi_rows(store, date(2026, 11, 1), date(2026, 11, 3), by="day"))
    qtmodeltester.check(w.kpi_view.rows_model)
