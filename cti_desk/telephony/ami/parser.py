"""Incremental parser for the Asterisk Manager Interface byte stream.

Takes whatever the socket hands over (any chunking) and returns complete frames as
`Message`s. What real Asterisk sends, and what this tolerates:

- frames are `Key: Value` lines ended by CRLF, a frame ends with an empty line; bare LF
  is accepted too (and mixed), NUL bytes are dropped;
- the greeting `Asterisk Call Manager/x.y.z` is one line with no blank line after it;
- keys are split on the first colon only, one space after it is stripped, values stay
  raw (empty values and repeated keys are kept, in order);
- bytes are UTF-8, decoded with errors="replace": bad bytes never raise;
- old versions answer `Command` with `Response: Follows`, raw output lines (possibly
  with blank lines) and `--END COMMAND--`: the output becomes repeated `Output` keys,
  the way Asterisk 14+ sends it;
- a line without a colon is dropped (logged at debug level);
- a frame over `max_frame_bytes` is dropped with a warning and the parser resyncs at
  the next empty line.
"""

from __future__ import annotations

import logging
import re

from cti_desk.telephony.ami.message import Message

log = logging.getLogger(__name__)

BANNER_PREFIX = "Asterisk Call Manager/"
_BANNER_PREFIX_B = BANNER_PREFIX.encode()
_FOLLOWS = "response: follows"
_END_COMMAND = "--END COMMAND--"
# Headers Asterisk puts before the raw output of a `Response: Follows`.
_FOLLOWS_HEADERS = frozenset({"response", "privilege", "actionid", "commandid", "message"})
# One `Key: Value` line; a line without a colon does not match.
_PAIR = re.compile(r"^([^:\n]*):[ ]?([^\n]*)$", re.MULTILINE)
_GREETING_MAX = 1024  # bytes of a first line before we stop waiting for its end


