"""`cti-desk find QUERY`: CONTRACT.md "find" paragraph, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from cti_desk.app.cli import main
from cti_desk.store.db import open_store
from tests.factories import add_customer

KEYS = ["customer_id", "name", "name_kana", "member_ids", "phones", "emails", "segment", "match"]


def exit_status(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as stop:  # argparse's own usage errors
        return stop.code


@pytest.fixture
def people(store_url):
    store = open_store(store_url)
    try:
        exact = add_customer(store, name="山田 太郎", kana="ヤマダ タロウ", phones=("03-1234-5678",), member_id="M0001001")
        prefix = add_customer(store, name="山田 太郎丸", kana="ヤマダ タロウマル", phones=("090-1111-2222",))
        substring = add_customer(store, name="小山田 太郎", kana="オヤマダ タロウ", phones=())
        add_customer(store, name="鈴木 一郎", kana="スズキ イチロウ", phones=("06-9999-0000",))
    finally:
        store.dispose()
    return store_url, exact, prefix, substring


def lines(capsys) -> list[dict]:
    out = capsys.readouterr().out
    assert out == "" or out.endswith("\n")
    return [json.loads(line, object_pairs_hook=lambda pairs: pairs) for line in out.splitlines()]


def test_json_lines_best_match_first_with_the_contract_keys(people, capsys):
    url, exact, prefix, substring = people
    assert main(["find", "やまだたろう", "--db", url]) == 0
    rows = lines(capsys)
    assert [[k for k, _v in row] for row in rows] == [KEYS] * 3  # exact key set and order
    rows = [dict(row) for row in rows]
    assert [(r["customer_id"], r["match"]) for r in rows] == [(exact, "exact"), (prefix, "prefix"),
                                                               (substring, "substring")]
    assert rows[0] == {"customer_id": exact, "name": "山田 太郎", "name_kana": "ヤマダ タロウ",
                       "member_ids": ["M0001001"], "phones": ["+81312345678"], "emails": [],
                       "segment": "prospect", "match": "exact"}


@pytest.mark.parametrize("query", ["ﾔﾏﾀﾞ ﾀﾛｳ", "山田太郎", "m0001001", "03-1234-5678", "2345"])
def test_the_forms_an_operator_types(people, capsys, query):
    url, exact, _prefix, _substring = people
    assert main(["find", query, "--db", url, "--limit", "1"]) == 0
    assert [dict(r)["customer_id"] for r in lines(capsys)] == [exact]


def test_nothing_found_is_success_with_no_lines(people, capsys):
    url = people[0]
    assert main(["find", "存在しない", "--db", url]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("argv", [
    ["find", ""], ["find", "   "], ["find", "山田", "--limit", "0"], ["find", "山田", "--limit", "-3"],
    ["find", "山田", "--limit", "many"], ["find"],
])
def test_bad_usage_is_exit_2(sqlite_url, capsys, argv):
    assert exit_status([*argv, "--db", sqlite_url]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err and captured.err.strip()
