"""`cti-desk check`: one line per item, exit 0 when all are ok, 1 otherwise, no secret in
what it prints (CONTRACT.md "Command line"). Against the project's fake Asterisk on
127.0.0.1, real SQLite and PostgreSQL stores, a local HTTP server for the OMS and closed
ports for what does not answer."""

from __future__ import annotations

import http.server
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from cti_desk.app.cli import main
from cti_desk.store.db import Store, _alembic_config, head_revision
from tests.diagnostics_harness import answering_pbx, closed_port

CTI_DESK = Path(sys.executable).with_name("cti-desk")
SAFETY = 60  # seconds: only so a broken build cannot hang the suite


@pytest.fixture
def pbx():
    with answering_pbx() as p:
        yield p


class _Oms(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def oms():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Oms)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api"
    server.shutdown()
    server.server_close()
    thread.join(5)


def check(argv: list[str], capsys) -> tuple[int, dict[str, tuple[str, str]], str]:
    """Exit status, {item: (status, detail)} and everything printed."""
    try:
        code = main(["check", *argv])
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    rows = {}
    for line in out.splitlines():
        item = line[:12].strip()
        status, _, detail = line[13:].partition(" ")
        rows[item] = (status, detail.strip())
    return code, rows, out + err


def test_a_good_desk_is_all_ok_and_says_the_pbx_version(store, pbx, oms, capsys):
    code, rows, printed = check(["--db", store.url, "--source",
                                 f"ami://admin:s3cret@127.0.0.1:{pbx.pbx.port}", "--oms-url", oms], capsys)
    assert code == 0, printed
    assert list(rows) == ["store", "call source", "OMS", "log file"]
    assert rows["store"] == ("ok", f"{_shown(store.url)}: schema {head_revision(store.engine)} (current)")
    assert rows["call source"] == ("ok", f"ami://admin@127.0.0.1:{pbx.pbx.port}: logged in, "
                                         "Asterisk 13.18.3 / pbx-tokyo")
    assert rows["OMS"][0] == "ok" and rows["OMS"][1].startswith(f"{oms}: answered HTTP 404 in ")
    assert rows["log file"] == ("info", str(Path(os.environ["CTI_DESK_LOG_DIR"]) / "cti-desk.log"))
    assert "s3cret" not in printed


def _shown(url: str) -> str:
    return url.removeprefix("sqlite:///") if url.startswith("sqlite") else url


def test_a_refused_login_fails_the_source_and_exits_1(sqlite_store_url, pbx, capsys):
    code, rows, printed = check(["--db", sqlite_store_url, "--source",
                                 f"ami://admin:wrong-pw@127.0.0.1:{pbx.pbx.port}?auth=md5"], capsys)
    assert code == 1
    assert rows["store"][0] == "ok"
    assert rows["call source"] == ("FAILED", f"ami://admin@127.0.0.1:{pbx.pbx.port}: authentication "
                                             "failed: check the AMI user and secret (manager.conf)")
    assert "wrong-pw" not in printed
    assert pbx.pbx.refused_logins == 1  # tried once, no retry loop


def test_a_pbx_that_is_not_there_says_connection_refused(sqlite_store_url, capsys):
    port = closed_port()
    code, rows, _ = check(["--db", sqlite_store_url, "--source", f"ami://admin:pw@127.0.0.1:{port}"], capsys)
    assert code == 1
    status, detail = rows["call source"]
    assert status == "FAILED" and detail.startswith(f"ami://admin@127.0.0.1:{port}: connection refused")


@pytest.fixture
def sqlite_store_url(sqlite_url):
    from cti_desk.store.db import open_store

    open_store(sqlite_url).dispose()
    return sqlite_url


def test_a_store_in_a_missing_folder_is_not_made_and_fails(tmp_path, capsys):
    where = tmp_path / "no-such-folder" / "store.sqlite3"
    code, rows, _ = check(["--db", f"sqlite:///{where}", "--source", "sim://"], capsys)
    assert code == 1
    assert rows["store"] == ("FAILED", f"{where}: its folder {where.parent} does not exist")
    assert rows["call source"] == ("ok", "sim://?rate=6: the simulator (demo calls, no PBX)")
    assert not where.parent.exists()  # a check changes nothing


