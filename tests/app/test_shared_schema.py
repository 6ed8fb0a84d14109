"""Only `cti-desk db upgrade` changes a shared PostgreSQL store's schema (issue 15): the
commands that use a store (find, monitor, relay...) refuse one a schema behind with the
command to run, and change nothing; `db upgrade` then brings it up and they work. A
desk-local SQLite file is still brought up to date when opened."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from cti_desk.app.cli import main
from cti_desk.store.db import Store, _alembic_config, current_revision, head_revision


def one_schema_back(url: str) -> tuple[str, str]:
    store = Store(url)
    try:
        cfg = _alembic_config(store.engine)
        head = head_revision(store.engine)
        older = ScriptDirectory.from_config(cfg).get_revision(head).down_revision
        if current_revision(store.engine) is None:
            command.upgrade(cfg, older)
        else:
            command.downgrade(cfg, older)
        return older, head
    finally:
        store.dispose()


def revision(url: str) -> str | None:
    store = Store(url)
    try:
        return current_revision(store.engine)
    finally:
        store.dispose()


@pytest.mark.pg
@pytest.mark.parametrize("argv", [["find", "山田"], ["kpi"], ["monitor", "--source", "sim://?rate=600"]])
def test_a_command_refuses_an_older_shared_store_and_changes_nothing(pg_url, capsys, argv):
    older, head = one_schema_back(pg_url)
    assert main([*argv, "--db", pg_url]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"cti-desk: the shared store has schema {older}, this cti-desk needs {head}: run `cti-desk db "
        f"upgrade --db {pg_url}` once, from one machine (nothing was changed)"]
    assert revision(pg_url) == older
    assert main(["db", "upgrade", "--db", pg_url]) == 0
    assert revision(pg_url) == head
    assert main(["find", "山田", "--db", pg_url]) == 0


def test_a_desk_local_sqlite_store_is_still_brought_up_to_date(sqlite_url, capsys):
    older, head = one_schema_back(sqlite_url)
    assert revision(sqlite_url) == older
    assert main(["find", "山田", "--db", sqlite_url]) == 0
    assert revision(sqlite_url) == head
