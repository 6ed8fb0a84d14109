"""`cti-desk audit`: the audit log by customer, person and Japan date, in the three formats,
on SQLite and PostgreSQL; bad usage exits 2 with one line."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest

from cti_desk.app.cli import main
from cti_desk.services import audit
from cti_desk.store.db import open_store

KEYS = ["id", "at", "person", "desk", "action", "customer_id", "call_id", "detail"]


def exit_status(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as stop:  # argparse's own usage errors
        return stop.code


@pytest.fixture
def logged(store_url):
    store = open_store(store_url)
    try:
        with store.transaction() as s:
            audit.record(s, "sato", "customer.open", 7, "call-1", desk="desk-1", at=datetime(2026, 11, 1, 14, 59))
            audit.record(s, "sato", "order.place", 7, "call-1", "CC-20261102-1 1点 合計4,980円", desk="desk-1",
                         at=datetime(2026, 11, 1, 15, 0))
            audit.record(s, "kiosk:S-SHIBUYA", "kiosk.customer_lookup", 9, desk="kiosk-1",
                         detail="shop=S-SHIBUYA by=phone", at=datetime(2026, 11, 3, 1, 0))
    finally:
        store.dispose()
    return store_url


def test_json_lines_newest_first_with_japan_times(logged, capsys):
    assert main(["audit", "--db", logged, "--format", "json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [list(r) for r in rows] == [KEYS] * 3
    assert [(r["at"], r["person"], r["desk"], r["action"], r["customer_id"]) for r in rows] == [
        ("2026-11-03T10:00:00+09:00", "kiosk:S-SHIBUYA", "kiosk-1", "kiosk.customer_lookup", 9),
        ("2026-11-02T00:00:00+09:00", "sato", "desk-1", "order.place", 7),
        ("2026-11-01T23:59:00+09:00", "sato", "desk-1", "customer.open", 7)]
    assert rows[2]["call_id"] == "call-1" and rows[0]["call_id"] is None


def test_filters_by_customer_person_and_dates(logged, capsys):
    def actions(*argv: str) -> list[str]:
        assert main(["audit", "--db", logged, "--format", "json", *argv]) == 0
        return [json.loads(line)["action"] for line in capsys.readouterr().out.splitlines()]

    assert actions("--customer", "9") == ["kiosk.customer_lookup"]
    assert actions("--person", "sato") == ["order.place", "customer.open"]
    assert actions("--person", "sato", "--from", "2026-11-02") == ["order.place"]
    assert actions("--to", "2026-11-01") == ["customer.open"]
    assert actions("--from", "2026-11-02", "--to", "2026-11-02") == ["order.place"]
    assert actions("--customer", "8") == []
    assert actions("--limit", "1") == ["kiosk.customer_lookup"]


def test_csv_has_a_header_and_quotes_what_needs_it(logged, capsys):
    assert main(["audit", "--db", logged, "--format", "csv", "--person", "sato"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == KEYS
    assert rows[1][1:] == ["2026-11-02T00:00:00+09:00", "sato", "desk-1", "order.place", "7", "call-1",
                       "CC-20261102-1 1点 合計4,980円"]
    assert len(rows) == 3


def test_table_for_people(logged, capsys):
    assert main(["audit", "--db", logged, "--customer", "7"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == KEYS
    assert out[1].split()[1:7] == ["2026-11-02", "00:00:00", "sato", "desk-1", "order.place", "7"]
    assert out[1].endswith("CC-20261102-1 1点 合計4,980円")
    assert out[2].split()[1:] == ["2026-11-01", "23:59:00", "sato", "desk-1", "customer.open", "7", "call-1"]
    assert len(out) == 3


@pytest.mark.parametrize("argv", [
    ["--from", "2026-13-01"], ["--to", "yesterday"], ["--from", "2026-11-05", "--to", "2026-11-01"],
    ["--customer", "seven"], ["--limit", "0"], ["--format", "xml"],
])
def test_bad_usage_exits_2_with_one_line(sqlite_url, capsys, argv):
    assert exit_status(["audit", "--db", sqlite_url, *argv]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err and "Traceback" not in "\n".join(err)
    assert err[-1].startswith(("cti-desk: error:", "usage:")) or "error:" in err[-1]


def test_a_pin_set_from_the_command_line_names_who_set_it(sqlite_url, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("482913\n"))
    assert main(["--operator", "kato", "kiosk", "set-pin", "--db", sqlite_url]) == 0
    capsys.readouterr()
    assert main(["audit", "--db", sqlite_url, "--person", "kato", "--format", "json"]) == 0
    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (row["person"], row["action"], row["detail"]) == ("kato", "kiosk.pin_set", "")
    assert row["desk"]  # this computer