def test_a_postgresql_store_on_a_closed_port_fails_without_its_password(capsys):
    port = closed_port()
    url = f"postgresql+psycopg://cti:pg-pass-42@127.0.0.1:{port}/cti"
    code, rows, printed = check(["--db", url, "--source", "sim://"], capsys)
    assert code == 1
    status, detail = rows["store"]
    assert status == "FAILED"
    assert detail.startswith(f"postgresql+psycopg://cti:***@127.0.0.1:{port}/cti: not reachable: ")
    assert "refused" in detail.lower()
    assert "pg-pass-42" not in printed


def _store_at(url: str, revision: str) -> None:
    from alembic import command

    store = Store(url)
    try:
        command.upgrade(_alembic_config(store.engine), revision)
    finally:
        store.dispose()


def test_an_older_schema_says_to_run_db_upgrade(sqlite_url, capsys):
    _store_at(sqlite_url, "0008")
    code, rows, _ = check(["--db", sqlite_url, "--source", "sim://"], capsys)
    assert code == 1
    status, detail = rows["store"]
    assert status == "FAILED"
    store = Store(sqlite_url)
    head = head_revision(store.engine)
    assert detail.endswith(f": schema 0008, older than this cti-desk's {head} (run `cti-desk db upgrade`)")
    try:  # the check upgraded nothing
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0008"
    finally:
        store.dispose()


def test_a_newer_schema_says_upgrade_cti_desk(sqlite_store_url, capsys):
    store = Store(sqlite_store_url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    store.dispose()
    code, rows, _ = check(["--db", sqlite_store_url, "--source", "sim://"], capsys)
    assert code == 1
    assert rows["store"][0] == "FAILED"
    assert "written by a newer cti-desk (schema 0099" in rows["store"][1]


def test_no_source_is_a_failure_a_desk_without_pops_has(sqlite_store_url, monkeypatch, capsys):
    monkeypatch.delenv("CTI_DESK_SOURCE", raising=False)
    code, rows, _ = check(["--db", sqlite_store_url], capsys)
    assert code == 1
    assert rows["call source"][0] == "FAILED" and rows["call source"][1].startswith("none set")


def test_the_oms_on_a_closed_port_fails(sqlite_store_url, capsys):
    port = closed_port()
    code, rows, printed = check(["--db", sqlite_store_url, "--source", "sim://",
                                 "--oms-url", f"http://orders:oms-pw-9@127.0.0.1:{port}/api"], capsys)
    assert code == 1
    assert rows["OMS"] == ("FAILED", f"http://orders:***@127.0.0.1:{port}/api: not reachable: connection refused")
    assert "oms-pw-9" not in printed


def test_the_keyring_entry_is_checked_never_shown(sqlite_store_url, pbx, memory_keyring, capsys):
    source = f"ami://admin@127.0.0.1:{pbx.pbx.port}?secret=keyring"
    entry = ("cti-desk", f"ami://admin@127.0.0.1:{pbx.pbx.port}")
    code, rows, _ = check(["--db", sqlite_store_url, "--source", source], capsys)
    assert code == 1
    assert rows["keyring"] == ("FAILED", f"service 'cti-desk', username '{entry[1]}': no entry "
                                         f"(keyring set cti-desk {entry[1]})")
    assert rows["call source"][0] == "FAILED"

    memory_keyring.set_password(*entry, "s3cret")
    code, rows, printed = check(["--db", sqlite_store_url, "--source", source], capsys)
    assert code == 0, printed
    assert rows["keyring"] == ("ok", f"service 'cti-desk', username '{entry[1]}': present")
    assert rows["call source"][1].endswith("logged in, Asterisk 13.18.3 / pbx-tokyo")
    assert "s3cret" not in printed


def test_a_webhook_port_free_or_taken(sqlite_store_url, capsys):
    port = closed_port()
    code, rows, _ = check(["--db", sqlite_store_url, "--source", f"webhook://127.0.0.1:{port}?token=t0ken-x"],
                          capsys)
    assert code == 0
    assert rows["call source"] == ("ok", f"webhook://127.0.0.1:{port}: the port can be bound")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        code, rows, printed = check(["--db", sqlite_store_url, "--source",
                                     f"webhook://127.0.0.1:{port}?token=t0ken-x"], capsys)
    assert code == 1
    assert rows["call source"] == ("FAILED", f"webhook://127.0.0.1:{port}: port {port} is in use "
                                             "(another cti-desk or program listens there)")
    assert "t0ken-x" not in printed


# -- the relay's heartbeat (PostgreSQL) ----------------------------------------------------


def _beat(store: Store, seconds_ago: int, pbx: str = "connected") -> None:
    with store.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO relay_heartbeats (relay_id, host, pid, source, active, pbx, started_at, beat_at) "
            "VALUES ('r1', 'relay-host', 4242, 'ami://relay@pbx:5038', true, :pbx, "
            "now() AT TIME ZONE 'utc', (now() AT TIME ZONE 'utc') - make_interval(secs => :ago))"),
            {"pbx": pbx, "ago": seconds_ago})


