"""Engines, sessions and schema migrations for SQLite and PostgreSQL."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

# Defined apart so the window can check a URL before SQLAlchemy is loaded; importable here.
from cti_desk.domain.store_url import (
    InvalidDatabaseURL,
    StoreError,
    invalid_url,
    shown_url,  # noqa: F401
    store_backend,
)

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaTooNew(StoreError):
    """The store was written by a newer cti-desk: this one must not touch it."""


def store_name(engine: Engine) -> str:
    """What the user calls this store: the SQLite file, else the URL without its password."""
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return str(Path(url.database).resolve())
    return url.render_as_string(hide_password=True)


# A server that stops answering (a partition: no reset) must not hang a caller for
# minutes: bounded connect, dead-peer detection, and no statement runs forever.
# Each one can be set in the URL's query instead (libpq names), e.g. ?connect_timeout=10.
PG_CONNECT_DEFAULTS = {
    "connect_timeout": 5,  # seconds, the whole handshake
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
    "tcp_user_timeout": 30_000,  # ms a sent byte may stay unacknowledged
}
PG_STATEMENT_TIMEOUT_MS = 30_000


def pg_connect_defaults(query) -> dict[str, object]:
    """The defaults the URL's query doesn't set; statement_timeout joins its `options`."""
    out: dict[str, object] = {k: v for k, v in PG_CONNECT_DEFAULTS.items() if k not in query}
    options = query.get("options") or ""
    if isinstance(options, tuple):  # ?options=...&options=...
        options = " ".join(options)
    if "statement_timeout" not in options:
        out["options"] = f"{options} -c statement_timeout={PG_STATEMENT_TIMEOUT_MS}".strip()
    return out


def make_engine(url: str, **kwargs) -> Engine:
    store_backend(url)  # the same check (and message) as the window's before its first paint
    try:
        parsed = make_url(url)
    except Exception:
        # No chained cause: SQLAlchemy's own message may quote the URL, password and all.
        raise invalid_url(url) from None
    if parsed.get_backend_name() == "sqlite":
        db = parsed.database
        if db and db != ":memory:":
            try:
                Path(db).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot make the store's folder {Path(db).parent}: "
                                 f"{exc.strerror or exc}") from exc
        engine = create_engine(parsed, connect_args={"timeout": 30}, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            # Let SQLAlchemy issue BEGIN itself so BEGIN IMMEDIATE works for writers.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")

        return engine
    if parsed.get_backend_name() == "postgresql":
        connect_args = {**pg_connect_defaults(parsed.query), **kwargs.pop("connect_args", {})}
        return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args, **kwargs)
    raise InvalidDatabaseURL(f"unsupported database: {parsed.get_backend_name()} (use sqlite or postgresql)")


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


class Store:
    """One database: an engine and its session factory."""

    def __init__(self, url: str, **engine_kwargs) -> None:
        self.url = url
        self.engine = make_engine(url, **engine_kwargs)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session; never holds a write lock."""
        with self._sessions() as s:
            yield s

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction: committed on success, rolled back on any error.

        On SQLite it starts with BEGIN IMMEDIATE so two writers queue instead of
        failing half-way on a lock upgrade.
        """
        with self.engine.connect() as conn:
            conn.info["write"] = True
            try:
                with Session(bind=conn, expire_on_commit=False) as s, conn.begin():
                    yield s
                    s.flush()
            finally:
                conn.info.pop("write", None)

    def dispose(self) -> None:
        self.engine.dispose()


def _alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


# What SQLite says about a file that is not (or no longer) a database it can read.
_NOT_SQLITE = ("file is not a database", "database disk image is malformed")


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision; the first touch of a store, so its errors say which store."""
    from alembic.runtime.migration import MigrationContext

    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except DatabaseError as exc:
        if not is_sqlite(engine):
            raise
        reason = str(getattr(exc, "orig", exc))
        if any(text in reason for text in _NOT_SQLITE):
            raise StoreError(
                f"{store_name(engine)} is not a cti-desk store (not an SQLite database, or a "
                "damaged one): point --db at the store file, or move this file away"
            ) from exc
        if "unable to open database file" in reason:
            raise StoreError(
                f"cannot open the store file {store_name(engine)}: check that its folder exists "
                "and that you may write there"
            ) from exc
        raise


def _scripts(engine: Engine):
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config(engine))


def head_revision(engine: Engine) -> str | None:
    return _scripts(engine).get_current_head()


def _known_revision(engine: Engine) -> str | None:
    """The store's revision, refused when this cti-desk has no migration of that name."""
    current = current_revision(engine)
    if current is None:
        return None
    scripts = _scripts(engine)
    if current not in {script.revision for script in scripts.walk_revisions()}:
        head = scripts.get_current_head()
        shown = current if len(current) <= 40 else current[:40] + "…"
        if current.isdigit() and head and head.isdigit() and int(current) > int(head):
            raise SchemaTooNew(
                f"the store at {store_name(engine)} was written by a newer cti-desk (schema "
                f"{shown}, this one knows up to {head}): upgrade cti-desk"
            )
        raise SchemaTooNew(
            f"the store at {store_name(engine)} has schema {shown!r}, which this cti-desk does "
            f"not know (it knows up to {head}): was it written by a newer or another cti-desk?"
        )
    return current


def needs_upgrade(engine: Engine) -> bool:
    return _known_revision(engine) != head_revision(engine)


def upgrade(engine: Engine) -> tuple[str | None, str | None]:
    """Apply every pending migration; return (from, to) revisions."""
    from alembic import command

    before = _known_revision(engine)
    if before is None and inspect(engine).has_table("customers"):
        raise StoreError("database has tables but no migration history; refusing to touch it")
    command.upgrade(_alembic_config(engine), "head")
    return before, head_revision(engine)


def open_store(url: str, *, upgrade_schema: bool = True, **engine_kwargs) -> Store:
    """Open a store, bringing its schema up to date first (logged, never silent)."""
    store = Store(url, **engine_kwargs)
    try:
        if upgrade_schema and needs_upgrade(store.engine):
            before, after = upgrade(store.engine)
            log.info("store schema upgraded from %s to %s", before or "empty", after)
    except BaseException:
        store.dispose()  # a store refused (newer schema, not a store) keeps no connection open
        raise
    return store
