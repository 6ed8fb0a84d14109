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

Two paths, one result: a chunk of well-formed lines (every line empty or `Key: Value`
with a colon-free key, no stray CR) is split by C-level passes over the whole chunk
(`_parse_lines`); anything else goes frame by frame through the exact path
(`_parse_frames`), which tests/telephony/ami/test_parser_lines.py holds it to.
"""

from __future__ import annotations

import logging
import re
from itertools import repeat
from operator import countOf, itemgetter

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
# Keys the fast path has seen hold no colon (so ": " split them at their first colon).
_CLEAN_KEYS: set[str] = {""}
_CLEAN_KEYS_MAX = 4096  # a peer inventing keys must not grow this without bound
_KEY = itemgetter(0)
_SEP = itemgetter(1)
_partition = str.partition


class AmiParser:
    """Bytes in, `Message`s out; keeps the incomplete tail between calls."""

    # The whole-chunk line pass (`_parse_lines`); off, every chunk takes the per-frame
    # exact path, which the tests compare it against.
    _fast_lines = True

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
            lf = data.translate(None, b"\r")
            if len(data) - len(lf) == data.count(b"\r\n") and b"\x00" not in data:
                data = lf  # every CR ended a line
            else:  # stray CRs stay for the line pass to judge
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
        text = complete.decode("utf-8", "replace")
        if self._fast_lines and b"\r" not in complete and len(text) <= self.max_frame_bytes:
            out = self._parse_lines(text)
            if out is not None:
                return out
        return self._parse_frames(text)

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

    def _parse_lines(self, text: str) -> list[Message] | None:
        """One C-level `partition` pass over a whole chunk; None when the chunk holds
        anything the exact path judges line by line (a line without ": ", a key with a
        colon). Banners and `Response: Follows` frames go to the exact path in place."""
        lines = text.split("\n")
        triples = list(map(_partition, lines, repeat(": ")))
        n = len(lines)
        lines.append("")  # every frame ends at an empty line, the last one too
        find = lines.index
        out: list[Message] = []
        # (where in out, exact path's text or None, banner or None), in stream order
        exact: list[tuple[int, str | None, str | None]] = []
        skipped: list[tuple[int, int]] = []  # line ranges the exact path takes
        blank = 0  # empty lines the loop steps over (not frame ends)
        of_lines = Message.of_lines
        pos = 0
        while pos < n:
            first = lines[pos]
            if not first:
                blank += 1
                pos += 1
                continue
            end = find("", pos)
            if first[0] in "ARr":
                if first[0] == "A" and first.startswith(BANNER_PREFIX):
                    exact.append((len(out), None, first))
                    skipped.append((pos, pos + 1))
                    pos += 1
                    if pos == end:
                        continue
                    first = lines[pos]
                if first[0] in "Rr" and first[:17].lower() == _FOLLOWS:
                    mark = _follows_end(lines, pos, n)
                    if mark < 0:  # the exact path reads the rest of the chunk
                        exact.append((len(out), "\n".join(lines[pos:n]), None))
                        skipped.append((pos, n))
                        pos = n  # no frame end of its own to count below
                        break
                    stop = find("", mark)
                    output = lines[pos:mark]
                    output.append(lines[mark].partition(_END_COMMAND)[0])
                    out.append(_follows_message(output))
                    skipped.append((pos, stop))
                    pos = stop + 1
                    continue
            out.append(of_lines(triples[pos:end]))
            pos = end + 1
        # Every line outside the exact path's ranges is empty or holds ": ": the lines
        # with "" as sep there are as many as the empty lines the loop met (frame ends
        # and the rest; the last frame's end is the sentinel when pos ran past n).
        bare = countOf(map(_SEP, triples), "") - (blank + len(out) - (pos > n))
        clean = _CLEAN_KEYS.issuperset
        if skipped:
            ranges = []
            start = 0
            for a, b in skipped:
                part = triples[a:b]
                bare -= countOf(map(_SEP, part), "")  # its empty lines too: not counted above
                ranges.append(triples[start:a])
                start = b
            ranges.append(triples[start:n])
        else:
            ranges = [triples]
        if bare:
            return None
        for part in ranges:
            if not clean(map(_KEY, part)):
                keys = set(map(_KEY, part))
                keys -= _CLEAN_KEYS
                if ":" in "".join(keys):  # a key with a colon: ": " did not split it at its first
                    return None
                if len(_CLEAN_KEYS) + len(keys) <= _CLEAN_KEYS_MAX:
                    _CLEAN_KEYS.update(keys)
        if not exact:
            return out
        merged: list[Message] = []
        start = 0
        for at, frames, banner in exact:
            merged += out[start:at]
            start = at
            if banner is not None:
                self.banner = banner
            if frames is not None:
                merged += self._parse_frames(frames)
        merged += out[start:]
        return merged

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
                out.append(_follows_message([line.rstrip("\r") for line in frame.split("\n")]))
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


def _follows_end(lines: list[str], pos: int, n: int) -> int:
    """The line of the end marker of the `Response: Follows` frame at `pos`; -1 when it
    is still to come, or when something follows it in the same frame (the exact path
    then takes the rest of the chunk: what follows is a frame of its own)."""
    for j in range(pos, n):
        line = lines[j]
        if _END_COMMAND in line:
            if lines[j + 1] or line.partition(_END_COMMAND)[2]:
                return -1
            return j
    return -1


def _follows_message(lines: list[str]) -> Message:
    """A `Response: Follows` frame's lines (up to its end marker, no CRs)."""
    pairs: list[tuple[str, str]] = []
    i = 0
    for line in lines:
        key, sep, value = line.partition(":")
        if not sep or key.strip().lower() not in _FOLLOWS_HEADERS:
            break
        pairs.append((key, value[1:] if value[:1] == " " else value))
        i += 1
    output = lines[i:]
    while output and not output[0]:
        output.pop(0)
    while output and not output[-1]:
        output.pop()
    pairs.extend(zip(repeat("Output"), output))
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
