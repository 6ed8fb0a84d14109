"""Cloud PBX events over HTTP: `POST /events`, `GET /health` (CONTRACT.md "Webhook").

Everything in a body is text from the internet: sizes are bounded, types checked, and
a bad body is answered 400 before it reaches the rest of cti-desk. Connections are
bounded too (telephony/http_guard.py): a deadline to send the request, a cap per
address and in all, so idle or slow clients can't use up the open-file limit.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from aiohttp import web

from cti_desk.domain.calls import NEXT_STATES, CallState, CallUpdate
from cti_desk.domain.phone import MAX_RAW_LENGTH
from cti_desk.domain.text import bounded
from cti_desk.telephony.http_guard import ConnectionGuard

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024  # 65,536 bytes are taken, one more is 413
MAX_CALL_ID = 128
FIELD_LIMITS = {"from": MAX_RAW_LENGTH, "to": MAX_RAW_LENGTH, "caller_name": 100, "queue": 100, "agent": 100}
EVENTS = {"ringing", "answered", "ended"}
MAX_CALLS = 10_000
FINISHED_MEMORY = 2048


@dataclass(slots=True)
class _Call:
    call_id: str
    raw_number: str | None = None
    caller_name: str | None = None
    queue: str | None = None
    agent: str | None = None
    state: CallState | None = None
    ringing_at: frozenset[str] = field(default_factory=frozenset)


class CallLedger:
    """PBX events (`ringing`, `answered`, `ended`) -> each state at most once, in order.

    A PBX that skips a step still gives a complete call: `answered` first rings it,
    `ended` of a call never answered is `missed`. Repeats are dropped.
    """

    def __init__(
        self,
        emit: Callable[[CallUpdate], None],
        source: str,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._emit = emit
        self._source = source
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._calls: OrderedDict[str, _Call] = OrderedDict()
        self._finished: OrderedDict[str, None] = OrderedDict()

    def event(self, call_id: str, event: str, info: dict[str, str | None]) -> None:
        if call_id in self._finished:
            return
        call = self._calls.get(call_id)
        if call is None:
            call = self._calls[call_id] = _Call(call_id, raw_number=info.get("from"))
            if len(self._calls) > MAX_CALLS:
                self._calls.popitem(last=False)
        for key in ("caller_name", "queue", "agent"):
            if info.get(key):
                setattr(call, key, info[key])
        if event == "ringing":
            self._move(call, CallState.RINGING)
        elif event == "answered":
            self._move(call, CallState.RINGING)
            self._move(call, CallState.ANSWERED)
        else:
            self._move(call, CallState.RINGING)
            self._move(call, CallState.ENDED if call.state is CallState.ANSWERED else CallState.MISSED)

    def _move(self, call: _Call, state: CallState) -> None:
        if state not in NEXT_STATES[call.state]:
            return
        call.state = state
        if state is CallState.RINGING and call.agent:
            call.ringing_at = frozenset({call.agent})
        elif state is CallState.ANSWERED:
            call.ringing_at = frozenset({call.agent}) if call.agent else frozenset()
        elif state in (CallState.ENDED, CallState.MISSED):
            call.ringing_at = frozenset()
            self._calls.pop(call.call_id, None)
            self._finished[call.call_id] = None
            if len(self._finished) > FINISHED_MEMORY:
                self._finished.popitem(last=False)
        self._emit(
            CallUpdate(
                call_id=call.call_id, state=state, raw_number=call.raw_number,
                caller_name=call.caller_name, queue=call.queue, agent=call.agent,
                ts=self._clock(), ringing_at=call.ringing_at, source=self._source,
            )
        )


class BadEvent(ValueError):
    pass


def parse_event(body: bytes) -> tuple[str, str, dict[str, str | None]]:
    """A request body -> (call_id, event, bounded fields); BadEvent says what is wrong."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: [[[[... 64 KiB deep
        raise BadEvent("body is not JSON") from None
    if not isinstance(data, dict):
        raise BadEvent("body is not a JSON object")
    call_id = data.get("call_id")
    if isinstance(call_id, int) and not isinstance(call_id, bool):
        call_id = str(call_id)
    if not isinstance(call_id, str) or not call_id.strip():
        raise BadEvent("call_id is missing")
    if len(call_id) > MAX_CALL_ID:
        raise BadEvent(f"call_id is longer than {MAX_CALL_ID} characters")
    event = data.get("event")
    if event not in EVENTS:
        raise BadEvent("event must be one of ringing, answered, ended")
    info: dict[str, str | None] = {}
    for key, limit in FIELD_LIMITS.items():
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise BadEvent(f"{key} must be a string")
        if key == "from":
            # As sent ("" is withheld), minus what no number holds and stdout can't write (lone surrogates).
            info[key] = bounded(value, limit).strip() if value else None
        else:
            info[key] = bounded(value, limit) or None
    return bounded(call_id, MAX_CALL_ID), event, info


def _feeding(board, emit: Callable[[CallUpdate], None]) -> Callable[[CallUpdate], None]:
    """`emit`, with the queue board (if any) told first: the events carry queue and agent."""
    if board is None:
        return emit

    def both(update: CallUpdate) -> None:
        board.handle_update(update)
        emit(update)

    return both


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


class WebhookSource:
    """An HTTP server taking cloud PBX events until cancelled."""

    def __init__(
        self, host: str, port: int, token: str | None = None, guard: ConnectionGuard | None = None
    ) -> None:
        self.host, self.port, self.token = host, port, token
        self.guard = guard or ConnectionGuard("webhook")
        self.started = asyncio.Event()  # set once listening; `port` is then the real one
        self._ledger: CallLedger | None = None
        self.queue_board = None  # a QueueBoard (telephony/queues.py) fed every update, if set

    def app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self.guard.middleware])
        app.router.add_post("/events", self._events)
        app.router.add_get("/health", self._health)
        return app

    async def run(self, emit: Callable[[CallUpdate], None]) -> None:
        self._ledger = CallLedger(_feeding(self.queue_board, emit), "webhook")
        runner = web.AppRunner(self.app(), access_log=None, handle_signals=False)
        await runner.setup()
        server = None
        try:
            server = await self.guard.serve(runner, self.host, self.port)
            if server.sockets:
                self.port = server.sockets[0].getsockname()[1]  # the real port for :0
            log.info("webhook listening on http://%s:%d/events", self.host, self.port)
            self.started.set()
            await asyncio.Event().wait()
        finally:
            if server is not None:
                server.close()
            await runner.cleanup()

    def _authorized(self, request: web.Request) -> bool:
        if not self.token:
            return True
        given = request.headers.get("Authorization", "")
        expected = "Bearer " + self.token
        # Header bytes that are not UTF-8 arrive as surrogates: compare them as they came.
        return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), expected.encode())

    async def _events(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return _error(401, "missing or wrong bearer token")
        if request.content_length is not None and request.content_length > MAX_BODY:
            return _error(413, "body over 64 KiB")
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return _error(413, "body over 64 KiB")
        try:
            call_id, event, info = parse_event(body)
        except BadEvent as exc:
            return _error(400, str(exc))
        assert self._ledger is not None
        self._ledger.event(call_id, event, info)
        return web.json_response({"status": "accepted"}, status=202)

    async def _health(self, _request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})
