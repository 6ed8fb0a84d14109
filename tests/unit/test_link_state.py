"""How the link's state moves: down since the first failure, refused until a restart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cti_desk.domain.link import AUTH_FAILED, LinkPhase, LinkReporter, LinkState, pbx_detail
from cti_desk.telephony.ami.message import Message

T0 = datetime(2026, 11, 23, 1, 2, 11, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def reporter() -> tuple[LinkReporter, list[LinkState], Clock]:
    seen: list[LinkState] = []
    clock = Clock()
    return LinkReporter("ami://cti@pbx:5038", seen.append, via="ami", clock=clock), seen, clock


def test_a_link_that_keeps_failing_stays_down_since_its_first_failure():
    link, seen, clock = reporter()
    link.announce()
    clock.advance(1)
    link.move(LinkPhase.CONNECTED, detail="Asterisk Call Manager/9.0.0")
    clock.advance(60)
    link.move(LinkPhase.RECONNECTING, reason="the PBX closed the connection", retry_in=0.2)
    dropped_at = clock.now
    for delay in (0.4, 0.8, 1.6, 3.0):
        clock.advance(5)
        link.move(LinkPhase.RECONNECTING, reason="connection refused", retry_in=delay)
        assert link.state.since == dropped_at
        assert link.state.next_try == clock.now + timedelta(seconds=delay)
    assert [s.phase for s in seen] == ["connecting", "connected"] + ["reconnecting"] * 5
    assert link.state.reason == "connection refused"
    assert link.state.detail == "Asterisk Call Manager/9.0.0"  # "last connected to"
    clock.advance(2)
    back = link.move(LinkPhase.CONNECTED, detail="Asterisk Call Manager/9.0.0")
    assert (back.since, back.reason, back.next_try) == (clock.now, "", None)


def test_a_link_that_never_came_up_is_down_since_the_start():
    link, _seen, clock = reporter()
    started = link.state.since
    clock.advance(5)
    link.move(LinkPhase.RECONNECTING, reason="connection refused", retry_in=0.2)
    assert link.state.since == started


def test_more_about_the_pbx_keeps_the_connected_since():
    link, seen, clock = reporter()
    link.move(LinkPhase.CONNECTED, detail="Asterisk Call Manager/9.0.0")
    login = link.state.since
    clock.advance(0.1)
    link.move(LinkPhase.CONNECTED, detail="Asterisk 18.20.0 / pbx-tokyo")
    assert (link.state.since, link.state.detail) == (login, "Asterisk 18.20.0 / pbx-tokyo")
    link.move(LinkPhase.CONNECTED, detail="Asterisk 18.20.0 / pbx-tokyo")
    assert len(seen) == 2  # no change, no report


def test_refused_is_final_until_a_restart():
    link, seen, clock = reporter()
    link.move(LinkPhase.REFUSED, reason=AUTH_FAILED)
    clock.advance(20)
    for phase in (LinkPhase.STOPPED, LinkPhase.RECONNECTING, LinkPhase.CONNECTED):
        link.move(phase, reason="later news")
    assert link.state.phase is LinkPhase.REFUSED and link.state.reason == AUTH_FAILED
    assert link.state.final and [s.phase for s in seen] == ["refused"]


def test_next_try_counts_whole_seconds_up_and_never_below_zero():
    state = LinkState(LinkPhase.RECONNECTING, T0, next_try=T0 + timedelta(seconds=3.2))
    assert state.seconds_to_next_try(T0) == 4
    assert state.seconds_to_next_try(T0 + timedelta(seconds=3)) == 1
    assert state.seconds_to_next_try(T0 + timedelta(seconds=9)) == 0
    assert LinkState(LinkPhase.CONNECTED, T0).seconds_to_next_try(T0) is None


def test_a_failing_report_never_breaks_the_source():
    def broken(_state):
        raise RuntimeError("the widget is gone")

    link = LinkReporter("sim://", broken)
    assert link.move(LinkPhase.CONNECTED).phase is LinkPhase.CONNECTED


def test_reason_is_one_bounded_line():
    link, _seen, _clock = reporter()
    link.move(LinkPhase.RECONNECTING, reason="first line\nsecond\x00 line " + "x" * 500)
    assert link.state.reason.startswith("first line") and len(link.state.reason) <= 200
    assert "\n" not in link.state.reason


def test_pbx_detail_prefers_core_settings_over_the_banner():
    settings = Message([("Response", "Success"), ("AMIversion", "2.10.3"),
                        ("AsteriskVersion", "13.18.3"), ("SystemName", "pbx-tokyo")])
    assert pbx_detail("Asterisk Call Manager/2.10.3", settings) == "Asterisk 13.18.3 / pbx-tokyo"
    unnamed = Message([("Response", "Success"), ("AsteriskVersion", "18.20.0"), ("SystemName", "")])
    assert pbx_detail("Asterisk Call Manager/9.0.0", unnamed) == "Asterisk 18.20.0"
    assert pbx_detail("Asterisk Call Manager/9.0.0") == "Asterisk Call Manager/9.0.0"
    assert pbx_detail(None) == ""
