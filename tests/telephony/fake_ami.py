"""A fake Asterisk Manager Interface server on 127.0.0.1 and a loader for the recordings.

    async with FakeAmi(username="admin", secret="s3cret") as pbx:
        client = AmiClient(parse_ami_url(f"ami://admin:s3cret@127.0.0.1:{pbx.port}"), ...)
        ...
        await pbx.wait_for_login()
        await pbx.push(load_recording("goami2-call.txt"))     # raw frames, as Asterisk sent them
        await pbx.wait_for_action("CoreShowChannels")
        pbx.drop()                                            # connection lost mid-stream
        await pbx.shutdown()                                  # Event: Shutdown, then close
        pbx.silent = True                                     # stops answering (Ping too)
        await pbx.stop_listening(); ...; await pbx.listen()  # PBX down, then back, same port

Behaves like real Asterisk where it matters: banner without a blank line after it, plain
and Challenge/MD5 login, `Permission denied` before login, a refused login waits
briefly, answers `Response: Error` / `Message: Authentication failed` and closes.
Answers are scriptable: `pbx["QueueStatus"] = [frame(...), ...]` or a callable
`(action: Message) -> bytes | list[bytes]` (sync or async, each answer runs on its own so
a slow one does not hold back the next). `Response:` frames without an ActionID get the
action's; `%ACTIONID%` anywhere is replaced by it; other events stay unsolicited.
`list_reply("QueueStatusComplete", [frame(Event="QueueMember", ...)])` builds a list.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import re
import time
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path

from cti_desk.telephony.ami.message import Message
from cti_desk.telephony.ami.parser import AmiParser

RECORDINGS = Path(__file__).resolve().parent.parent / "fixtures" / "ami"

Reply = bytes | list[bytes]
Responder = list[bytes] | bytes | Callable[[Message], Reply | Awaitable[Reply]]


def frame(*pairs: tuple[str, str], **headers: str) -> bytes:
    """One AMI frame as Asterisk writes it: `Key: Value` CRLF lines, then an empty line."""
    lines = [f"{k}: {v}" for k, v in (*pairs, *headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")


ACTION_ID = "%ACTIONID%"  # in a scripted frame: replaced by the action's ActionID


def list_reply(complete_event: str, items: Iterable[bytes] = ()) -> list[bytes]:
    """A list response: `EventList: start`, the items (each given the action's ActionID,
    as Asterisk does), `<complete_event>` with `EventList: Complete` and ListItems."""
    items = [_with_action_id(item, ACTION_ID, force=True) for item in items]
    return [
        frame(Response="Success", EventList="start", Message="Events will follow"),
        *items,
        frame(Event=complete_event, ActionID=ACTION_ID, EventList="Complete", ListItems=str(len(items))),
    ]


def _with_action_id(raw: bytes, action_id: str | None, force: bool = False) -> bytes:
    """`Response:` frames (or all with `force`) get the ActionID when they have none;
    events without one stay unsolicited events."""
    if action_id is None:
        return raw
    raw = raw.replace(ACTION_ID.encode(), action_id.encode())
    if re.search(rb"(?im)^actionid:", raw) or not (force or raw[:9].lower() == b"response:"):
        return raw
    first, sep, rest = raw.partition(b"\r\n")
    return first + sep + f"ActionID: {action_id}\r\n".encode() + rest


class _Connection:
    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self.writer = writer
        self.logged_in = False
        self.events = True
        self.challenge: str | None = None

    def write(self, data: bytes) -> None:
        if not self.writer.is_closing():
            self.writer.write(data)


class FakeAmi:
    def __init__(
        self,
        username: str = "admin",
        secret: str = "s3cret",
        version: str = "9.0.0",
        challenge: str = "145769581",
        refuse_delay: float = 0.05,
        fully_booted: bool = True,
    ) -> None:
        self.username = username
        self.secret = secret
        self.version = version
        self.challenge = challenge
        self.refuse_delay = refuse_delay
        self.fully_booted = fully_booted
        self.host = "127.0.0.1"
        self.port = 0
        self.silent = False  # reads but answers nothing, like a hung PBX
        self.responses: dict[str, Responder] = {
            "coreshowchannels": list_reply("CoreShowChannelsComplete"),
            "queuestatus": list_reply("QueueStatusComplete"),
            "queuesummary": list_reply("QueueSummaryComplete"),
        }
        self.actions: list[Message] = []  # every action received, logins included
        self.logins = 0  # successful logins so far
        self.refused_logins = 0
        self.connections_accepted = 0
        self._conns: set[_Connection] = set()
        self._server: asyncio.Server | None = None
        self._changed = asyncio.Condition()
        self._handlers: set[asyncio.Task] = set()

    # --- lifecycle ---------------------------------------------------------------------

    async def __aenter__(self) -> FakeAmi:
        await self.listen()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.stop_listening()

    async def listen(self) -> None:
        """Accept connections (again, on the same port after `stop_listening`)."""
        self._server = await asyncio.start_server(self._handle, self.host, self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop_listening(self) -> None:
        """The PBX goes away: drop every connection and refuse new ones."""
        if self._server is not None:
            self._server.close()
            self.drop()
            await self._server.wait_closed()
            self._server = None
        for task in list(self._handlers):
            task.cancel()
        if self._handlers:
            await asyncio.gather(*self._handlers, return_exceptions=True)

    # --- what a test does --------------------------------------------------------------

    def __setitem__(self, action: str, responder: Responder) -> None:
        self.responses[action.lower()] = responder

    async def push(self, frames: bytes | Iterable[bytes]) -> None:
        """Send raw bytes (events) to every logged-in connection that wants events."""
        data = frames if isinstance(frames, bytes) else b"".join(frames)
        for conn in list(self._conns):
            if conn.logged_in and conn.events:
                conn.write(data)
                await conn.writer.drain()

    async def send_raw(self, data: bytes) -> None:
        """Send bytes to every connection, logged in or not."""
        for conn in list(self._conns):
            conn.write(data)
            await conn.writer.drain()

    def drop(self) -> None:
        """Connection lost: close every connection at once (no goodbye)."""
        for conn in list(self._conns):
            conn.writer.transport.abort()

    async def shutdown(self, shutdown: str = "Uncleanly", restart: str = "True") -> None:
        """Asterisk stopping: `Event: Shutdown` to everyone, then close."""
        await self.push(
            frame(Event="Shutdown", Privilege="system,all", Shutdown=shutdown, Restart=restart)
        )
        for conn in list(self._conns):
            conn.writer.close()

    async def wait_for(self, predicate: Callable[[], bool]) -> None:
        async with self._changed:
            await self._changed.wait_for(predicate)

    async def wait_for_action(self, action: str, count: int = 1) -> Message:
        """The `count`-th action of that name received (waits for it)."""
        low = action.lower()

        def matching() -> list[Message]:
            return [m for m in self.actions if (m.get("Action") or "").lower() == low]

        await self.wait_for(lambda: len(matching()) >= count)
        return matching()[count - 1]

    async def wait_for_login(self, count: int = 1) -> None:
        await self.wait_for(lambda: self.logins >= count)

    @property
    def connected_clients(self) -> int:
        return len(self._conns)

    # --- the server --------------------------------------------------------------------

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        conn = _Connection(writer)
        self._conns.add(conn)
        self.connections_accepted += 1
        parser = AmiParser()
        parser.greeting = ""  # the client sends no banner
        answers: set[asyncio.Task] = set()
        try:
            conn.write(f"Asterisk Call Manager/{self.version}\r\n".encode())
            await self._notify()
            while data := await reader.read(65536):
                for action in parser.feed(data):
                    self.actions.append(action)
                    await self._notify()
                    if not self.silent:
                        # Each answer on its own: a slow scripted answer must not hold
                        # back the next action's (answers may then cross, by ActionID).
                        answer = asyncio.create_task(self._answer(conn, action))
                        answers.add(answer)
                        answer.add_done_callback(answers.discard)
                if writer.is_closing():
                    return
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            for answer in list(answers):
                answer.cancel()
            self._conns.discard(conn)
            writer.close()
            self._handlers.discard(task)
            await self._notify()

    async def _answer(self, conn: _Connection, action: Message) -> None:
        try:
            await self._answer_one(conn, action)
        except ConnectionError:
            pass

    async def _answer_one(self, conn: _Connection, action: Message) -> None:
        name = (action.get("Action") or "").lower()
        aid = action.action_id
        if not name:
            conn.write(_with_action_id(frame(Response="Error", Message="Missing action in request"), aid))
        elif name == "challenge":
            conn.challenge = self.challenge
            conn.write(_with_action_id(frame(Response="Success", Challenge=self.challenge), aid))
        elif name == "login":
            await self._login(conn, action)
        elif not conn.logged_in:
            conn.write(_with_action_id(frame(Response="Error", Message="Permission denied"), aid))
        elif name == "ping":
            pong = frame(Response="Success", Ping="Pong", Timestamp=f"{time.time():.6f}")
            conn.write(_with_action_id(pong, aid))
        elif name == "logoff":
            conn.write(_with_action_id(frame(Response="Goodbye", Message="Thanks for all the fish."), aid))
            conn.writer.close()
        elif name in self.responses:
            responder = self.responses[name]
            reply = responder(action) if callable(responder) else responder
            if inspect.isawaitable(reply):
                reply = await reply
            for raw in [reply] if isinstance(reply, bytes) else reply:
                conn.write(_with_action_id(raw, aid))
        elif name == "originate":
            conn.write(_with_action_id(frame(Response="Success", Message="Originate successfully queued"), aid))
        elif name == "queuepause":
            conn.write(_with_action_id(frame(Response="Success", Message="Interface paused successfully"), aid))
        else:
            conn.write(_with_action_id(frame(Response="Error", Message="Invalid/unknown command"), aid))
        await conn.writer.drain()

    async def _login(self, conn: _Connection, action: Message) -> None:
        aid = action.action_id
        ok = (action.get("Username") or "") == self.username
        if (action.get("AuthType") or "").lower() == "md5":
            expected = hashlib.md5(((conn.challenge or "") + self.secret).encode()).hexdigest()
            ok = ok and conn.challenge is not None and action.get("Key") == expected
        else:
            ok = ok and action.get("Secret") == self.secret
        if not ok:
            self.refused_logins += 1
            await asyncio.sleep(self.refuse_delay)
            conn.write(_with_action_id(frame(Response="Error", Message="Authentication failed"), aid))
            await conn.writer.drain()
            conn.writer.close()
            return
        conn.events = (action.get("Events") or "on").lower() != "off"
        conn.write(_with_action_id(frame(Response="Success", Message="Authentication accepted"), aid))
        if self.fully_booted and conn.events:
            conn.write(frame(Event="FullyBooted", Privilege="system,all", Status="Fully Booted"))
        conn.logged_in = True
        self.logins += 1


# --- the recordings -------------------------------------------------------------------

_SECTION = re.compile(r"^# --- (.*)$", re.MULTILINE)
_JOINED = re.compile(r", (?=[A-Za-z][\w-]*: )")
_TAIL_OF = re.compile(r"\(tail; head identical to (\w+)\)")


def load_recording(name: str, pbx_only: bool = False) -> list[bytes]:
    """The frames of one recording in tests/fixtures/ami, as Asterisk sends them (CRLF).

    `pbx_only` leaves out banners and what the client sent (`Action:` frames): what a
    test can `push` from a logged-in fake PBX.

    Comment lines (`# ...`) are stripped. A banner line is an item of its own (no blank
    line after it, as on the wire). Frames that the recordings' sources glued together
    (a blank line lost) are split again: before a second `Event:` line, and before a
    `Response:` that follows a `...Complete` list end. `Response: Follows` command
    output stays one frame up to `--END COMMAND--`.

    jasterng-pjsip-queue.txt was written by a logger that joined headers with ', ' and
    inserted blank lines: each `# --- X.java` section becomes one frame, headers split
    and the trailing ', ' stripped, `Event:` set to X (the source's comments carry
    copy-pasted Event lines), and the "tail" sections completed with the head of the
    section they name.
    """
    text = (RECORDINGS / name).read_text(encoding="utf-8")
    frames = _load_logged(text) if name.startswith("jasterng") else _load_wire(text)
    if pbx_only:
        frames = [
            f for f in frames
            if not f.lower().startswith(b"action:") and not f.startswith(b"Asterisk Call Manager/")
        ]
    return frames


def recording_stream(name: str) -> bytes:
    return b"".join(load_recording(name))


def _load_wire(text: str) -> list[bytes]:
    lines = [ln for ln in text.replace("\r\n", "\n").split("\n") if not ln.startswith("#")]
    frames: list[bytes] = []
    current: list[str] = []
    in_command = False

    def flush() -> None:
        if current:
            frames.append(("\r\n".join(current) + "\r\n\r\n").encode("utf-8"))
            current.clear()

    for line in lines:
        if in_command:
            current.append(line)
            if line.endswith("--END COMMAND--"):
                in_command = False
                flush()
            continue
        if not line:
            flush()
            continue
        if line.startswith("Asterisk Call Manager/") and not current:
            frames.append((line + "\r\n").encode())
            continue
        if current and (
            line.startswith("Event:")
            or (line.startswith("Response:") and current[0].startswith("Event:")
                and current[0].rstrip().endswith("Complete"))
        ):
            flush()
        current.append(line)
        if line.lower() == "response: follows":
            in_command = True
    flush()
    return frames


def _load_logged(text: str) -> list[bytes]:
    sections: dict[str, list[tuple[str, str]]] = {}
    order: list[str] = []
    for title, body in zip(_SECTION.findall(text), _SECTION.split(text)[2::2], strict=True):
        pairs: list[tuple[str, str]] = []
        for raw in body.split("\n"):
            line = raw.rstrip()
            if not line or line.startswith("#"):
                continue
            for header in _JOINED.split(line.removesuffix(",")):
                key, _, value = header.partition(": ")
                pairs.append((key.removesuffix(":"), value))
        event = title.split(".java")[0]
        tail_of = _TAIL_OF.search(title)
        if tail_of:
            head = sections[tail_of.group(1)]
            first_tail_key = pairs[0][0]
            cut = next(i for i, (k, _) in enumerate(head) if k == first_tail_key)
            pairs = head[:cut] + pairs
        pairs = [("Event", event) if k == "Event" else (k, v) for k, v in pairs]
        sections[event] = pairs
        order.append(event)
    return [frame(*sections[event]) for event in order]


def run(main, timeout: float = 10.0):
    """Run one async test body, bounded so a hang fails instead of blocking the suite."""

    async def bounded():
        async with asyncio.timeout(timeout):
            return await main()

    return asyncio.run(bounded())
