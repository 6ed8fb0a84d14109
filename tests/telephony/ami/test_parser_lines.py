"""The parser's whole-chunk line pass gives exactly what its per-frame exact path gives.

Every stream is parsed twice, by `AmiParser` and by the same parser with the line pass
off (`ExactParser`), in several chunkings; the messages (pairs in order, lookups),
banner, greeting and dropped-frame count must be the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cti_desk.telephony.ami import parser as parser_module
from cti_desk.telephony.ami.parser import AmiParser
from tests.telephony.fake_ami import RECORDINGS, _load_logged, _load_wire

SHARED_RECORDINGS = Path("/work/shared/ami-recordings")
CHUNKS = (1, 7, 64, 4096, None)  # None: the whole stream in one feed


class ExactParser(AmiParser):
    _fast_lines = False


class CountingParser(AmiParser):
    """The real parser, counting the chunks its line pass answered."""

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.line_passes = 0

    def _parse_lines(self, text):
        out = super()._parse_lines(text)
        self.line_passes += out is not None
        return out


def feed_all(parser: AmiParser, data: bytes, chunk: int | None) -> list:
    if chunk is None:
        return parser.feed(data)
    out = []
    for i in range(0, len(data), chunk):
        out += parser.feed(data[i : i + chunk])
    return out


def seen(parser: AmiParser, messages: list) -> tuple:
    lookups = [
        [(k, m.get(k), m.getall(k), k.upper() in m) for k, _ in m.pairs] + [("?", m.event, m.response, m.action_id)]
        for m in messages
    ]
    return [m.pairs for m in messages], lookups, parser.banner, parser.greeting, parser.dropped_frames


def both(data: bytes, chunk: int | None, **kw) -> tuple[tuple, tuple, CountingParser]:
    fast = CountingParser(**kw)
    exact = ExactParser(**kw)
    return seen(fast, feed_all(fast, data, chunk)), seen(exact, feed_all(exact, data, chunk)), fast


def recordings() -> list[Path]:
    files = sorted(RECORDINGS.glob("*.txt"))
    if SHARED_RECORDINGS.is_dir():
        files += sorted(SHARED_RECORDINGS.glob("*.txt"))
    return files


def wire_bytes(path: Path) -> bytes:
    """A recording as the PBX sent it (fake_ami's loader: frames split again, CRLF)."""
    text = path.read_text(encoding="utf-8")
    return b"".join(_load_logged(text) if path.name.startswith("jasterng") else _load_wire(text))


def file_bytes(path: Path) -> bytes:
    """A recording's lines as they stand in the file (comments out), CRLF line ends."""
    lines = [line for line in path.read_text(encoding="utf-8").split("\n") if not line.startswith("#")]
    return "\r\n".join(lines).lstrip("\r\n").encode("utf-8")


@pytest.mark.parametrize("chunk", CHUNKS)
@pytest.mark.parametrize("form", [wire_bytes, file_bytes], ids=["as sent", "as written"])
@pytest.mark.parametrize("path", recordings(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_recording_parses_the_same_on_both_paths(path, form, chunk):
    data = form(path)
    fast, exact, parser = both(data, chunk)
    assert fast == exact
    assert fast[0], "the recording parsed into messages"
    assert parser.line_passes > 0  # the line pass did answer, not only fall back


def test_a_recorded_stream_repeated_goes_through_the_line_pass_with_its_follows_frames():
    data = b"".join(wire_bytes(p) + b"\r\n\r\n" for p in sorted(RECORDINGS.glob("*.txt"))) * 20
    for chunk in (4096, 65536):
        fast, exact, parser = both(data, chunk)
        assert fast == exact
        follows = [pairs for pairs in fast[0] if pairs[0] == ("Response", "Follows")]
        assert len(follows) == 2 * 20  # goami2-queues and panoramisk-misc hold one each
        assert all(key == "Output" for pairs in follows for key, _ in pairs[3:])
        assert parser.line_passes > len(data) // chunk // 2


# Written by hand, each around well-formed frames, not recorded.
_OK = b"Event: Newchannel\r\nChannel: PJSIP/2001-00000001\r\nUniqueid: 1722860694.15\r\n\r\n"
MALFORMED = {
    "colon without space": b"Event: A\r\nKey:value\r\n\r\n",
    "key and colon only": b"Event: A\r\nKey:\r\nNext: x\r\n\r\n",
    "key, colon, space only": b"Event: A\r\nKey: \r\nNext:  two spaces\r\n\r\n",
    "values holding ': '": b"Event: UserEvent\r\nData: a: b: c\r\nUrl: http://x:80/y\r\n\r\n",
    "key with a colon": b"Event: A\r\nX:Y: z\r\n\r\n",
    "key with a colon, no space": b"Event: A\r\nX:Y:z\r\n\r\n",
    "empty key": b"Event: A\r\n: orphan value\r\n\r\n",
    "garbage line equal to a key name": b"Event: A\r\nEvent\r\nB: c\r\n\r\n",
    "stray CR mid-line": b"Event: A\r\nKey: v\ralue\r\n\r\n",
    "stray CR at a line end": b"Event: A\r\r\nKey: v\r\n\r\n",
    "CR alone as a line end": b"Event: A\rKey: x\r\n\r\n",
    "bare LF and mixed": b"Event: A\nKey: v\n\nEvent: B\r\nK: w\n\r\n",
    "extra blank lines": b"\r\n\r\nEvent: A\r\n\r\n\r\n\r\n\nEvent: B\r\n\r\n",
    "banner mid-stream": b"Asterisk Call Manager/9.0.0\r\n",
    "banner then a frame": b"Asterisk Call Manager/9.0.0\r\nEvent: FullyBooted\r\n\r\n",
    "banner inside a frame": b"Event: A\r\nAsterisk Call Manager/9.0.0\r\nB: c\r\n\r\n",
    "banner then follows": b"Asterisk Call Manager/2.10.3\r\nResponse: Follows\r\nPrivilege: Command\r\n"
    b"out\r\n--END COMMAND--\r\n\r\n",
    "follows with blank lines": b"Response: Follows\r\nPrivilege: Command\r\nActionID: 7\r\n\r\n"
    b"line one\r\n\r\n\r\nline: two\r\n[12:30:01] NOTICE: x\r\n--END COMMAND--\r\n\r\n",
    "follows, lower case": b"response: follows\r\nmessage: Command output follows\r\nout\r\n--END COMMAND--\r\n\r\n",
    "follows, a frame glued after the marker": b"Response: Follows\r\nout\r\n--END COMMAND--Event: Glued\r\nK: v\r\n\r\n",
    "follows, lines after the marker": b"Response: Follows\r\nout\r\n--END COMMAND--\r\nEvent: After\r\n\r\n",
    "follows, marker mid-line": b"Response: Follows\r\nout --END COMMAND-- tail\r\n\r\n",
    "follows, marker never comes": b"Response: Follows\r\nout\r\n\r\nmore\r\n\r\n",
    "follows, follows glued after": b"Response: Follows\r\na\r\n--END COMMAND--Response: Follows\r\nb\r\n\r\n"
    b"c\r\n--END COMMAND--\r\n\r\n",
    "oversized frame": b"Event: Huge\r\n" + b"Junk: " + b"x" * 700 + b"\r\nMore: y\r\n\r\n",
    "NULs": b"Ev\x00ent: A\r\n\x00Key: v\x00\r\n\x00\r\n",
    "CR NUL LF": b"Event: A\r\x00\nKey: v\r\n\r\n",
    "Japanese and bad UTF-8": "Event: A\r\nCallerIDName: 山田 太郎\r\n".encode() + b"Bad: \xff\xfe\r\n\r\n",
    "no line end at all": b"Event: A\r\nKey: v",
}


@pytest.mark.parametrize("chunk", CHUNKS)
@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_hand_written_malformed_streams_parse_the_same_on_both_paths(name, chunk):
    data = b"Asterisk Call Manager/9.0.0\r\n" + _OK + MALFORMED[name] + _OK * 3 + MALFORMED[name] + _OK
    fast, exact, _ = both(data, chunk, max_frame_bytes=600)
    assert fast == exact
    assert fast[2] == "Asterisk Call Manager/9.0.0" or name.startswith("banner")


def test_all_malformed_streams_in_one_go_and_the_oversized_frame_is_dropped():
    data = b"Asterisk Call Manager/9.0.0\r\n" + b"".join(_OK + v for v in MALFORMED.values()) + _OK
    for chunk in CHUNKS:
        fast, exact, _ = both(data, chunk, max_frame_bytes=600)
        assert fast == exact
        assert fast[4] == 1  # the oversized frame, on both paths


_piece = st.sampled_from([
    "Event: A", "Key: v", "Key:v", "Key:", "K: a: b", "X:Y: z", "Event", "", "", "",
    "Asterisk Call Manager/9.0.0", "Response: Follows", "Privilege: Command", "--END COMMAND--",
    "out --END COMMAND--x", "Response: Success", "\r", ": v", "山田: 太郎", "\x00",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_piece, max_size=60), st.sampled_from(["\r\n", "\n"]), st.integers(1, 200))
def test_any_mix_of_these_lines_parses_the_same_on_both_paths(pieces, eol, chunk):
    data = ("Asterisk Call Manager/9.0.0" + eol + eol.join(pieces) + eol + eol).encode()
    fast, exact, _ = both(data, chunk, max_frame_bytes=300)
    assert fast == exact


def test_the_clean_key_cache_stays_bounded():
    from tests.telephony.fake_ami import frame

    parser = AmiParser()
    data = b"".join(frame((f"X-Key-{i}", str(i)), Event="Junk") for i in range(6000))
    messages = feed_all(parser, b"Asterisk Call Manager/9.0.0\r\n" + data, 65536)
    assert [m.get(f"x-key-{i}") for i, m in enumerate(messages)] == [str(i) for i in range(6000)]
    assert len(parser_module._CLEAN_KEYS) <= parser_module._CLEAN_KEYS_MAX
