"""Bad settings are refused at start with one clear line (issue 9): `--agent`, `--oms-url`,
where `--source` may be given, no display for the window."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from cti_desk.app.cli import main
from cti_desk.app.display import display_problem
from cti_desk.domain.errors import BadArgument
from cti_desk.services.seat import unseen_agent_warning
from cti_desk.settings.options import agent_interface, oms_url
from cti_desk.store.models import CallLogEntry

CTI_DESK = Path(sys.executable).with_name("cti-desk")
SAFETY = 60  # seconds: only so a broken build cannot hang the suite


def exit_status(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as stop:
        return int(stop.code or 0)


# ---------------------------------------------------------------------------- --agent


@pytest.mark.parametrize("agent", ["PJSIP/2001", "SIP/alice", "Local/2001@from-queue",
                                   "Local/2001@from-queue/n", "IAX2/trunk-1", " pjsip/2001 "])
def test_phone_interfaces_as_asterisk_names_them_are_taken(agent):
    assert agent_interface(agent) == agent.strip()


@pytest.mark.parametrize("agent", ["2001", "PJSIP", "PJSIP/", "/2001", "PJSIP 2001", "PJSIP/20 01",
                                   "PJSIP/2001,SIP/2002", "PJSIP/2001&SIP/2002", "9PJSIP/2001"])
def test_a_bad_agent_is_bad_usage_in_one_line(agent, sqlite_url, capsys):
    with pytest.raises(BadArgument):
        agent_interface(agent)
    assert exit_status(["--agent", agent, "monitor", "--source", "sim://", "--db", sqlite_url]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [err.strip()]  # one line
    assert err.startswith("cti-desk: error: invalid --agent ")
    assert "e.g. PJSIP/2001" in err


def test_the_agent_from_the_environment_is_checked_too(monkeypatch, sqlite_url, capsys):
    monkeypatch.setenv("CTI_DESK_AGENT", "alice")
    assert exit_status(["monitor", "--source", "sim://", "--db", sqlite_url]) == 2
    assert "invalid --agent 'alice'" in capsys.readouterr().err


def _answered_at(store, *agents: str) -> None:
    with store.transaction() as s:
        for i, agent in enumerate(agents):
            s.add(CallLogEntry(call_id=f"c{i}", state="ended", agent=agent,
                               rang_at=datetime(2026, 11, 30, 1, i)))


def test_an_agent_the_call_log_never_saw_is_warned_about_not_refused(store):
    assert unseen_agent_warning(store, "PJSIP/2010") is None  # nothing to compare with yet
    _answered_at(store, "PJSIP/2001", "PJSIP/2002", None)
    assert unseen_agent_warning(store, "PJSIP/2001") is None
    assert unseen_agent_warning(store, "pjsip/2002") is None  # the PBX takes any case
    warning = unseen_agent_warning(store, "PJSIP/2010")
    assert warning is not None
    assert "PJSIP/2001, PJSIP/2002" in warning and "none ever at PJSIP/2010" in warning


def test_monitor_warns_at_start_about_an_unseen_agent(store, store_url, caplog):
    _answered_at(store, "PJSIP/2001")
    # A port already taken ends the monitor right after its start-up checks (exit 1).
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["--agent", "SIP/2001", "monitor", "--source", f"webhook://127.0.0.1:{port}",
                     "--db", store_url])
    assert code == 1
    assert any("none ever at SIP/2001" in r.getMessage() and r.levelname == "WARNING"
               for r in caplog.records)


# ---------------------------------------------------------------------------- --oms-url


@pytest.mark.parametrize("url", ["https://oms.example/api", "http://10.0.0.5:8080", "HTTP://oms.example"])
def test_http_oms_urls_are_taken(url):
    assert oms_url(url) == url


@pytest.mark.parametrize(("url", "reason"), [
    ("oms.example/api", "expected http://"),
    ("ftp://oms.example", "expected http://"),
    ("https://", "no host"),
    ("http:///orders", "no host"),
    ("http://oms.example:port/api", "bad host or port"),
    ("https://oms example/api", "spaces"),
])
def test_a_bad_oms_url_is_bad_usage_in_one_line(url, reason, sqlite_url, capsys):
    assert exit_status(["--oms-url", url, "db", "upgrade", "--db", sqlite_url]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [err.strip()]
    assert err.startswith("cti-desk: error: invalid --oms-url ") and reason in err


# ---------------------------------------------------------------------------- --source


def test_monitor_without_any_source_is_bad_usage(sqlite_url, capsys, monkeypatch):
    monkeypatch.delenv("CTI_DESK_SOURCE", raising=False)
    assert exit_status(["monitor", "--db", sqlite_url]) == 2
    assert "monitor needs a call source: --source URL" in capsys.readouterr().err


@pytest.mark.parametrize("where", ["before", "after", "environment"])
def test_monitor_takes_the_source_before_or_after_the_command_or_from_the_environment(
        where, sqlite_url, capsys, monkeypatch):
    # A malformed source reaching the source parser (exit 2 with its own reason) shows
    # which value the command took.
    source = "sim://?rate=fast"
    argv = {"before": ["--source", source, "monitor"], "after": ["monitor", "--source", source],
            "environment": ["monitor"]}[where]
    if where == "environment":
        monkeypatch.setenv("CTI_DESK_SOURCE", source)
    assert exit_status([*argv, "--db", sqlite_url]) == 2
    assert "rate must be calls per minute" in capsys.readouterr().err


def test_after_the_command_wins_over_before_and_the_environment(sqlite_url, capsys, monkeypatch):
    monkeypatch.setenv("CTI_DESK_SOURCE", "sim://?rate=slow")
    assert exit_status(["--source", "sim://?rate=fast", "monitor", "--source", "sim://?seed=x",
                        "--db", sqlite_url]) == 2
    assert "seed must be a whole number" in capsys.readouterr().err


# ---------------------------------------------------------------------------- no display


@pytest.mark.parametrize(("env", "platform", "problem"), [
    ({}, "linux", "neither DISPLAY nor WAYLAND_DISPLAY"),
    ({"QT_QPA_PLATFORM": "xcb"}, "linux", "QT_QPA_PLATFORM=xcb but DISPLAY is not set"),
    ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "linux", "WAYLAND_DISPLAY is not set"),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", None),
    ({"QT_QPA_PLATFORM": "minimal"}, "linux", None),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", None),
    ({"DISPLAY": "remote.example:10.0"}, "linux", None),  # over the network: Qt's to try
    ({}, "win32", None),
    ({}, "darwin", None),
])
def test_display_problem(env, platform, problem):
    got = display_problem(env, platform)
    if problem is None:
        assert got is None
    else:
        assert got.startswith("no display: ") and problem in got


def test_a_local_x_display_nobody_serves_is_no_display():
    free = next(n for n in range(4000, 4100) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    assert "nothing answers on the X display" in display_problem({"DISPLAY": f":{free}"}, "linux")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland are Linux's")
@pytest.mark.parametrize("qpa", ["xcb", None])
def test_the_window_without_a_display_exits_1_with_one_line(qpa, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(CTI_DESK_DATA_DIR=str(tmp_path), CTI_DESK_CONFIG_DIR=str(tmp_path))
    if qpa:
        env["QT_QPA_PLATFORM"] = qpa
    done = subprocess.run([str(CTI_DESK), "--db", f"sqlite:///{tmp_path / 's.sqlite3'}"],
                          capture_output=True, text=True, env=env, timeout=SAFETY, check=False)
    assert done.returncode == 1  # not an abort (-6)
    assert done.stdout == ""
    assert done.stderr.splitlines() == [done.stderr.strip()]
    assert done.stderr.startswith("cti-desk: no display: ")
