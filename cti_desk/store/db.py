"""Engines, sessions and schema migrations for SQLite and PostgreSQL."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from cti_desk.domain.errors import BadArgument

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


class StoreError(Exception):
    """A store problem worth one clear line to the user."""


class InvalidDatabaseURL(StoreError, BadArgument):
    """The --db URL is malformed or names a database we don't support (bad usage)."""


def make_engine(url: str, **kwargs) -> Engine:
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise InvalidDatabaseURL(f"invalid database URL: {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        db = parsed.database
        if db and db != ":memory:":
            Path(db).parent.mkdir(parents=True, exist_ok=True)
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
        return create_engine(parsed, pool_pre_ping=True, **kwargs)
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


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config(engine)).get_current_head()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision(engine)


def upgrade(engine: Engine) -> tuple[str | None, str | None]:
    """Apply every pending migration; return (from, to) revisions."""
    from alembic import command

    before = current_revision(engine)
    if before is None and inspect(engine).has_table("customers"):
        raise StoreError("database has tables but no migration history; refusing to touch it")
    command.upgrade(_alembic_config(engine), "head")
    return before, head_revision(engine)


def open_store(url: str, *, upgrade_schema: bool = True, **engine_kwargs) -> Store:
    """Open a store, bringing its schema up to date first (logged, never silent)."""
    store = Store(url, **engine_kwargs)
    if upgrade_schema and needs_upgrade(store.engine):
        before, after = upgrade(store.engine)
        log.info("store schema upgraded from %s to %s", before or "empty", after)
    return store
