"""Schema migrations: what `cti-desk db upgrade` and the app's start-up rely on."""

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from cti_desk.app.cli import main
from cti_desk.store.db import (
    Store,
    StoreError,
    _alembic_config,
    current_revision,
    head_revision,
    needs_upgrade,
    open_store,
)
from cti_desk.store.models import Base
from cti_desk.store.search_keys import include_name


def test_models_and_migrations_agree(store):
    """A model change without its migration would break every existing store file."""
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diffs = compare_metadata(context, Base.metadata)
    assert diffs == []


def test_an_older_store_is_upgraded_on_open(store_url):
    bare = Store(store_url)
    try:
        cfg = _alembic_config(bare.engine)
        first = ScriptDirectory.from_config(cfg).get_base()
        if current_revision(bare.engine) is None:
            command.upgrade(cfg, first)
        else:  # the PostgreSQL fixture is a copy of an up-to-date template
            command.downgrade(cfg, first)
        assert current_revision(bare.engine) == first
    finally:
        bare.dispose()
    store = open_store(store_url)
    try:
        assert head_revision(store.engine) != first
        assert current_revision(store.engine) == head_revision(store.engine)
        assert not needs_upgrade(store.engine)
    finally:
        store.dispose()


def test_db_upgrade_command(sqlite_url, capsys):
    assert main(["db", "upgrade", "--db", sqlite_url]) == 0
    assert "was empty" in capsys.readouterr().out
    assert main(["db", "upgrade", "--db", sqlite_url]) == 0  # idempotent
    assert "was" not in capsys.readouterr().out


@pytest.mark.parametrize("url", ["foo://x", "not a url", "mysql://u@h/db"])
def test_bad_db_url_is_usage_error(url, capsys):
    assert main(["db", "upgrade", "--db", url]) == 2
    err = capsys.readouterr().err
    assert "cti-desk: error:" in err
    assert "Traceback" not in err


def test_unreachable_postgres_is_one_line_runtime_error(capsys):
    assert main(["db", "upgrade", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("cti-desk: database error:")


def test_foreign_tables_without_history_are_not_touched(sqlite_url):
    store = Store(sqlite_url)
    Base.metadata.create_all(store.engine)
    with pytest.raises(StoreError, match="no migration history"):
        open_store(sqlite_url)
    store.dispose()


def test_sqlite_store_uses_wal_and_foreign_keys(sqlite_url):
    store = open_store(sqlite_url)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.dispose()
