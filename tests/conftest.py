"""Shared fixtures: a real store on SQLite and on PostgreSQL, a fake keyring."""

from __future__ import annotations

import itertools
import os
import uuid

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import create_engine, text

from cti_desk.store.db import Store, open_store

PG_URL = os.environ.get("CTI_DESK_TEST_PG_URL")
# One template per pytest process, so parallel runs against one server never collide.
_TEMPLATE = f"cti_desk_tmpl_{os.getpid()}"
_counter = itertools.count()


class MemoryKeyring(KeyringBackend):
    """Tests never touch the user's real keyring."""

    priority = 1

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring():
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("CTI_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CTI_DESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CTI_DESK_LOG_DIR", str(tmp_path / "logs"))


def _pg_admin():
    return create_engine(PG_URL, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_template():
    """A migrated template database; each test gets a fresh copy of it."""
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CTI_DESK_TEST_PG_URL is not set: run the suite with `make test`")
        pytest.skip("no test PostgreSQL (run `make test`)")
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {_TEMPLATE}"))
        conn.execute(text(f"CREATE DATABASE {_TEMPLATE}"))
    url = PG_URL.rsplit("/", 1)[0] + "/" + _TEMPLATE
    open_store(url).dispose()
    yield url
    with admin.connect() as conn:
        for (name,) in conn.execute(
            text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": f"t_{os.getpid()}_%"}
        ).all():
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"DROP DATABASE IF EXISTS {_TEMPLATE} WITH (FORCE)"))
    admin.dispose()


def new_pg_database(pg_template: str) -> str:
    name = f"t_{os.getpid()}_{next(_counter)}_{uuid.uuid4().hex[:6]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {_TEMPLATE}"))
    admin.dispose()
    return pg_template.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'store.sqlite3'}"


@pytest.fixture
def pg_url(pg_template) -> str:
    return new_pg_database(pg_template)


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def store_url(request) -> str:
    """The same test on the embedded store and on PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url) -> Store:
    s = open_store(store_url)
    yield s
    s.dispose()