class AmiParser:
    """Bytes in, `Message`s out; keeps the incomplete tail between calls."""

    def __init__(self, max_frame_bytes: int = 256 * 1024) -> None:
        self.max_frame_bytes = max_frame_bytes
        self.banner: str | None = None  # "Asterisk Call Manager/9.0.0" once seen
        # The peer's first line, whatever it was: lets the client tell a non-AMI peer.
        self.greeting: str | None = None
        self.dropped_frames = 0
        self._buf = bytearray()
        self._pending_cr = False  # chunk ended in CR: its LF may be in the next chunk
        self._skipping = False  # dropping an oversized frame until the next empty line
        self._skip_nl = False

    def feed(self, data: bytes) -> list[Message]:
        if self._pending_cr:
            data = b"\r" + data
            self._pending_cr = False
        if data.endswith(b"\r"):
            data = data[:-1]
            self._pending_cr = True
        if b"\r" in data:
            data = data.replace(b"\r\n", b"\n")
        if b"\x00" in data:
            data = data.replace(b"\x00", b"")
        if self._skipping:
            data = self._skip(data)
            if not data:
                return []
        buf = self._buf
        buf += data
        if self.greeting is None and not self._read_greeting():
            return []
        end = buf.rfind(b"\n\n")
        if end < 0:
            if len(buf) > self.max_frame_bytes:
                self._drop_buffer()
            return []
        complete = bytes(buf[:end])
        del buf[: end + 2]
        return self._parse_frames(complete.decode("utf-8", "replace"))

    # --- internals -------------------------------------------------------------------

    def _read_greeting(self) -> bool:
        buf = self._buf
        nl = buf.find(b"\n")
        if nl < 0:
            if len(buf) > _GREETING_MAX:  # no line end: whatever this is, it is not AMI
                self.greeting = bytes(buf[:80]).decode("utf-8", "replace")
                return True
            return False
        line = bytes(buf[:nl]).rstrip(b"\r")
        self.greeting = line[:200].decode("utf-8", "replace")
        if line.startswith(_BANNER_PREFIX_B):
            self.banner = self.greeting
            del buf[: nl + 1]
        return True

    def _skip(self, data: bytes) -> bytes:
        if self._skip_nl:
            data = b"\n" + data
        idx = data.find(b"\n\n")
        if idx < 0:
            self._skip_nl = data.endswith(b"\n")
            return b""
        self._skipping = False
        self._skip_nl = False
        return data[idx + 2 :]

    def _drop_buffer(self) -> None:
        log.warning(
            "AMI frame over %d bytes dropped; resyncing at the next empty line",
            self.max_frame_bytes,
        )
        self.dropped_frames += 1
        self._skip_nl = self._buf.endswith(b"\n")
        self._buf.clear()
        self._skipping = True

    def _drop_frame(self, size: int) -> None:
        log.warning("AMI frame of %d bytes (over %d) dropped", size, self.max_frame_bytes)
        self.dropped_frames += 1

    def _parse_frames(self, text: str) -> list[Message]:
        out: list[Message] = []
        parts = text.split("\n\n")
        limit = self.max_frame_bytes
        i = 0
        n = len(parts)
        while i < n:
            frame = parts[i]
            i += 1
            if not frame:
                continue
            if frame[0] == "\n":
                frame = frame.lstrip("\n")
                if not frame:
                    continue
            if frame[0] == "A" and frame.startswith(BANNER_PREFIX):
                banner, _, frame = frame.partition("\n")
                self.banner = banner.rstrip("\r")
                if not frame:
                    continue
            if frame[0] in "Rr" and frame[:17].lower() == _FOLLOWS:
                # Raw command output may hold empty lines: join parts up to the end marker.
                while _END_COMMAND not in frame and i < n:
                    frame = frame + "\n\n" + parts[i]
                    i += 1
                if _END_COMMAND not in frame:
                    # The end is still to come: keep it for the next feed.
                    self._buf[:0] = (frame + "\n\n").encode("utf-8")
                    if len(self._buf) > limit:
                        self._drop_buffer()
                    break
                frame, _, rest = frame.partition(_END_COMMAND)
                rest = rest.lstrip("\r\n")
                if rest:  # something after the marker without an empty line: its own frame
                    parts.insert(i, rest)
                    n += 1
                if len(frame) > limit:
                    self._drop_frame(len(frame))
                    continue
                out.append(_follows_message(frame))
                continue
            if len(frame) > limit:
                self._drop_frame(len(frame))
                continue
            # One C-level pass; a line without a colon (or a stray CR) shows as a count
            # mismatch and takes the line-by-line path.
            pairs = _PAIR.findall(frame)
            if len(pairs) != frame.count("\n") + 1 or "\r" in frame:
                pairs = _pairs_slow(frame)
            if pairs:
                out.append(Message(pairs))
        return out


def _pairs_slow(frame: str) -> list[tuple[str, str]]:
    """Line by line, for frames with stray CRs or lines without a colon."""
    pairs = []
    for raw in frame.split("\n"):
        line = raw.rstrip("\r")
        key, sep, value = line.partition(":")
        if not sep:
            if line:
                log.debug("AMI line without a colon dropped: %.80r", line)
            continue
        if value[:1] == " ":
            value = value[1:]
        pairs.append((key, value))
    return pairs


def _follows_message(frame: str) -> Message:
    pairs: list[tuple[str, str]] = []
    lines = frame.split("\n")
    i = 0
    while i < len(lines):
        key, sep, value = lines[i].rstrip("\r").partition(":")
        if not sep or key.strip().lower() not in _FOLLOWS_HEADERS:
            break
        pairs.append((key, value[1:] if value[:1] == " " else value))
        i += 1
    output = [line.rstrip("\r") for line in lines[i:]]
    while output and not output[0]:
        output.pop(0)
    while output and not output[-1]:
        output.pop()
    pairs.extend(("Output", line) for line in output)
    return Message(pairs)


_C_ESCAPES = {
    "\\": "\\",
    '"': '"',
    "'": "'",
    "?": "?",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
}
_C_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def unescape_c(value: str) -> str:
    """Undo Asterisk's C escaping of CallerIDName & co (`O\\'Brien` -> `O'Brien`).

    Unknown escapes keep their backslash; a trailing lone backslash stays.
    """
    if "\\" not in value:
        return value
    return _C_ESCAPE.sub(lambda m: _C_ESCAPES.get(m.group(1), m.group(0)), value)
