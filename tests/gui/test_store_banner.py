"""The store banner in the real operator window on a real PostgreSQL store: it comes when
the store cannot be reached (its database renamed away; a network partition made by
tests/tcp_proxy.py) and goes when the store is back.

The store watch's clock is injected, so "a probe unanswered for 10 s" is a clock moved
on, not a wait."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cti_desk.store.db import open_store
from tests.conftest import PG_URL
from tests.store.test_health import database_gone
from tests.tcp_proxy import TcpProxy

pytestmark = [pytest.mark.gui, pytest.mark.pg, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def proxy(pg_template):
    host, port = PG_URL.rsplit("@", 1)[1].split("/", 1)[0].rsplit(":", 1)
    with TcpProxy((host, int(port))) as p:
        yield p


@pytest.fixture
def password() -> str:
    return "hunter2-Zq9"  # the test server trusts local connections: any password logs in


@pytest.fixture
def store(request, pg_url):
    """This module's windows run on PostgreSQL (through the proxy, or with a password in
    the URL, when a test asks for it)."""
    url = pg_url
    if "password" in request.fixturenames:
        url = url.replace("postgres@", f"postgres:{request.getfixturevalue('password')}@")
    if "proxy" in request.fixturenames:
        proxy = request.getfixturevalue("proxy")
        head, db = pg_url.rsplit("/", 1)
        url = head.rsplit(":", 1)[0] + f":{proxy.port}/{db}"
    s = open_store(url)
    yield s
    s.dispose()


def banner_text(w) -> str:
    return w.health.banner.headline.text()


def test_the_banner_comes_when_a_query_fails_and_goes_when_the_store_is_back(qtbot, window, store, pg_url):
    watch, banner = window.health.store_watch, window.health.banner
    qtbot.waitUntil(lambda: watch.health is not None, timeout=5000)
    assert watch.health.ok and banner.isHidden()

    with database_gone(pg_url):
        window.open_customer(1)  # the operator opens a record: the query fails, the probe follows
        qtbot.waitUntil(banner.isVisible, timeout=5000)
        assert not watch.health.ok
        assert banner_text(window) == (
            f"The store cannot be reached ({store.url}): calls still pop with the PBX's caller number; retrying")
        assert "does not exist" in banner.why.text()
        watch.tick()  # the 10-s round while still gone: the banner stays
        qtbot.waitUntil(lambda: watch.probing_since is None, timeout=5000)
        assert banner.isVisible()

    watch.tick()  # the next 10-s round
    qtbot.waitUntil(banner.isHidden, timeout=5000)
    assert watch.health.ok


def test_a_partition_raises_the_banner_once_the_probe_is_overdue(qtbot, proxy, window, store):
    watch, banner = window.health.store_watch, window.health.banner
    qtbot.waitUntil(lambda: watch.health is not None and watch.health.ok, timeout=5000)
    start = watch.clock()
    watch.clock = lambda: start

    proxy.hold()  # bytes stop, nothing is closed: no error will ever come
    try:
        watch.tick()
        assert watch.probing_since == start and banner.isHidden()
        watch.clock = lambda: start + timedelta(seconds=9)
        watch.tick()
        assert banner.isHidden()  # not overdue yet
        watch.clock = lambda: start + timedelta(seconds=10)
        watch.tick()
        assert banner.isVisible()
        assert banner_text(window).startswith(f"The store is not answering ({store.url})")
    finally:
        proxy.resume()
    qtbot.waitUntil(banner.isHidden, timeout=5000)  # the held probe answers: back
    assert watch.health.ok and watch.probing_since is None


def test_the_banner_never_shows_the_password(qtbot, password, window, store):
    watch, banner = window.health.store_watch, window.health.banner
    qtbot.waitUntil(lambda: watch.health is not None and watch.health.ok, timeout=5000)
    assert password in store.url
    with database_gone(store.url):
        watch.probe()
        qtbot.waitUntil(banner.isVisible, timeout=5000)
    said = " ".join((banner_text(window), banner.why.text(), banner.toolTip(), banner.accessibleName()))
    assert password not in said
    assert "postgres:***@127.0.0.1" in banner_text(window) and "does not exist" in said
