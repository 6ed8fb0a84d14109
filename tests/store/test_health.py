"""The store probe and the outbox figures the window shows, on SQLite and PostgreSQL.

"Unreachable" is made for real: the PostgreSQL database is renamed away under the open
store (its pooled connections killed), then renamed back.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError, OperationalError

from cti_desk.services.health import store_display, store_health, watch_store_errors
from cti_desk.services.outbox import outbox_status
from cti_desk.store.db import Store, open_store
from cti_desk.store.models import Customer
from tests.conftest import PG_URL
from tests.retail_factories import FakeOMS, add_retail
from tests.store.test_outbox import NOW, dispatcher, order


@contextmanager
def database_gone(url: str):
    """The store's database is renamed away (every session to it cut), then back."""
    name = url.rsplit("/", 1)[1]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                         {"n": name})
            conn.execute(text(f'ALTER DATABASE "{name}" RENAME TO "{name}_away"'))
        yield
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}_away" RENAME TO "{name}"'))
        admin.dispose()


def test_a_reachable_store_is_healthy(store):
    health = store_health(store)
    assert health.ok and health.error == ""
    assert health.where == store_display(store.url)


@pytest.mark.pg
def test_a_store_whose_database_is_gone_is_unhealthy_until_it_is_back(pg_url):
    store = open_store(pg_url)
    try:
        assert store_health(store).ok  # the pool holds a connection now
        with database_gone(pg_url):
            health = store_health(store)
            assert not health.ok
            assert "does not exist" in health.error and "\n" not in health.error
        assert store_health(store).ok
    finally:
        store.dispose()


@pytest.mark.pg
def test_the_store_never_shows_its_password(pg_url):
    secret = "hunter2-Zq9"
    host_part = pg_url.rsplit("/", 1)[0]
    # A database named like the password: the server quotes the name back in its error.
    bad = Store(host_part.replace("postgres@", f"postgres:{secret}@") + f"/{secret}?sslpassword={secret}")
    try:
        health = store_health(bad)
    finally:
        bad.dispose()
    assert not health.ok and "does not exist" in health.error
    assert secret not in health.error
    assert f":{secret}@" not in health.where and "sslpassword" not in health.where
    shown = store_display("postgresql+psycopg://cti:pa55w0rd@db.example:5432/cti?sslpassword=pa55w0rd&connect_timeout=3")
    assert shown == "postgresql+psycopg://cti:***@db.example:5432/cti"


def test_store_display_of_an_sqlite_file_is_its_path(sqlite_url):
    assert store_display(sqlite_url) == sqlite_url
    assert store_display("not a url") == "(an invalid database URL)"


@pytest.mark.pg
def test_a_failed_query_is_heard_whatever_thread_ran_it(pg_url):
    store = open_store(pg_url)
    heard: list[str] = []
    stop = watch_store_errors(store, lambda: heard.append("gone"))
    try:
        with pytest.raises(IntegrityError), store.transaction() as s:  # a bad write is no outage
            s.add_all([Customer(id=1, name="山田 太郎"), Customer(id=1, name="山田 花子")])
        assert heard == []
        with database_gone(pg_url), pytest.raises(OperationalError), store.session() as s:
            s.execute(text("SELECT count(*) FROM customers")).scalar()
        assert heard and set(heard) == {"gone"}
        stop()
        heard.clear()
        with database_gone(pg_url), pytest.raises(OperationalError), store.session() as s:
            s.execute(text("SELECT 1")).scalar()
        assert heard == []  # stopped watching
    finally:
        stop()
        store.dispose()


def test_outbox_status_counts_waiting_failed_and_the_last_error(store):
    assert outbox_status(store).quiet
    r = add_retail(store)
    keys = order(store, r, 4)
    oms = FakeOMS(script=[422, 503])
    try:
        d = dispatcher(store, oms, batch=2)
        d.run_once(NOW)  # the first two: refused (422), then 503 (retried later)
    finally:
        oms.close()
    status = outbox_status(store)
    assert (status.waiting, status.retrying, status.failed) == (3, 1, 1)
    assert status.last_error.startswith("HTTP 503") and not status.quiet
    assert len(keys) == 4
    oms = FakeOMS()
    try:
        dispatcher(store, oms).run_once(NOW + timedelta(hours=1))
    finally:
        oms.close()
    status = outbox_status(store)
    assert (status.waiting, status.retrying, status.failed) == (0, 0, 1)
    assert status.last_error.startswith("HTTP 422")


def test_an_sqlite_store_another_program_holds_locked_is_unhealthy_and_says_locked(sqlite_url):
    """Reads still work; the probe takes the write lock for a moment, and another process
    holding it makes the store one the desk cannot use (every write would wait and fail)."""
    import subprocess
    import sys

    from cti_desk.services.health import store_unavailable

    store = open_store(sqlite_url)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
         "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); sys.stdin.readline()",
         store.engine.url.database], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        health = store_health(store)
        assert (health.ok, health.locked, health.error) == (False, True, "database is locked")
        with store.session() as s:
            assert s.query(Customer).count() == 0  # reading goes on
        writer = Store(sqlite_url)  # a write, with a short wait for the lock
        try:
            with pytest.raises(OperationalError) as failed, writer.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA busy_timeout=100")
                conn.exec_driver_sql("INSERT INTO locations (code, name, kind, lead_days) VALUES ('x', 'x', 'shop', 1)")
        finally:
            writer.dispose()
        assert store_unavailable(failed.value)  # kept and written later, not refused
    finally:
        holder.stdin.close()
        holder.wait(10)
        holder.stdout.close()
    health = store_health(store)
    assert health.ok and not health.locked
    with store.engine.connect() as conn:  # the probe gave the connection its own wait back
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    store.dispose()


def test_what_counts_as_the_store_failing_and_what_as_a_refusal():
    from sqlalchemy.exc import InterfaceError
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    from cti_desk.services.health import store_unavailable

    assert store_unavailable(OperationalError("SELECT 1", {}, Exception("connection refused")))
    assert store_unavailable(InterfaceError("SELECT 1", {}, Exception("connection already closed")))
    assert store_unavailable(PoolTimeout("QueuePool limit reached"))
    assert not store_unavailable(IntegrityError("INSERT", {}, Exception("duplicate key")))
    assert not store_unavailable(ValueError("a bug"))
