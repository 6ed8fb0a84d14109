"""What a desk may do to its store's schema when it opens it.

A desk-local SQLite file is brought up to date on the spot, as before (nobody else
uses it). A PostgreSQL store is shared by many seats and its relay: only `cti-desk db
upgrade` changes its schema. A desk that finds it older says so and which command to
run; a newer one is SchemaTooNew, as `store/db.py` says. Either way nothing is changed.
An empty database (no tables, no migration history) is a new store nobody uses yet: it
gets the schema, as `demo-data` and `import` give it.
"""

from __future__ import annotations

from cti_desk.store.db import (
    Store,
    StoreError,
    current_revision,
    head_revision,
    is_sqlite,
    needs_upgrade,
    shown_url,
    upgrade,
)


class SharedStoreNeedsUpgrade(StoreError):
    """A shared store of an older schema: the desk leaves it to `cti-desk db upgrade`."""


def prepare_desk_store(store: Store) -> tuple[str | None, str | None]:
    """(before, after) when this desk upgraded its own SQLite file (or gave an empty
    database the schema), (None, None) when the schema was current;
    SharedStoreNeedsUpgrade / SchemaTooNew and nothing changed else."""
    if not needs_upgrade(store.engine):  # SchemaTooNew for a schema this cti-desk does not know
        return None, None
    if not is_sqlite(store.engine):
        _refuse_a_used_one(store, "this desk changed nothing")
    return upgrade(store.engine)


def refuse_an_older_shared_store(url: str) -> None:
    """For the commands that only use a store (find, monitor, relay...): a PostgreSQL one of
    an older schema is SharedStoreNeedsUpgrade, nothing changed; an empty database and
    SQLite are left to them (brought up to date when opened, as before)."""
    if url.split(":", 1)[0].split("+", 1)[0].lower() not in ("postgresql", "postgres"):
        return
    store = Store(url)
    try:
        if needs_upgrade(store.engine):  # SchemaTooNew for a newer one
            _refuse_a_used_one(store, "nothing was changed")
    finally:
        store.dispose()


def _refuse_a_used_one(store: Store, said: str) -> None:
    """A shared store behind this cti-desk's schema: refused, unless the database is empty
    (no migration history, no table at all: made for cti-desk and not used yet)."""
    from sqlalchemy import inspect

    revision = current_revision(store.engine)
    if revision is None and not inspect(store.engine).get_table_names():
        return
    raise SharedStoreNeedsUpgrade(
        f"the shared store has schema {revision or 'none'}, this cti-desk needs "
        f"{head_revision(store.engine)}: run `cti-desk db upgrade --db {shown_url(store.url)}` "
        f"once, from one machine ({said})")
