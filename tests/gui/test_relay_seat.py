"""Windows on `--source relay` (offscreen, the test PostgreSQL), wired by the real start-up
(app/gui.py Startup) to a real RelaySource on its call bridge thread. Heartbeats and call
events are written by a real RelayLeader, as `cti-desk relay` writes them.

The operator window: the status bar says "Relay: connected", a banner says when no relay
publishes (none ever ran, its heartbeat is stale, it lost the PBX) and goes when one
does; it pops only the calls ringing at its --agent. The supervisor window: its figures
come from the relay's events, and it writes no call log (the relay does)."""

from __future__ import annotations

import asyncio
from argparse import Namespace
from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select, text

from cti_desk.app.gui import Startup
from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.qt import tasks
from cti_desk.qt.main_window import MainWindow
from cti_desk.qt.relay_banner import RelayBanner
from cti_desk.store.db import open_store
from cti_desk.store.models import CallLogEntry
from cti_desk.telephony.relay_publish import RelayLeader
from cti_desk.telephony.relay_wire import connect_args
from cti_desk.telephony.sources import parse_source

pytestmark = [pytest.mark.gui, pytest.mark.pg, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

WAIT = 10_000  # ms: the source reads the heartbeat every 2 s


@pytest.fixture
def pg_store(pg_url):
    s = open_store(pg_url)
    yield s
    s.dispose()


@pytest.fixture
def seat(qtbot, pg_store, pg_url, tmp_path):
    """`seat(window)`: the window shown and taking its calls from the relay."""
    made = []

    def start(window):
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        startup = Startup(QApplication.instance(), window, pg_store, Namespace(agent=window_agent(window)),
                          pg_url, source_config=parse_source("relay"))
        startup._start_calls()
        made.append(window)
        return window

    yield start
    for w in made:
        w.close()  # stops the call bridge
    tasks.shutdown()
    for w in made:
        w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def window_agent(window) -> str | None:
    return getattr(window, "agent", None)


class Relay:
    """A RelayLeader driven step by step, as `cti-desk relay` drives it."""

    def __init__(self, pg_url: str) -> None:
        self.leader = RelayLeader(connect_args(pg_url, "test relay"), "sim://")
        self.loop = asyncio.new_event_loop()

    def __call__(self, coro):
        return self.loop.run_until_complete(coro)

    def start(self, pbx: str = "connected") -> None:
        self(self.leader.connect())
        assert self(self.leader.try_lock())
        self(self.leader.beat(pbx))

    def call(self, call_id: str, state: CallState, ringing_at=(), queue="support") -> None:
        u = CallUpdate(call_id, state, "0312345678", None, queue, None, datetime.now().astimezone(),
                       ringing_at=frozenset(ringing_at), source="webhook")
        self(self.leader.publish_update(u, {"number": "+81312345678", "resolution": "none", "customer_ids": []}))

    def close(self) -> None:
        self(self.leader.release())
        self(self.leader.close())
        self.loop.close()


@pytest.fixture
def relay(pg_url):
    r = Relay(pg_url)
    yield r
    r.close()


def banner_of(window) -> RelayBanner:
    return window.findChild(RelayBanner, "relayBanner")


def test_the_operator_window_says_when_no_relay_publishes_and_pops_its_own_calls(
        qtbot, seat, pg_store, relay, tmp_path):
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    window = seat(MainWindow(pg_store, "suzuki", "PJSIP/2001", settings))
    banner = banner_of(window)
    link = window.health.link
    qtbot.waitUntil(lambda: banner.isVisible() and "No call relay has run" in banner.headline.text(), timeout=WAIT)
    assert link.label.text() == "Relay: connected"

    relay.start()
    qtbot.waitUntil(banner.isHidden, timeout=WAIT)
    host = relay.leader.host
    qtbot.waitUntil(lambda: link.label.text() == f"Relay: connected (relay on {host})", timeout=WAIT)

    with pg_store.transaction() as s:  # the relay fell silent 30 s ago
        s.execute(text("UPDATE relay_heartbeats SET beat_at = beat_at - interval '30 seconds'"))
    qtbot.waitUntil(lambda: banner.isVisible() and "No heartbeat from the call relay since" in banner.headline.text(),
                    timeout=WAIT)
    assert f"({host})" in banner.headline.text()

    relay(relay.leader.beat("reconnecting"))  # back, but without its PBX
    qtbot.waitUntil(lambda: "has lost the PBX (reconnecting)" in banner.headline.text(), timeout=WAIT)
    relay(relay.leader.beat("connected"))
    qtbot.waitUntil(banner.isHidden, timeout=WAIT)

    relay.call("c-here", CallState.RINGING, ringing_at={"PJSIP/2001"})
    qtbot.waitUntil(lambda: window.current is not None and window.current.call_id == "c-here", timeout=WAIT)
    relay.call("c-there", CallState.RINGING, ringing_at={"PJSIP/2002"})
    relay.call("c-here", CallState.ANSWERED, ringing_at={"PJSIP/2001"})
    qtbot.waitUntil(lambda: window.current.answered_at is not None, timeout=WAIT)
    assert window.current.call_id == "c-here"  # the colleague's call never took the screen


def test_the_supervisor_charts_the_relays_events_and_writes_no_call_log(qtbot, seat, pg_store, relay, tmp_path):
    from cti_desk.qt.supervisor.window import SupervisorWindow

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = seat(SupervisorWindow(pg_store, settings))
    relay.start()
    qtbot.waitUntil(lambda: banner_of(window).isHidden() and window.bridge.source.beat is not None, timeout=WAIT)
    relay.call("c-1", CallState.RINGING)
    relay.call("c-1", CallState.ANSWERED)
    relay.call("c-2", CallState.RINGING)
    relay.call("c-2", CallState.MISSED)

    def figures():
        f = window.feed.snapshot().figures.get("support")
        return (f.offered, f.answered, f.abandoned) if f else None

    qtbot.waitUntil(lambda: figures() == (2, 1, 1), timeout=WAIT)
    with pg_store.session() as s:
        assert s.scalar(select(func.count()).select_from(CallLogEntry)) == 0
