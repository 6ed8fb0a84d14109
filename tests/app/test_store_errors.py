"""Store errors a user can act on (issue 10, item 6): which file is no store, which
store was written by a newer cti-desk. The driver's own words are for `--debug`."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from cti_desk.app.cli import main
from cti_desk.store.db import SchemaTooNew, StoreError, head_revision, needs_upgrade, open_store

FIXTURES = Path(__file__).parent.parent / "fixtures" / "csv"


@pytest.fixture
def not_a_store(tmp_path) -> Path:
    path = tmp_path / "customers.csv"  # a CSV passed as --db: the classic slip
    path.write_text("channel,external_id,name\n" * 200)
    return path


@pytest.mark.parametrize("argv", [["db", "upgrade"], ["import", "customers", str(FIXTURES / "customers.csv")]])
def test_a_file_that_is_no_database_is_named(not_a_store, argv, capsys):
    assert main([*argv, "--db", f"sqlite:///{not_a_store}"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"cti-desk: {not_a_store.resolve()} is not a cti-desk store (not an SQLite database, or a "
        "damaged one): point --db at the store file, or move this file away"]
    assert not_a_store.read_text().startswith("channel,external_id,name\n")  # left as it was


def test_the_drivers_words_are_in_the_debug_detail(not_a_store, capsys):
    assert main(["--debug", "db", "upgrade", "--db", f"sqlite:///{not_a_store}"]) == 1
    err = capsys.readouterr().err
    assert "file is not a database" in err and "Traceback" in err
    assert err.strip().splitlines()[-1].startswith(f"cti-desk: {not_a_store.resolve()} is not a cti-desk store")


def test_a_store_file_in_a_place_that_cannot_be_written(tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    # The folder of the store is a file: SQLite cannot open, mkdir cannot make it.
    code = main(["db", "upgrade", "--db", f"sqlite:///{blocker}/sub/store.sqlite3"])
    assert code == 1
    err = capsys.readouterr().err
    assert err == f"cti-desk: cannot make the store's folder {blocker}/sub: Not a directory\n"


def _stamp(url: str, revision: str) -> None:
    store = open_store(url)
    with store.transaction() as s:
        s.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    store.dispose()


def test_a_store_from_a_newer_cti_desk_is_refused_with_upgrade_advice(store_url, capsys):
    _stamp(store_url, "0999")
    store = open_store(store_url, upgrade_schema=False)
    head = head_revision(store.engine)
    with pytest.raises(SchemaTooNew):
        needs_upgrade(store.engine)  # what the window asks first, on its worker
    where = Path(store.engine.url.database).resolve() if store_url.startswith("sqlite") else \
        store.engine.url.render_as_string(hide_password=True)
    store.dispose()
    for argv in (["db", "upgrade"], ["import", "products", str(FIXTURES / "products.csv")]):
        assert main([*argv, "--db", store_url]) == 1
        assert capsys.readouterr().err.splitlines() == [
            f"cti-desk: the store at {where} was written by a newer cti-desk "
            f"(schema 0999, this one knows up to {head}): upgrade cti-desk"]
    assert "Can't locate revision" not in capsys.readouterr().err


def test_a_schema_this_cti_desk_never_had_is_named(sqlite_url, capsys):
    _stamp(sqlite_url, "abc123")
    with pytest.raises(StoreError, match="has schema 'abc123', which this cti-desk does not know"):
        open_store(sqlite_url)
    assert main(["db", "upgrade", "--db", sqlite_url]) == 1
    assert "has schema 'abc123'" in capsys.readouterr().err
