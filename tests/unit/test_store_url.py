"""The window's --db check before SQLAlchemy is loaded (domain/store_url.py) refuses what
SQLAlchemy's own parser refuses, with the message the store gives (issue 16)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from cti_desk.domain.store_url import InvalidDatabaseURL, store_backend
from cti_desk.store.db import Store

URLS = [
    "sqlite:///store.sqlite3", "sqlite://", "sqlite:///:memory:", "sqlite:////abs/path/s.db",
    "postgresql+psycopg://desk@127.0.0.1:54331/cti", "postgresql://u:p%40ss@[::1]:5432/db?sslmode=require",
    "postgresql+psycopg://u@host/db?options=-c%20x&options=-c%20y", "postgresql+psycopg://u@host:/db",
    "mysql://u@h/db", "oracle+cx://h", "notaurl", "", "sqlite:/one-slash", "foo-bar://x",
    "postgresql://host:54a31/db", "postgresql://host:+5/db", "postgresql://host: 5/db",
    "postgresql://u@host:99999999999999999999/db", "https://example.com/x", "sqlite:///folder/ü.db",
    "SQLITE:///upper.db", "postgresql+psycopg://u:secret@host:port/db",
]


def sqlalchemy_backend(url: str) -> str | None:
    """What SQLAlchemy makes of the URL: its backend, or None when it cannot parse it."""
    try:
        return make_url(url).get_backend_name()
    except Exception:
        return None


@pytest.mark.parametrize("url", URLS)
def test_the_light_check_agrees_with_sqlalchemy_and_the_store(url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # relative SQLite paths: made here, not in the checkout
    parsed = sqlalchemy_backend(url)
    try:
        light = store_backend(url)
    except InvalidDatabaseURL as exc:
        light, message = None, str(exc)
    else:
        message = None
    if parsed in ("sqlite", "postgresql"):
        assert light == parsed
        Store(url).dispose()  # the store takes it too (the engine connects lazily)
        return
    assert light is None  # unparseable or unsupported: bad usage before any window
    with pytest.raises(InvalidDatabaseURL) as refused:
        Store(url)
    assert str(refused.value) == message  # word for word what the commands say
    assert "secret" not in message
    if parsed is None:
        assert message.startswith("invalid database URL: ")
    else:
        assert message == f"unsupported database: {parsed} (use sqlite or postgresql)"
