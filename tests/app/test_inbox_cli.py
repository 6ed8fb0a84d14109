"""`cti-desk inbox` as a user runs it: bad usage, the real process answering, its secrets
(command line, environment, keyring) never printed, a port already taken."""

from __future__ import annotations

import json
import os
import re
import selectors
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from cti_desk.app.cli import main
from cti_desk.domain.line_webhook import sign
from cti_desk.store.db import open_store
from tests.app.inbox_harness import customer_of, history, line_doc

CTI_DESK = Path(sys.executable).with_name("cti-desk")
ROOT = Path(__file__).resolve().parents[2]
TOKEN = "Inb0xT0kenXYZ"
LINE_SECRET = "L1neS3cretABC"
SAFETY = 30  # seconds: only so a broken build cannot hang the suite


def exit_status(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as stop:
        return int(stop.code or 0)


@pytest.mark.parametrize("listen", ["nonsense", "127.0.0.1", "127.0.0.1:99999", "127.0.0.1:http",
                                    "::1:8088", ":8088"])
def test_a_bad_listen_address_is_bad_usage(listen, sqlite_url, capsys):
    assert exit_status(["inbox", "--listen", listen, "--db", sqlite_url]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("cti-desk: error: --listen ")


def test_a_missing_token_is_bad_usage(sqlite_url, capsys, monkeypatch):
    monkeypatch.delenv("CTI_DESK_INBOX_TOKEN", raising=False)
    assert exit_status(["inbox", "--listen", "127.0.0.1:0", "--db", sqlite_url]) == 2
    assert capsys.readouterr().err.strip() == (
        "cti-desk: error: inbox needs a bearer token for POST /inquiries and /oms/status: "
        "--token T, --token keyring or CTI_DESK_INBOX_TOKEN")


def test_a_keyring_without_the_entry_is_bad_usage(sqlite_url, capsys, memory_keyring):
    memory_keyring.set_password("cti-desk", "inbox-token", TOKEN)
    argv = ["inbox", "--listen", "127.0.0.1:0", "--db", sqlite_url, "--token", "keyring",
            "--line-secret", "keyring"]
    assert exit_status(argv) == 2
    err = capsys.readouterr().err
    assert err.strip() == "cti-desk: error: no LINE channel secret in the keyring: service 'cti-desk', username 'line'"
    assert TOKEN not in err


# ---------------------------------------------------------------------------- the real process


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CTI_DESK_INBOX_TOKEN", "CTI_DESK_LINE_SECRET")}
    return {**env, "CTI_DESK_DATA_DIR": str(tmp_path), "CTI_DESK_CONFIG_DIR": str(tmp_path), **extra}


def _read_until(proc: subprocess.Popen, pattern: bytes) -> tuple[bytes, re.Match]:
    seen = b""
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stderr, selectors.EVENT_READ)
        while not (m := re.search(pattern, seen)):
            assert sel.select(SAFETY), f"no {pattern!r} on stderr: {seen!r}"
            chunk = os.read(proc.stderr.fileno(), 4096)
            assert chunk, f"cti-desk ended early: {seen!r}"
            seen += chunk
    return seen, m


def _http(port: int, path: str, body: bytes | None = None, headers: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, headers=headers or {},
                                     method="POST" if body is not None else "GET")
    try:
        with urllib.request.urlopen(request, timeout=SAFETY) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


class Inbox:
    """`cti-desk inbox` on a free port; stderr read up to its listening line."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen([str(CTI_DESK), "inbox", "--listen", "127.0.0.1:0", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.stderr, m = _read_until(self.proc, rb"inbox: listening on 127\.0\.0\.1:(\d+)\n")
        self.port = int(m[1])

    def stop(self) -> tuple[int, str]:
        self.proc.send_signal(signal.SIGTERM)
        out, rest = self.proc.communicate(timeout=SAFETY)
        return self.proc.returncode, (out + self.stderr + rest).decode()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()


def test_the_command_answers_and_never_prints_its_secrets(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    inbox = Inbox(["--db", db, "--token", TOKEN, "--line-secret", LINE_SECRET], _env(tmp_path))
    try:
        title = Path(f"/proc/{inbox.proc.pid}/cmdline").read_bytes().decode("utf-8", "replace")
        assert TOKEN not in title and LINE_SECRET not in title  # what `ps` shows every user
        assert _http(inbox.port, "/health") == (200, {"status": "ok"})
        body = line_doc("follow.json")
        assert _http(inbox.port, "/line", body, {"X-Line-Signature": sign(LINE_SECRET.encode(), body)})[0] == 200
        form = json.dumps({"id": "Q1", "channel": "app", "external_id": "A1", "text": "ログインできません"}).encode()
        assert _http(inbox.port, "/inquiries", form, {"Authorization": f"Bearer {TOKEN}"})[0] == 201
        status, printed = inbox.stop()
    finally:
        inbox.kill()
    assert status == 0
    assert TOKEN not in printed and LINE_SECRET not in printed
    assert printed.count("visible to every user of this machine") == 1
    store = open_store(db)
    try:
        assert customer_of(store, "line", "U3d3edab4f36c6292e6d8a8131f141b8b") is not None
        assert [r.subject for r in history(store, customer_of(store, "app", "A1"))] == ["ログインできません"]
    finally:
        store.dispose()


def test_secrets_from_the_keyring(tmp_path):
    keys = tmp_path / "keyring.json"
    keys.write_text(json.dumps({"cti-desk/inbox-token": TOKEN, "cti-desk/line": LINE_SECRET}), "utf-8")
    env = _env(tmp_path, PYTHON_KEYRING_BACKEND="tests.app.file_keyring.FileKeyring",
               CTI_DESK_TEST_KEYRING=str(keys), PYTHONPATH=str(ROOT))
    db = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    inbox = Inbox(["--db", db, "--token", "keyring", "--line-secret", "keyring"], env)
    try:
        form = json.dumps({"id": "Q1", "channel": "ec", "external_id": "E1", "text": "在庫はありますか"}).encode()
        assert _http(inbox.port, "/inquiries", form, {"Authorization": "Bearer keyring"})[0] == 401
        assert _http(inbox.port, "/inquiries", form, {"Authorization": f"Bearer {TOKEN}"})[0] == 201
        body = line_doc("follow.json")
        assert _http(inbox.port, "/line", body, {"X-Line-Signature": sign(LINE_SECRET.encode(), body)})[0] == 200
        status, printed = inbox.stop()
    finally:
        inbox.kill()
    assert status == 0 and "visible to every user" not in printed
    assert TOKEN not in printed and LINE_SECRET not in printed


def test_a_port_already_taken_is_one_line_and_exit_1(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    open_store(db).dispose()  # an up-to-date store: nothing else to say
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([str(CTI_DESK), "inbox", "--listen", f"127.0.0.1:{port}", "--db", db],
                              check=False, capture_output=True, text=True, timeout=SAFETY,
                              env=_env(tmp_path, CTI_DESK_INBOX_TOKEN=TOKEN,
                                       CTI_DESK_LINE_SECRET=LINE_SECRET))
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("cti-desk: ") and "address already in use" in line, line
    assert TOKEN not in done.stderr and LINE_SECRET not in done.stderr
