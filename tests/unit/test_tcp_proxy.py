"""The test proxy itself: relays, holds without a reset, resets after a pattern."""

from __future__ import annotations

import socket
import threading

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from tests.tcp_proxy import TcpProxy


@pytest.fixture
def echo_server():
    """Echoes every chunk back upper-cased and remembers what it received."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    received: list[bytes] = []
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        conn.settimeout(0.05)
        with conn:
            while not stop.is_set():
                try:
                    data = conn.recv(4096)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not data:
                    return
                received.append(data)
                try:
                    conn.sendall(data.upper())
                except OSError:
                    return

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    yield listener.getsockname(), received
    stop.set()
    t.join(2)
    listener.close()


def _client(port: int) -> socket.socket:
    c = socket.create_connection(("127.0.0.1", port), timeout=5)
    return c


def test_relays_both_ways(echo_server):
    addr, received = echo_server
    with TcpProxy(addr, lifetime=30) as proxy, _client(proxy.port) as c:
        c.sendall(b"hello")
        assert c.recv(100) == b"HELLO"
        assert received == [b"hello"]


def test_hold_keeps_the_connection_open_and_delivers_later(echo_server):
    addr, received = echo_server
    with TcpProxy(addr, lifetime=30) as proxy, _client(proxy.port) as c:
        c.sendall(b"one")
        assert c.recv(100) == b"ONE"
        proxy.hold()
        c.sendall(b"two")
        c.settimeout(0.5)
        with pytest.raises(TimeoutError):  # no answer, and no reset either
            c.recv(100)
        assert received == [b"one"]
        proxy.resume()
        c.settimeout(5)
        assert c.recv(100) == b"TWO"


def test_reset_after_pattern_reaches_server_but_client_sees_a_reset(echo_server):
    addr, received = echo_server
    with TcpProxy(addr, lifetime=30) as proxy:
        proxy.reset_after(b"COMMIT")
        with _client(proxy.port) as c:
            c.sendall(b"begin")
            assert c.recv(100) == b"BEGIN"
            c.sendall(b"do COMMIT now")
            with pytest.raises(ConnectionResetError):
                while c.recv(100):  # the echoed reply must never arrive
                    pass
        assert proxy.resets == 1
        # Only once: the next connection relays normally again.
        with _client(proxy.port) as c:
            c.sendall(b"COMMIT")
            assert c.recv(100) == b"COMMIT"
    assert b"do COMMIT now" in received


@pytest.mark.pg
def test_reset_after_commit_on_postgresql_commits_but_the_client_errors(pg_url):
    """What the order-idempotency tests rely on: the commit happened, the client can't know."""
    url = make_url(pg_url)
    with TcpProxy((url.host, url.port), lifetime=60) as proxy:
        engine = create_engine(url.set(host="127.0.0.1", port=proxy.port))
        try:
            with engine.begin() as conn:
                conn.execute(text("CREATE TABLE proxied (n int)"))
            proxy.reset_after(b"COMMIT")
            with pytest.raises(OperationalError), engine.begin() as conn:
                conn.execute(text("INSERT INTO proxied VALUES (1)"))
        finally:
            engine.dispose()
    direct = create_engine(pg_url)
    try:
        with direct.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM proxied")).scalar_one() == 1
    finally:
        direct.dispose()
