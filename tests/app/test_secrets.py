"""No password or token in anything cti-desk prints, nor in what `ps` shows of it
(issue 10, item 5): every error path, `--debug` included, and the process title."""

from __future__ import annotations

import os
import re
import selectors
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from cti_desk.app.cli import main
from cti_desk.domain.redact import argv_secrets, mask_argv, mask_urls, scrub

SECRET = "Sup3rS3cret"
CTI_DESK = Path(sys.executable).with_name("cti-desk")
SAFETY = 30  # seconds: only so a broken build cannot hang the suite


# ---------------------------------------------------------------------------- masking rules


@pytest.mark.parametrize(("text", "shown"), [
    ("ami://cti:Sup3rS3cret@pbx:5038?auth=md5", "ami://cti:***@pbx:5038?auth=md5"),
    ("ami://cti:p@ss@pbx:5038", "ami://cti:***@pbx:5038"),  # an @ in the password
    ("ami://cti@pbx:5038?secret=keyring", "ami://cti@pbx:5038?secret=keyring"),  # where, not what
    ("webhook://0.0.0.0:8080?token=abc&x=1", "webhook://0.0.0.0:8080?token=***&x=1"),
    ("postgresql+psycopg://cti:p%40ss@db:5432/cti", "postgresql+psycopg://cti:***@db:5432/cti"),
    ("postgresql+psycopg://cti@db:5432/cti", "postgresql+psycopg://cti@db:5432/cti"),
    ("could not parse 'postgresql://u:pw@h:xx/d'", "could not parse 'postgresql://u:***@h:xx/d'"),
    ("host=db password=pw dbname=cti", "host=db password=*** dbname=cti"),
    ("sqlite:////var/lib/cti/store.sqlite3", "sqlite:////var/lib/cti/store.sqlite3"),
])
def test_urls_lose_their_secrets_even_when_malformed(text, shown):
    assert mask_urls(text) == shown


def test_command_line_secrets_are_found_and_masked_word_by_word():
    argv = ["--source", "webhook://h:1?token=T0ken", "--token", "Bearer1", "--line-secret", "keyring",
            "--token=Other2", "--db", "postgresql+psycopg://u:p%40ss@h/d", "import", "customers", "a.csv"]
    assert set(argv_secrets(argv)) == {"T0ken", "Bearer1", "Other2", "p%40ss", "p@ss"}
    assert mask_argv(argv) == ["--source", "webhook://h:1?token=***", "--token", "***", "--line-secret",
                               "keyring", "--token=***", "--db", "postgresql+psycopg://u:***@h/d",
                               "import", "customers", "a.csv"]
    assert scrub("login as u with p@ss failed", ["p@ss"]) == "login as u with *** failed"


# ---------------------------------------------------------------------------- every error path


def exit_status(argv: list[str]) -> int:
    """main()'s status, also when argparse itself stops (SystemExit)."""
    try:
        return main(argv)
    except SystemExit as stop:
        return int(stop.code or 0)


def _no_secret(text: str) -> None:
    assert SECRET not in text
    assert "Sup3r" not in text  # not even a part of it


@pytest.mark.parametrize("argv", [
    # a bad AMI URL with its password
    ["monitor", "--source", f"ami://cti:{SECRET}@pbx:notaport"],
    ["monitor", "--source", f"ami://cti:{SECRET}@256.1.1.1:5038"],
    ["monitor", "--source", f"ami://cti:{SECRET}@pbx:5038?ping=never"],
    # argparse echoing what it could not parse
    ["--sorce", f"ami://cti:{SECRET}@pbx:5038", "monitor"],
    [f"ami://cti:{SECRET}@pbx:5038"],
    # a bad database URL with its password
    ["db", "upgrade", "--db", f"postgresql+psycopg://cti:{SECRET}@db:port/cti"],
    ["db", "upgrade", "--db", f"mysql://cti:{SECRET}@db/cti"],
    ["--oms-url", f"ftp://cti:{SECRET}@oms.example/api", "db", "upgrade"],
])
@pytest.mark.parametrize("debug", [[], ["--debug"]])
def test_bad_usage_with_a_secret_never_echoes_it(argv, debug, capsys):
    assert exit_status([*debug, *argv]) == 2
    out, err = capsys.readouterr()
    _no_secret(out + err)
    assert err.count("visible to every user of this machine") == 1
    assert "error: " in err.splitlines()[-1]


@pytest.mark.parametrize("debug", [[], ["--debug"]])
def test_an_unreachable_database_with_a_password_fails_without_it(debug, capsys):
    url = f"postgresql+psycopg://cti:{SECRET}@127.0.0.1:1/cti?connect_timeout=5"
    assert main([*debug, "db", "upgrade", "--db", url]) == 1
    out, err = capsys.readouterr()
    _no_secret(out + err)
    assert err.strip().splitlines()[-1].startswith("cti-desk: database error: ")
    if debug:
        assert "Traceback" in err and "OperationalError" in err  # the detail, for --debug
    else:
        assert "Traceback" not in err


def test_secrets_from_the_environment_are_masked_but_not_warned_about(monkeypatch, capsys):
    monkeypatch.setenv("CTI_DESK_DB", f"postgresql+psycopg://cti:{SECRET}@db:port/cti")
    assert exit_status(["--debug", "db", "upgrade"]) == 2
    err = capsys.readouterr().err
    _no_secret(err)
    assert "visible to every user" not in err  # the environment is the user's own


# ---------------------------------------------------------------------------- the process title


def _cmdline(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/PID/cmdline is Linux's")
def test_a_running_desk_hides_the_secret_from_ps(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    env = {**os.environ, "CTI_DESK_DATA_DIR": str(tmp_path), "CTI_DESK_CONFIG_DIR": str(tmp_path)}
    proc = subprocess.Popen(
        [str(CTI_DESK), "--source", f"webhook://127.0.0.1:0?token={SECRET}", "monitor", "--db", db],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        stderr = _read_until(proc, rb"listening on http://127\.0\.0\.1:\d+")
        title = _cmdline(proc.pid)
        # What every user of the machine reads: the command, its secret masked.
        _no_secret(title)
        assert "token=***" in title and "monitor" in title
        assert stderr.count(b"visible to every user of this machine") == 1
        proc.send_signal(signal.SIGTERM)
        out, rest = proc.communicate(timeout=SAFETY)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0
    _no_secret((out + stderr + rest).decode())


def _read_until(proc: subprocess.Popen, pattern: bytes) -> bytes:
    """stderr up to the line matching `pattern` (the command is then up and running)."""
    seen = b""
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stderr, selectors.EVENT_READ)
        while not re.search(pattern, seen):
            assert sel.select(SAFETY), f"no {pattern!r} on stderr: {seen!r}"
            chunk = os.read(proc.stderr.fileno(), 4096)
            assert chunk, f"cti-desk ended early: {seen!r}"
            seen += chunk
    return seen
