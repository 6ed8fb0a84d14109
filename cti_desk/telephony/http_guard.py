"""Limits for an HTTP service facing the internet (the call webhook, the inbox).

A thousand connections that open and never finish their request once took the webhook
down at the usual 1,024 open-file limit. So every connection gets a deadline to send
its request (headers and body), each address may hold only so many, and all of them
together stay well under the file limit. What is turned away is logged at most once a
minute, as counts.

Use: `guard = ConnectionGuard("webhook")`, add `guard.middleware` to the aiohttp
application, and serve with `await guard.serve(runner, host, port)`.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import resource
import time
from collections import Counter, OrderedDict
from collections.abc import Callable
from typing import Any

from aiohttp import web

log = logging.getLogger(__name__)

REQUEST_SECONDS = 10.0  # to send headers and body, from connecting or the last answer
PER_PEER = 64  # connections open at once from one address
BACKLOG = 128  # accepted in one go by asyncio before any is looked at
RESERVED_FILES = 2 * BACKLOG  # the accept burst, the store, logs, the PBX link...
LOG_EVERY = 60.0  # seconds between two reports of turned-away connections


def raise_open_file_limit() -> int:
    """Soft open-file limit up to the hard one (many desktops start at 1,024); returns it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft < hard:
        target = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
    return soft


def default_total(open_files: int) -> int:
    """Connections served at once for this open-file limit, with room to spare."""
    return max(16, min(4096, open_files - RESERVED_FILES))


class _Connection(asyncio.Protocol):
    """Stands in front of the HTTP protocol: admits, times and forgets one connection."""

    def __init__(self, guard: ConnectionGuard, inner: asyncio.Protocol) -> None:
        self.guard, self.inner = guard, inner
        self.transport: asyncio.Transport | None = None
        self.peer = "?"
        self.admitted = False
        self.request: web.BaseRequest | None = None  # the request being handled now
        self._timer: asyncio.TimerHandle | None = None

    # -- asyncio.Protocol --------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        peer = transport.get_extra_info("peername")
        self.peer = str(peer[0]) if peer else "?"
        if not self.guard._admit(self):
            transport.abort()  # frees the file at once; the client sees a reset
            return
        self.admitted = True
        self.restart_timer()
        self.inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        if self.admitted:
            self.inner.data_received(data)  # type: ignore[attr-defined]

    def eof_received(self) -> bool | None:
        return self.inner.eof_received() if self.admitted else None  # type: ignore[attr-defined]

    def pause_writing(self) -> None:
        if self.admitted:
            self.inner.pause_writing()

    def resume_writing(self) -> None:
        if self.admitted:
            self.inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self.admitted:
            self.admitted = False
            self.guard._release(self)
            self.inner.connection_lost(exc)

    # -- deadline ----------------------------------------------------------------------

    def restart_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = asyncio.get_running_loop().call_later(self.guard.request_seconds, self._expired)

    @property
    def waiting_for_client(self) -> bool:
        """Still sending its request (or idle between requests), not being answered."""
        return self.request is None or not self.request.content.is_eof()

    def _expired(self) -> None:
        self._timer = None
        if not self.waiting_for_client:
            self.restart_timer()  # the whole request is in; our handler is still busy
            return
        self.guard._turned_away("too slow to send their request")
        self.close()

    def close(self) -> None:
        if self.transport is not None:
            self.transport.abort()


class ConnectionGuard:
    """Deadlines and connection caps for one aiohttp service."""

    def __init__(
        self,
        name: str,
        *,
        request_seconds: float = REQUEST_SECONDS,
        per_peer: int = PER_PEER,
        total: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.name = name
        self.request_seconds = request_seconds
        self.per_peer = per_peer
        self.total = total
        self._clock = clock
        self._open: OrderedDict[_Connection, None] = OrderedDict()  # oldest first
        self._by_peer: Counter[str] = Counter()
        self._by_transport: dict[Any, _Connection] = {}
        self._away: Counter[str] = Counter()  # reason -> connections, since the last report
        self._last_report: float | None = None

    @property
    def open_connections(self) -> int:
        return len(self._open)

    async def serve(self, runner: web.BaseRunner, host: str, port: int) -> asyncio.Server:
        """Listen with `runner`'s application behind this guard (instead of a TCPSite)."""
        open_files = raise_open_file_limit()
        if self.total is None:
            self.total = default_total(open_files)
        factory = runner.server
        assert factory is not None, "call runner.setup() first"
        loop = asyncio.get_running_loop()
        self._quiet_accept_errors(loop)
        return await loop.create_server(
            lambda: _Connection(self, factory()), host, port, backlog=BACKLOG, reuse_address=True
        )

    @web.middleware
    async def middleware(self, request: web.Request, handler) -> web.StreamResponse:
        conn = self._by_transport.get(request.transport)
        if conn is not None:
            conn.request = request
        try:
            return await handler(request)
        finally:
            if conn is not None:
                conn.request = None
                if conn.admitted:
                    conn.restart_timer()  # the next request (keep-alive) gets its own time

    def _quiet_accept_errors(self, loop: asyncio.AbstractEventLoop) -> None:
        """Out of file descriptors in accept() (a burst faster than the cap closes them):
        asyncio pauses accepting for a second and logs a traceback each time. Count it as
        turned away instead, reported at most once a minute; anything else as before."""
        previous = loop.get_exception_handler()

        def handler(loop: asyncio.AbstractEventLoop, context: dict) -> None:
            exc = context.get("exception")
            if isinstance(exc, OSError) and exc.errno in (errno.EMFILE, errno.ENFILE):
                self._turned_away("not accepted: out of open files for a moment")
                return
            if previous is not None:
                previous(loop, context)
            else:
                loop.default_exception_handler(context)

        loop.set_exception_handler(handler)

    # -- admission ---------------------------------------------------------------------

    def _admit(self, conn: _Connection) -> bool:
        if self._by_peer[conn.peer] >= self.per_peer:
            self._turned_away(f"over {self.per_peer} from one address")
            return False
        total = self.total or default_total(1024)
        if len(self._open) >= total and not self._evict_slowest():
            self._turned_away(f"over {total} in all")
            return False
        self._open[conn] = None
        self._by_peer[conn.peer] += 1
        self._by_transport[conn.transport] = conn
        return True

    def _evict_slowest(self) -> bool:
        """Full: make room by closing the oldest connection still sending its request."""
        for conn in self._open:
            if conn.waiting_for_client:
                self._turned_away("closed to make room, too slow to send their request")
                self._release(conn)  # counted out now; its connection_lost follows
                conn.close()
                return True
        return False

    def _release(self, conn: _Connection) -> None:
        if conn not in self._open:
            return
        del self._open[conn]
        self._by_peer[conn.peer] -= 1
        if self._by_peer[conn.peer] <= 0:
            del self._by_peer[conn.peer]
        self._by_transport.pop(conn.transport, None)

    def _turned_away(self, reason: str) -> None:
        """Counted always, logged at most once a minute."""
        self._away[reason] += 1
        now = self._clock()
        if self._last_report is not None and now - self._last_report < LOG_EVERY:
            return
        self._last_report = now
        counts = ", ".join(f"{n} {why}" for why, n in self._away.most_common())
        self._away.clear()
        log.warning("%s: turned connections away (%s); next report in a minute at the earliest",
                    self.name, counts)
