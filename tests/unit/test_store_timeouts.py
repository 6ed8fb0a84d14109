"""PostgreSQL engines are bounded by default (connect, dead peers, statements) and every
bound can be set in the URL instead; SQLite waits for a busy writer, not for ever."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from cti_desk.store.db import make_engine, pg_connect_defaults
from tests.tcp_proxy import TcpProxy


def test_defaults_fill_only_what_the_url_leaves_out():
    query = make_url("postgresql+psycopg://u@h/db?connect_timeout=9&options=-c%20work_mem%3D8MB").query
    defaults = pg_connect_defaults(query)
    assert "connect_timeout" not in defaults  # the URL's 9 stays
    assert defaults["keepalives"] == 1 and defaults["tcp_user_timeout"] > 0
    assert defaults["options"] == "-c work_mem=8MB -c statement_timeout=30000"
    own = make_url("postgresql+psycopg://u@h/db?options=-c%20statement_timeout%3D0").query
    assert "options" not in pg_connect_defaults(own)


def _settings(engine) -> tuple[str, str]:
    try:
        with engine.connect() as conn:
            params = conn.connection.driver_connection.info.get_parameters()
            return conn.execute(text("SHOW statement_timeout")).scalar_one(), params["connect_timeout"]
    finally:
        engine.dispose()


@pytest.mark.pg
def test_a_postgresql_engine_has_its_bounds_and_the_url_wins(pg_url):
    assert _settings(make_engine(pg_url)) == ("30s", "5")
    sep = "&" if "?" in pg_url else "?"
    own = pg_url + sep + "connect_timeout=7&options=-c%20statement_timeout%3D2500"
    assert _settings(make_engine(own)) == ("2500ms", "7")


@pytest.mark.pg
def test_connecting_to_a_server_that_holds_every_byte_gives_up(pg_url):
    url = make_url(pg_url)
    with TcpProxy((url.host, url.port), lifetime=60) as proxy:
        proxy.hold()
        engine = make_engine(url.set(host="127.0.0.1", port=proxy.port,
                                     query={"connect_timeout": "2"}).render_as_string(False))
        with pytest.raises(OperationalError):  # instead of waiting for ever
            engine.connect()
        engine.dispose()


def test_sqlite_waits_for_a_busy_writer(sqlite_url):
    engine = make_engine(sqlite_url)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() == 30000
    finally:
        engine.dispose()
