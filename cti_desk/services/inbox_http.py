"""`cti-desk inbox`'s HTTP service: `POST /line`, `POST /inquiries`, `POST /oms/status`,
`GET /health` (CONTRACT.md "cti-desk inbox").

Everything in a request is text from the internet: bodies are bounded before they are
read whole, signatures and tokens checked before anything is parsed, bodies parsed by
the pure modules in domain/ before they reach the store. What is taken is stored before
the answer (LINE sends again what was not answered 2xx), on a small thread pool so one
slow write never holds the event loop or the other requests. Connections are bounded
as the call webhook's are (telephony/http_guard.py).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from cti_desk.domain import line_webhook
from cti_desk.domain.inbox_forms import MAX_BODY as FORM_MAX_BODY
from cti_desk.domain.inbox_forms import BadForm, parse_inquiry, parse_oms_status
from cti_desk.domain.line_webhook import BadWebhook, parse_webhook, signature_valid
from cti_desk.domain.redact import mask_urls
from cti_desk.services.inbox_intake import take_inquiry, take_line_events
from cti_desk.services.order_life import BACKWARDS, UNKNOWN, apply_oms_status
from cti_desk.store.db import Store
from cti_desk.telephony.http_guard import ConnectionGuard

log = logging.getLogger("cti_desk.inbox")

# Writes at once. PostgreSQL's pool takes several; SQLite has one writer at a time, and
# writers left to wait on its lock retry by sleeping (unfair: p99 683 ms at 20 senders, one
# write 2.8 s), so there they queue here, first come first served.
STORE_WORKERS = {"sqlite": 1, "postgresql": 8}
LOG_EVERY = 60.0  # seconds between two reports of a store that did not answer


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


def _too_large(limit: int) -> web.Response:
    return _error(413, f"body over {limit // 1024} KiB")


async def _body(request: web.Request, limit: int) -> bytes | None:
    """The whole body, or None past `limit` bytes (read no further than that)."""
    if request.content_length is not None and request.content_length > limit:
        return None
    data = bytearray()
    async for chunk in request.content.iter_chunked(64 * 1024):
        data += chunk
        if len(data) > limit:
            return None
    return bytes(data)


class InboxService:
    """The inbox's aiohttp application over one store, until `stop` is set."""

    def __init__(self, store: Store, *, token: str, line_secret: str | None = None,
                 guard: ConnectionGuard | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self._token = token
        self._line_secret = line_secret.encode("utf-8") if line_secret else b""
        self.guard = guard or ConnectionGuard("inbox")
        self.port: int | None = None  # the real one once listening (for port 0)
        self.started = asyncio.Event()
        self._pool = ThreadPoolExecutor(STORE_WORKERS.get(store.engine.dialect.name, 4),
                                        thread_name_prefix="inbox-store")
        self._clock = clock
        self._failures = 0  # store failures since the last report
        self._last_report: float | None = None

    def app(self) -> web.Application:
        app = web.Application(client_max_size=line_webhook.MAX_BODY,
                              middlewares=[self.guard.middleware])
        app.router.add_post("/line", self._line)
        app.router.add_post("/inquiries", self._inquiries)
        app.router.add_post("/oms/status", self._oms)
        app.router.add_get("/health", self._health)
        return app

    async def run(self, host: str, port: int, stop: asyncio.Event) -> None:
        runner = web.AppRunner(self.app(), access_log=None, handle_signals=False)
        await runner.setup()
        server = None
        try:
            server = await self.guard.serve(runner, host, port)
            self.port = server.sockets[0].getsockname()[1] if server.sockets else port
            shown = f"[{host}]" if ":" in host else host
            log.info("inbox: listening on %s:%d", shown, self.port)
            self.started.set()
            await stop.wait()
        finally:
            if server is not None:
                server.close()
            await runner.cleanup()  # lets the requests in hand finish their writes
            self._pool.shutdown(wait=True)

    # -- checks --------------------------------------------------------------------

    def _authorized(self, request: web.Request) -> bool:
        given = request.headers.get("Authorization", "")
        # Header bytes that are not UTF-8 arrive as surrogates: compare them as they came.
        return hmac.compare_digest(given.encode("utf-8", "surrogateescape"),
                                   ("Bearer " + self._token).encode())

    async def _stored(self, what: str, fn, *args):
        """fn(*args) on the store's threads; None (and a report) when the store failed."""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._pool, fn, *args)
        except SQLAlchemyError as exc:
            self._store_failed(what, exc)
            return None

    def _store_failed(self, what: str, exc: Exception) -> None:
        """Counted always, logged at most once a minute (a store that is down would
        otherwise write a line per request)."""
        self._failures += 1
        now = self._clock()
        if self._last_report is not None and now - self._last_report < LOG_EVERY:
            return
        self._last_report = now
        orig = getattr(exc, "orig", None) or exc
        reason = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
        log.warning("inbox: the store did not take %d request(s), the last %s: %s",
                    self._failures, what, mask_urls(reason)[:300])
        self._failures = 0

    # -- routes --------------------------------------------------------------------

    async def _line(self, request: web.Request) -> web.Response:
        signature = request.headers.get("X-Line-Signature")
        if not signature or not self._line_secret:
            return _error(401, "missing or wrong X-Line-Signature")
        body = await _body(request, line_webhook.MAX_BODY)
        if body is None:
            return _too_large(line_webhook.MAX_BODY)
        if not signature_valid(self._line_secret, body, signature):
            return _error(401, "missing or wrong X-Line-Signature")
        try:
            events = parse_webhook(body)
        except BadWebhook as exc:
            return _error(400, str(exc))
        outcome = await self._stored("LINE webhook", take_line_events, self.store, events)
        if outcome is None:
            return _error(503, "the store is not answering; send it again")
        return web.json_response({"status": "ok", "stored": outcome.stored, "already": outcome.already})

    async def _form(self, request: web.Request, parse):
        """The bearer token, the size and `parse(body)` of a form: (the form, None), or
        (None, the 401/413/400 answer)."""
        if not self._authorized(request):
            return None, _error(401, "missing or wrong bearer token")
        body = await _body(request, FORM_MAX_BODY)
        if body is None:
            return None, _too_large(FORM_MAX_BODY)
        try:
            return parse(body), None
        except BadForm as exc:
            return None, _error(400, str(exc))

    async def _inquiries(self, request: web.Request) -> web.Response:
        form, refused = await self._form(request, parse_inquiry)
        if refused is not None:
            return refused
        outcome = await self._stored("inquiry", take_inquiry, self.store, form)
        if outcome is None:
            return _error(503, "the store is not answering; send it again")
        return web.json_response({"inquiry_id": outcome.inquiry_id}, status=201 if outcome.created else 200)

    async def _oms(self, request: web.Request) -> web.Response:
        status, refused = await self._form(request, parse_oms_status)
        if refused is not None:
            return refused
        outcome = await self._stored("order status", apply_oms_status, self.store,
                                     status.order_no, status.status, status.at)
        if outcome is None:
            return _error(503, "the store is not answering; send it again")
        if outcome.result == UNKNOWN:
            return _error(404, f"no order {status.order_no}")
        if outcome.result == BACKWARDS:  # the order stays as it is
            return web.json_response({"error": f"order {status.order_no} is {outcome.current}: "
                                               f"{status.status} would go back",
                                      "status": outcome.current}, status=409)
        return web.json_response({"order_no": status.order_no, "status": outcome.current,
                                  "result": outcome.result})

    async def _health(self, _request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})
