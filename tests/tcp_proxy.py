"""A small loopback TCP proxy that fails the way networks do, for tests.

A refused connection is easy to test; a partition (packets held, no reset) and a reply
lost after the server acted are not. Put this proxy between a client and a real server
(the test PostgreSQL) and switch its mode:

    with TcpProxy(("127.0.0.1", 54331)) as proxy:
        url = f"postgresql+psycopg://postgres@127.0.0.1:{proxy.port}/db"
        proxy.hold()                  # bytes stop flowing both ways, sockets stay open
        proxy.resume()                # held bytes flow again
        proxy.reset_after(b"COMMIT")  # the next client chunk holding COMMIT reaches the
                                      # server, then the client gets a reset instead of
                                      # the server's reply

Bounded: loopback only, at most `max_connections` at once, and it stops by itself
after `lifetime` seconds even if a test forgets to.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import struct
import threading
import time

_CHUNK = 65536
_TICK = 0.05


def _reset(sock: socket.socket) -> None:
    """Close with RST (SO_LINGER 0), the way a middlebox drop or a crash looks."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.close()


class TcpProxy:
    def __init__(
        self,
        upstream: tuple[str, int],
        *,
        lifetime: float = 120.0,
        max_connections: int = 64,
    ) -> None:
        self.upstream = upstream
        self.max_connections = max_connections
        self._deadline = time.monotonic() + lifetime
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._flowing = threading.Event()
        self._flowing.set()
        self._reset_pattern: bytes | None = None
        self._resets_left = 0
        self._open: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self.connections = 0  # accepted so far
        self.resets = 0  # client connections reset by reset_after
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(_TICK)
        self.port: int = self._listener.getsockname()[1]
        self._acceptor = threading.Thread(target=self._accept_loop, name="tcp-proxy", daemon=True)
        self._acceptor.start()

    # -- modes -------------------------------------------------------------------

    def hold(self, seconds: float | None = None) -> None:
        """Stop relaying both ways; nothing is closed. With `seconds`, resume by itself."""
        self._flowing.clear()
        if seconds is not None:
            timer = threading.Timer(seconds, self.resume)
            timer.daemon = True
            timer.start()

    def resume(self) -> None:
        self._flowing.set()

    @property
    def holding(self) -> bool:
        return not self._flowing.is_set()

    def reset_after(self, pattern: bytes, times: int = 1) -> None:
        """For the next `times` client chunks containing `pattern`: forward the chunk,
        then reset the client before any byte of the server's reply reaches it."""
        with self._lock:
            self._reset_pattern = pattern
            self._resets_left = times

    # -- lifecycle ---------------------------------------------------------------

    def close(self) -> None:
        self._stop.set()
        self._flowing.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            socks = list(self._open)
        for s in socks:
            with contextlib.suppress(OSError):
                s.close()
        for t in [self._acceptor, *self._threads]:
            if t is not threading.current_thread():
                t.join(timeout=2)

    def __enter__(self) -> TcpProxy:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _stopping(self) -> bool:
        return self._stop.is_set() or time.monotonic() > self._deadline

    def _accept_loop(self) -> None:
        while not self._stopping():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                break
            with self._lock:
                full = len(self._open) // 2 >= self.max_connections
            if full:
                _reset(client)
                continue
            self.connections += 1
            t = threading.Thread(target=self._relay, args=(client,), name="tcp-proxy-conn", daemon=True)
            self._threads.append(t)
            t.start()
        with contextlib.suppress(OSError):
            self._listener.close()
        if not self._stop.is_set():  # lifetime over: drop everything still open
            self.close()

    def _take_reset(self, data: bytes, tail: bytes) -> bool:
        with self._lock:
            if self._reset_pattern is None or self._resets_left <= 0:
                return False
            if self._reset_pattern not in tail + data:
                return False
            self._resets_left -= 1
            self.resets += 1
            return True

    def _relay(self, client: socket.socket) -> None:
        try:
            server = socket.create_connection(self.upstream, timeout=5)
        except OSError:
            _reset(client)
            return
        with self._lock:
            self._open.update((client, server))
        sel = selectors.DefaultSelector()
        sel.register(client, selectors.EVENT_READ)
        sel.register(server, selectors.EVENT_READ)
        tail = b""  # the end of the last client chunk, so a pattern split in two is seen
        swallowing = False  # after a reset: the server's reply is read and dropped
        try:
            while not self._stopping():
                if not self._flowing.wait(_TICK):
                    continue
                for key, _ in sel.select(_TICK):
                    if not self._flowing.is_set():
                        break  # hold() came while we waited: leave the bytes where they are
                    src = key.fileobj
                    data = src.recv(_CHUNK)
                    if not data:
                        return
                    if src is client:
                        if self._take_reset(data, tail):
                            server.sendall(data)
                            sel.unregister(client)
                            _reset(client)
                            swallowing = True
                            server.shutdown(socket.SHUT_WR)  # the server acts, then sees EOF
                            continue
                        server.sendall(data)
                        if self._reset_pattern:
                            tail = (tail + data)[-len(self._reset_pattern) :]
                    elif not swallowing:
                        client.sendall(data)
        except OSError:
            pass
        finally:
            sel.close()
            with self._lock:
                self._open.discard(client)
                self._open.discard(server)
            with contextlib.suppress(OSError):
                client.close()
            with contextlib.suppress(OSError):
                server.close()
