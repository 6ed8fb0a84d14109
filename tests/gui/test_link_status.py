"""Nothing fails silently, in the real operator window (offscreen, real SQLite store): the
PBX link's state from a real call bridge and AMI source against the fake Asterisk on
127.0.0.1, and the OMS outbox indicator fed by real dispatcher rounds.

Time is the widget's injected clock (never a sleep): "20 s later" is a clock moved on."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from cti_desk.app.gui import Startup
from cti_desk.domain.link import LinkPhase
from cti_desk.qt.call_bridge import CallBridge
from cti_desk.qt.link_status import RED, clock_time
from cti_desk.services.outbox import outbox_status
from cti_desk.telephony.ami_source import AmiSource
from cti_desk.telephony.sources import parse_source
from tests.gui.test_dial_pause import PbxThread
from tests.retail_factories import FakeOMS, add_retail
from tests.store.test_outbox import NOW, dispatcher, order
from tests.telephony.test_link_reports import CORE_SETTINGS

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def pbx():
    p = PbxThread()
    yield p
    p.close()


def start_bridge(w, pbx: PbxThread, secret: str = "s3cret") -> CallBridge:
    source = AmiSource(parse_source(f"ami://admin:{secret}@127.0.0.1:{pbx.pbx.port}"))
    bridge = CallBridge(source, None, w)
    w.set_bridge(bridge)
    w.health.link.follow(bridge)
    bridge.start()
    return bridge


def shown(w) -> str:
    return w.health.link.label.text()


def test_a_refused_login_shows_refused_and_still_does_20_s_later(qtbot, pbx, window):
    link = window.health.link
    assert link.isHidden()  # no call source yet: nothing to say
    source = AmiSource(parse_source(f"ami://admin:wrong@127.0.0.1:{pbx.pbx.port}"))
    bridge = CallBridge(source, None, window)
    window.set_bridge(bridge)
    link.follow(bridge)
    with qtbot.waitSignal(bridge.sourceStopped, timeout=5000):  # every link state is in before it
        bridge.start()
    assert link.state.phase is LinkPhase.REFUSED
    assert shown(window) == "PBX: refused: authentication failed"
    assert link.isVisible() and RED in link.dot.styleSheet()
    assert "restart" in link.toolTip()

    later = link.state.since + timedelta(seconds=20)  # the status bar's 15-s message is long gone
    link.clock = lambda: later
    link.refresh()
    assert shown(window) == "PBX: refused: authentication failed"
    assert not bridge.running and pbx.pbx.refused_logins == 1  # final: no retry loop
    try:
        window.set_language("ja")  # a live switch re-words it
        qtbot.waitUntil(lambda: shown(window) == "PBX: 接続拒否: 認証に失敗しました", timeout=2000)
    finally:
        window.set_language("en")
    qtbot.waitUntil(lambda: shown(window) == "PBX: refused: authentication failed", timeout=2000)


def test_a_dead_link_shows_reconnecting_then_connected_when_the_pbx_is_back(qtbot, pbx, window):
    pbx.answer("CoreSettings", CORE_SETTINGS)
    link = window.health.link
    start_bridge(window, pbx)
    qtbot.waitUntil(lambda: shown(window) == "PBX: connected (Asterisk 13.18.3 / pbx-tokyo)", timeout=5000)

    pbx.run(pbx.pbx.stop_listening())  # the PBX goes away and stays away
    qtbot.waitUntil(lambda: link.state.phase is LinkPhase.RECONNECTING, timeout=5000)
    state = link.state
    since = clock_time(state.since, state.since)
    assert re.fullmatch(rf"PBX: reconnecting since {since}, (next try in \d+ s|trying now)", shown(window))
    assert "Last connected to: Asterisk 13.18.3 / pbx-tokyo" in link.toolTip()
    # The countdown, on the widget's clock: it ticks each second while reconnecting.
    assert link._ticker.isActive()
    link.clock = lambda: state.next_try - timedelta(seconds=3.5)
    link.refresh()
    assert shown(window) == f"PBX: reconnecting since {since}, next try in 4 s"
    link.clock = lambda: state.next_try + timedelta(seconds=0.2)
    link.refresh()
    assert shown(window) == f"PBX: reconnecting since {since}, trying now"

    # Still down after more attempts: still down since the drop.
    qtbot.waitUntil(lambda: link.state.next_try != state.next_try, timeout=5000)
    assert link.state.since == state.since and link.state.reason == "connection refused"

    pbx.run(pbx.pbx.listen())
    qtbot.waitUntil(lambda: shown(window) == "PBX: connected (Asterisk 13.18.3 / pbx-tokyo)", timeout=8000)
    assert not link._ticker.isActive()


def test_the_startup_wiring_shows_the_simulator_running(qtbot, window, store):
    Startup(QApplication.instance(), window, store, None, store.url, parse_source("sim://?rate=1"))._start_calls()
    qtbot.waitUntil(lambda: shown(window) == "PBX: call simulator running", timeout=5000)


def test_orders_that_fail_show_their_count_and_last_error(qtbot, window, store):
    outbox = window.health.outbox
    qtbot.waitUntil(lambda: outbox.status is not None, timeout=5000)
    assert outbox.isHidden()  # no --oms-url, nothing waiting: nothing to show
    order(store, add_retail(store), 3)
    oms = FakeOMS(script=[422, 503])
    try:
        dispatcher(store, oms, batch=2).run_once(NOW)
    finally:
        oms.close()
    with qtbot.waitSignal(outbox.statusShown, timeout=5000):
        outbox.refresh()  # what its 10-s timer does
    assert outbox.isVisible()
    assert outbox.text().startswith("OMS orders: 2 waiting, 1 failed — last error: HTTP 503")
    assert RED in outbox.styleSheet()
    assert "Refused by the OMS (need a person): 1" in outbox.toolTip()
    assert outbox_status(store).last_error in outbox.toolTip().replace("&quot;", '"')


@pytest.fixture
def oms():
    server = FakeOMS()
    yield server
    server.close()


def test_with_an_oms_the_indicator_says_all_sent(qtbot, oms, make_window):
    w = make_window(oms_url=oms.url)
    qtbot.waitUntil(lambda: w.health.outbox.text() == "OMS: all orders sent", timeout=5000)
    assert w.health.outbox.isVisible()
