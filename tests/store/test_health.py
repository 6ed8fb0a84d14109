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