@pytest.mark.pg
def test_the_relay_heartbeat_fresh_stale_or_none(pg_url, capsys):
    store = Store(pg_url)
    try:
        code, rows, _ = check(["--db", pg_url, "--source", "relay"], capsys)
        assert code == 1
        assert rows["call source"][0] == "FAILED"
        assert rows["call source"][1].startswith("relay: no relay has ever published calls to this store")

        _beat(store, 1)
        code, rows, printed = check(["--db", pg_url, "--source", "relay"], capsys)
        assert code == 0, printed
        status, detail = rows["call source"]
        assert status == "ok" and detail.startswith("relay: relay-host pid 4242, last heartbeat ")
        assert detail.endswith(" s ago, PBX connected")

        with store.engine.begin() as conn:
            conn.execute(text("DELETE FROM relay_heartbeats"))
        _beat(store, 60)
        code, rows, _ = check(["--db", pg_url, "--source", "relay"], capsys)
        assert code == 1
        status, detail = rows["call source"]
        assert status == "FAILED" and detail.startswith("relay: its last heartbeat is 6")
        assert detail.endswith("s ago (relay-host pid 4242): is `cti-desk relay` running?")
    finally:
        store.dispose()


def test_the_relay_needs_a_postgresql_store(sqlite_store_url, capsys):
    code, rows, _ = check(["--db", sqlite_store_url, "--source", "relay"], capsys)
    assert code == 1
    assert rows["call source"][0] == "FAILED" and "PostgreSQL" in rows["call source"][1]


# -- the real command ----------------------------------------------------------------------


def test_the_command_as_the_it_person_runs_it(sqlite_store_url, pbx, oms, tmp_path):
    """The installed `cti-desk check`, its secrets in the environment as the README says."""
    env = {**os.environ, "CTI_DESK_SOURCE": f"ami://admin:s3cret@127.0.0.1:{pbx.pbx.port}",
           "CTI_DESK_OMS_URL": oms.replace("http://", "http://orders:oms-pw-9@"),
           "CTI_DESK_LOG_DIR": str(tmp_path / "logs")}
    run = subprocess.run([str(CTI_DESK), "check", "--db", sqlite_store_url], check=False, env=env, capture_output=True,
                         text=True, timeout=SAFETY)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["store", "call", "OMS", "log"]
    assert all(line.split()[-1] != "FAILED" for line in lines)
    assert "Asterisk 13.18.3 / pbx-tokyo" in lines[1]
    assert "http://orders:***@127.0.0.1:" in lines[2]
    assert lines[3].split(None, 3)[3] == str(tmp_path / "logs" / "cti-desk.log")
    assert run.stderr == ""  # the AMI client's own lines go to the log file, not over the report
    logged = (tmp_path / "logs" / "cti-desk-check.log").read_text("utf-8")
    assert "call source ok" in logged
    for secret in ("s3cret", "oms-pw-9"):
        assert secret not in run.stdout + run.stderr + logged

    pbx.run(pbx.pbx.stop_listening())
    run = subprocess.run([str(CTI_DESK), "check", "--db", sqlite_store_url], check=False, env=env, capture_output=True,
                         text=True, timeout=SAFETY)
    assert run.returncode == 1
    assert "connection refused" in run.stdout.splitlines()[1] and " FAILED " in run.stdout.splitlines()[1]


def test_debug_writes_more_detail_to_the_log_file(sqlite_store_url, tmp_path):
    env = {**os.environ, "CTI_DESK_LOG_DIR": str(tmp_path / "logs")}
    run = subprocess.run([str(CTI_DESK), "--debug", "check", "--db", sqlite_store_url, "--source", "sim://"],
                         check=False, env=env, capture_output=True, text=True, timeout=SAFETY)
    assert run.returncode == 0, run.stdout + run.stderr
    logged = (tmp_path / "logs" / "cti-desk-check.log").read_text("utf-8")
    assert " DEBUG " in logged and " INFO " in logged
