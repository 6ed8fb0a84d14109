"""Asterisk Manager Interface client (asyncio, no Qt).

`AmiClient.run()` connects, checks the banner, logs in (plain or Challenge/MD5), then
reads forever, handing every event to `on_event`. It keeps the link alive with `Ping`
and, when the link drops, the PBX says `Shutdown` or stops answering, reconnects with
exponential backoff and jitter (0.2 s doubling, capped at 3 s, so it logs in again
within 5 s of the PBX being reachable). `on_connected` is awaited after every login
(the call tracker re-syncs there); `on_disconnected(reason)` is called when a logged-in
session ends. A refused login raises `AuthenticationFailed` and a peer that is not AMI
raises `NotAmiPeer`: both are final, no retry. Cancel the task to stop.

With a `link` (domain.link.LinkReporter) the client also says what its link is doing:
connected (the banner), reconnecting (why, and the backoff before the next try),
refused (authentication failed) or stopped (not AMI), so nothing fails silently.

The secret (and the MD5 key made from it) is never logged: only action names and
ActionIDs are.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import logging
import os
import random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

from cti_desk.domain.link import AUTH_FAILED, LinkPhase, LinkReporter, pbx_detail
from cti_desk.telephony.ami.message import Message
from cti_desk.telephony.ami.parser import AmiParser
from cti_desk.telephony.ami.url import AmiConfig

log = logging.getLogger(__name__)

HeaderValue = str | int | bool | list[str] | None


class AmiError(Exception):
    pass


class AuthenticationFailed(AmiError):
    def __init__(self) -> None:
        super().__init__("authentication failed")

    def __str__(self) -> str:
        return "authentication failed"


class NotAmiPeer(AmiError):
    """The peer answered, but not as an Asterisk Manager Interface (wrong port?)."""


class ConnectionLost(AmiError, ConnectionError):
    """Not connected, or the link dropped before the answer came."""


@dataclass
class _Pending:
    future: asyncio.Future
    is_list: bool
    response: Message | None = None
    items: list[Message] = field(default_factory=list)


def _header_value(value: HeaderValue) -> list[str]:
    if value is None:
        return []
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


class AmiClient:
    def __init__(
        self,
        config: AmiConfig,
        on_event: Callable[[Message], None],
        on_connected: Callable[[AmiClient], Awaitable[None]] | None = None,
        on_disconnected: Callable[[str], None] | None = None,
        link: LinkReporter | None = None,
    ) -> None:
        self.config = config
        self.on_event = on_event
        self.on_connected = on_connected
        self.on_disconnected = on_disconnected
        self.link = link
        self.connected = False  # logged in and reading
        self.banner: str | None = None
        self.logins = 0  # successful logins since this client was made
        self._writer: asyncio.StreamWriter | None = None
        self._pending: dict[str, _Pending] = {}
        self._ids = itertools.count(1)
        # Unique per client, so two seats on one PBX never mix up their ActionIDs.
        self._id_prefix = f"cti-{os.urandom(3).hex()}"

    # --- the long-running task ---------------------------------------------------------

    async def run(self) -> None:
        cfg = self.config
        attempt = 0
        while True:
            logins_before = self.logins
            try:
                reason = await self._session()
            except AuthenticationFailed:
                self._link(LinkPhase.REFUSED, reason=AUTH_FAILED)
                raise
            except NotAmiPeer as exc:
                self._link(LinkPhase.STOPPED, reason=str(exc))
                raise
            except (OSError, TimeoutError, AmiError) as exc:
                reason = _describe(exc)
            if self.logins > logins_before:
                attempt = 0
                if self.on_disconnected is not None:
                    self.on_disconnected(reason)
            delay = reconnect_delay(cfg, attempt)
            attempt += 1
            log.warning("AMI %s: %s; reconnecting in %.1f s", cfg.display(), reason, delay)
            self._link(LinkPhase.RECONNECTING, reason=reason, retry_in=delay)
            await asyncio.sleep(delay)

    async def _session(self) -> str:
        """One connection: returns (or raises) why it ended."""
        cfg = self.config
        log.info("AMI connecting to %s", cfg.display())
        async with asyncio.timeout(cfg.connect_timeout):
            reader, writer = await asyncio.open_connection(cfg.host, cfg.port)
        tasks: set[asyncio.Task] = set()
        try:
            parser = AmiParser()
            early: list[Message] = []
            async with asyncio.timeout(cfg.connect_timeout):
                while parser.greeting is None:
                    data = await reader.read(4096)
                    if not data:
                        raise ConnectionLost("the PBX closed the connection before its banner")
                    early += parser.feed(data)
            if parser.banner is None:
                raise NotAmiPeer(
                    f"{cfg.display()} is not an Asterisk Manager Interface "
                    f"(it greeted with {parser.greeting[:60]!r})"
                )
            self.banner = parser.banner
            self._writer = writer
            reading = asyncio.create_task(self._read_loop(reader, parser, early))
            tasks.add(reading)
            await self._login()
            self.connected = True
            self.logins += 1
            log.info("AMI logged in to %s (%s)", cfg.display(), parser.banner)
            self._link(LinkPhase.CONNECTED, detail=pbx_detail(parser.banner))
            keepalive = asyncio.create_task(self._keepalive())
            tasks.add(keepalive)
            if self.on_connected is not None:
                tasks.add(asyncio.create_task(self.on_connected(self)))
            while True:
                done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    if task is reading or task is keepalive:
                        return task.result()
                    tasks.discard(task)  # on_connected finished
                    exc = task.exception()
                    if isinstance(exc, (AmiError, TimeoutError)):
                        log.warning("AMI re-sync after login failed: %s", _describe(exc))
                    elif exc is not None:
                        log.error("AMI re-sync after login failed", exc_info=exc)
        except asyncio.CancelledError:
            if self.connected and not writer.is_closing():
                # Closing the link (not losing it): say goodbye, so the PBX logs a clean
                # logoff. Not awaited: the close below flushes it before the socket goes.
                writer.write(f"Action: Logoff\r\nActionID: {self._id_prefix}-bye\r\n\r\n".encode())
            raise
        finally:
            self.connected = False
            self._writer = None
            writer.close()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self._fail_pending("the connection to the PBX was lost")

    def _link(self, phase: LinkPhase, **what) -> None:
        if self.link is not None:
            self.link.move(phase, **what)

    async def _login(self) -> None:
        cfg = self.config
        secret = cfg.secret or ""
        if cfg.auth == "md5":
            challenge = await self._request("Challenge", {"AuthType": "MD5"})
            if not _success(challenge) or not challenge.get("Challenge"):
                log.error("AMI %s refused the MD5 challenge", cfg.display())
                raise AuthenticationFailed()
            key = hashlib.md5((challenge["Challenge"] + secret).encode()).hexdigest()
            headers = {"AuthType": "MD5", "Username": cfg.username, "Key": key}
        else:
            headers = {"Username": cfg.username, "Secret": secret}
        response = await self._request("Login", {**headers, "Events": cfg.events})
        if not _success(response):
            log.error("AMI %s refused the login of %r", cfg.display(), cfg.username)
            raise AuthenticationFailed()

    async def _keepalive(self) -> str:
        cfg = self.config
        while True:
            await asyncio.sleep(cfg.ping_interval)
            try:
                await self._request("Ping", {}, timeout=cfg.ping_timeout)
            except TimeoutError:
                return f"no answer to Ping within {cfg.ping_timeout:g} s"

    async def _read_loop(self, reader: asyncio.StreamReader, parser: AmiParser, early: list[Message]) -> str:
        try:
            for message in early:
                if reason := self._dispatch(message):
                    return reason
            while data := await reader.read(65536):
                for message in parser.feed(data):
                    if reason := self._dispatch(message):
                        return reason
            return "the PBX closed the connection"
        except OSError as exc:
            return _describe(exc)
        finally:
            self._fail_pending("the connection to the PBX was lost")

    def _dispatch(self, message: Message) -> str | None:
        """Route one frame; returns a reason when the session must end."""
        action_id = message.action_id
        pending = self._pending.get(action_id) if action_id is not None else None
        if pending is not None and not pending.future.done():
            if not pending.is_list:
                if message.response is not None:
                    pending.future.set_result(message)
                    return None
            elif message.response is not None and pending.response is None:
                pending.response = message
                # An error, or a list of nothing: no items will follow.
                if not _success(message) or (message.get("EventList") or "").lower() == "complete":
                    pending.future.set_result((message, pending.items))
                return None
            elif message.event is not None:
                if (message.get("EventList") or "").lower() == "complete":
                    pending.future.set_result((pending.response or message, pending.items))
                else:
                    pending.items.append(message)
                return None
        event = message.event
        if event is None:
            if message.response is not None:
                log.debug("AMI response for no pending action (ActionID %.60r)", action_id)
            return None
        try:
            self.on_event(message)
        except Exception:
            log.exception("AMI event handler failed on %s", event)
        if event.lower() == "shutdown":
            return (
                f"the PBX is shutting down (Shutdown: {message.get('Shutdown', '?')}, "
                f"Restart: {message.get('Restart', '?')})"
            )
        return None

    def _fail_pending(self, reason: str) -> None:
        pending, self._pending = self._pending, {}
        for p in pending.values():
            if not p.future.done():
                p.future.set_exception(ConnectionLost(reason))

    # --- actions -----------------------------------------------------------------------

    async def send_action(self, action: str, **headers: HeaderValue) -> Message:
        """Send an action and return its Response (matched by ActionID).

        A list value sends the header once per item (`Variable`); None leaves it out.
        """
        return await self._request(action, headers)

    async def send_list_action(self, action: str, **headers: HeaderValue) -> tuple[Message, list[Message]]:
        """Send an action answered with a list (`EventList: start` ... `Complete`):
        the response and the events of the list, in order. Other events that arrive
        meanwhile still go to `on_event`."""
        return await self._request(action, headers, is_list=True)

    async def _request(
        self,
        action: str,
        headers: Mapping[str, HeaderValue],
        is_list: bool = False,
        timeout: float | None = None,
    ):
        writer = self._writer
        if writer is None or writer.is_closing():
            raise ConnectionLost("not connected to the PBX")
        action_id = str(headers.get("ActionID") or f"{self._id_prefix}-{next(self._ids)}")
        lines = [f"Action: {action}", f"ActionID: {action_id}"]
        for key, value in headers.items():
            if key == "ActionID":
                continue
            lines.extend(f"{key}: {v}" for v in _header_value(value))
        if any("\r" in line or "\n" in line for line in lines):
            # A value from outside must never smuggle in a header or a second action.
            raise ValueError(f"line break in a header of the {action[:40]} action")
        pending = _Pending(asyncio.get_running_loop().create_future(), is_list)
        self._pending[action_id] = pending
        try:
            log.debug("AMI -> %s (ActionID %s)", action, action_id)
            writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("utf-8"))
            async with asyncio.timeout(timeout or self.config.action_timeout):
                return await pending.future
        finally:
            if self._pending.get(action_id) is pending:
                del self._pending[action_id]

    # --- what cti-desk asks of the PBX ----------------------------------------------------

    async def originate(
        self,
        channel: str,
        exten: str,
        context: str,
        caller_id: str | None = None,
        variables: Mapping[str, str] | None = None,
        priority: int = 1,
    ) -> Message:
        """Click-to-dial: ring `channel` (the agent's phone), then dial `exten`.

        Async, so the answer comes at once; the outcome arrives later as an
        `OriginateResponse` event (to `on_event`)."""
        return await self.send_action(
            "Originate",
            Channel=channel,
            Exten=exten,
            Context=context,
            Priority=priority,
            CallerID=caller_id,
            Variable=[f"{k}={v}" for k, v in (variables or {}).items()] or None,
            Async=True,
        )

    async def queue_pause(
        self, interface: str, paused: bool, queue: str | None = None, reason: str | None = None
    ) -> Message:
        return await self.send_action(
            "QueuePause", Interface=interface, Paused=paused, Queue=queue, Reason=reason
        )

    async def queue_status(self, queue: str | None = None) -> tuple[Message, list[Message]]:
        return await self.send_list_action("QueueStatus", Queue=queue)

    async def queue_summary(self, queue: str | None = None) -> tuple[Message, list[Message]]:
        return await self.send_list_action("QueueSummary", Queue=queue)

    async def core_show_channels(self) -> tuple[Message, list[Message]]:
        return await self.send_list_action("CoreShowChannels")


def reconnect_delay(config: AmiConfig, attempt: int, jitter: Callable[[], float] | None = None) -> float:
    """Backoff before reconnect attempt `attempt` (0-based): doubling from
    `reconnect_initial`, capped at `reconnect_max`, times a jitter in [0.5, 1) so many
    seats do not hammer a restarting PBX in step."""
    base = min(config.reconnect_max, config.reconnect_initial * 2 ** min(attempt, 30))
    return base * (jitter() if jitter is not None else random.uniform(0.5, 1.0))


def _success(message: Message) -> bool:
    return (message.response or "").lower() == "success"


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    return str(exc) or type(exc).__name__
