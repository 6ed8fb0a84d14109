"""Only `cti-desk db upgrade` changes a shared PostgreSQL store's schema (issue 15): the
commands that use a store (find, monitor, relay...) refuse one a schema behind with the
command to run, and change nothing; `db upgrade` then brings it up and they work. A
desk-local SQLite file is still brought up to date when opened. A kiosk (like the window,
tests/gui/test_first_run.py) refuses one too."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

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


@pytest.mark.pg
def test_a_kiosk_refuses_an_older_shared_store_before_any_window(pg_url):
    older, head = one_schema_back(pg_url)
    done = subprocess.run([str(Path(sys.executable).with_name("cti-desk")), "--db", pg_url, "--role", "kiosk",
                           "--shop", "S-SHIBUYA"], capture_output=True, text=True, check=False, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.splitlines()[-1] == (
        f"cti-desk: the shared store has schema {older}, this cti-desk needs {head}: run `cti-desk db "
        f"upgrade --db {pg_url}` once, from one machine (this desk changed nothing)")
    assert revision(pg_url) == older


@pytest.fixture
def empty_pg_url(pg_template) -> str:
    """A database just made for cti-desk: no tables, no migration history."""
    from sqlalchemy import text

    from tests.conftest import _pg_admin

    name = f"empty_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return pg_template.rsplit("/", 1)[0] + "/" + name


@pytest.mark.pg
@pytest.mark.parametrize("argv", [["find", "山田"], ["kpi"]])
def test_an_empty_database_is_a_new_store_and_gets_the_schema(empty_pg_url, capsys, argv):
    # Nobody uses it yet, so there is no shared schema to change (as demo-data and import do).
    assert revision(empty_pg_url) is None
    assert main([*argv, "--db", empty_pg_url]) == 0
    assert revision(empty_pg_url) == head_revision(Store(empty_pg_url).engine)
