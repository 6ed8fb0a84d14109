"""The AMI parser against recorded Asterisk traffic and against garbage."""

from __future__ import annotations

import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cti_desk.telephony.ami.parser import AmiParser, unescape_c
from tests.telephony.fake_ami import frame, load_recording, recording_stream

# name -> (frames in the file, messages parsed: banners are no message)
RECORDINGS = {
    "goami2-call.txt": (21, 21),
    "goami2-queues.txt": (7, 7),
    "jasterng-pjsip-queue.txt": (9, 9),
    "panoramisk-login.txt": (11, 8),
    "panoramisk-misc.txt": (8, 8),
}


def parse_all(data: bytes, chunk: int | None = None, **kw) -> tuple[AmiParser, list]:
    parser = AmiParser(**kw)
    if chunk is None:
        return parser, parser.feed(data)
    out = []
    for i in range(0, len(data), chunk):
        out += parser.feed(data[i : i + chunk])
    return parser, out


@pytest.mark.parametrize("name", sorted(RECORDINGS))
def test_every_recording_parses_into_its_frames_whatever_the_chunking(name):
    n_frames, n_messages = RECORDINGS[name]
    assert len(load_recording(name)) == n_frames
    data = recording_stream(name)
    _, whole = parse_all(data)
    assert len(whole) == n_messages
    for chunk in (1, 2, 3, 7, 64, 1000):
        _, chunked = parse_all(data, chunk)
        assert [m.pairs for m in chunked] == [m.pairs for m in whole]


def test_a_call_from_asterisk_13_keeps_repeated_keys_and_empty_values():
    _, messages = parse_all(recording_stream("goami2-call.txt"))
    newstate = messages[1]
    assert newstate.event == "Newstate"
    assert newstate.getall("ChanVariable") == [
        "realm=",
        "SIPDOMAIN=okon.ferry.sip.com",
        "SIPCALLID=b5ser03agv7huo7faai5",
    ]
    assert newstate["AccountCode"] == ""
    assert newstate["ConnectedLineNum"] == "<unknown>"
    dial_end = next(m for m in messages if m.event == "DialEnd")
    assert dial_end["DialStatus"] == "ANSWER"


def test_pjsip_events_keep_the_extra_headers_of_manager_debug():
    _, messages = parse_all(recording_stream("jasterng-pjsip-queue.txt"))
    newchannel = messages[0]
    assert newchannel["SystemName"] == "asterisk"
    assert newchannel["SequenceNumber"] == "128"
    assert newchannel["Linkedid"] == "asterisk-1722255899.0"
    connect = next(m for m in messages if m.event == "AgentConnect")
    assert (connect["Interface"], connect["HoldTime"], connect["RingTime"]) == ("PJSIP/000", "3", "2")


def test_keys_split_on_the_first_colon_and_one_space_stripped():
    data = b"Event: X\r\nChannel: SIP/a:5060\r\nValue:  two spaces\r\nNoSpace:x\r\n\r\n"
    (message,) = parse_all(data)[1]
    assert message.pairs == [
        ("Event", "X"),
        ("Channel", "SIP/a:5060"),
        ("Value", " two spaces"),
        ("NoSpace", "x"),
    ]


def test_banner_is_read_before_any_blank_line():
    parser = AmiParser()
    assert parser.feed(b"Asterisk Call Manager/9.0.0\r\n") == []
    assert parser.banner == "Asterisk Call Manager/9.0.0"
    (response,) = parser.feed(b"Response: Success\r\nMessage: ok\r\n\r\n")
    assert response.response == "Success"


def test_a_peer_that_is_not_ami_has_a_greeting_but_no_banner():
    parser = AmiParser()
    parser.feed(b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n")
    assert parser.banner is None
    assert parser.greeting == "SSH-2.0-OpenSSH_9.2p1 Debian-2"


def test_bare_lf_mixed_line_ends_nuls_and_lines_without_colon(caplog):
    caplog.set_level(logging.DEBUG, logger="cti_desk.telephony.ami.parser")
    data = b"Event: A\nKey: v\n\nEvent: B\r\nno colon here\r\nK2: w\x00\r\n\r\n\r\n\nEvent: C\r\n\n"
    _, messages = parse_all(data)
    assert [m.pairs for m in messages] == [
        [("Event", "A"), ("Key", "v")],
        [("Event", "B"), ("K2", "w")],
        [("Event", "C")],
    ]
    assert "no colon here" in caplog.text


def test_bad_utf8_is_replaced_and_japanese_passes():
    data = frame(Event="Newchannel", CallerIDName="山田 太郎")[:-4] + b"\r\nBad: \xff\xfe\r\n\r\n"
    (message,) = parse_all(data, 1)[1]
    assert message["CallerIDName"] == "山田 太郎"
    assert message["Bad"] == "\ufffd\ufffd"


def test_old_command_output_with_blank_lines_becomes_output_keys():
    _, messages = parse_all(recording_stream("panoramisk-misc.txt"), 5)
    follows = next(m for m in messages if m.response == "Follows")
    assert follows["Privilege"] == "Command"
    output = follows.getall("Output")
    assert output[0] == "HTTP Server Status:"
    assert "" in output  # the blank lines of the output did not end the frame
    assert output[-1] == "  None."
    # and the next frame is parsed normally
    assert messages[messages.index(follows) + 1].response == "Success"


def test_huge_frame_is_dropped_and_the_next_frame_still_parsed(caplog):
    huge = b"Event: Huge\r\n" + b"Junk: " + b"x" * 5000 + b"\r\n" * 1 + b"More: y\r\n\r\n"
    after = frame(Event="Hangup", Uniqueid="1.2")
    for chunk in (None, 100, 4096):
        caplog.clear()
        parser, messages = parse_all(frame(Event="Before") + huge + after, chunk, max_frame_bytes=1000)
        assert [m.event for m in messages] == ["Before", "Hangup"]
        assert parser.dropped_frames == 1
        assert "dropped" in caplog.text


def test_unescape_c_undoes_asterisk_escaping():
    assert unescape_c(r"O\'Brien") == "O'Brien"
    assert unescape_c(r"say \"hi\" \\ \? \a\b\f\n\r\t\v") == 'say "hi" \\ ? \a\b\f\n\r\t\v'
    assert unescape_c("山田 太郎") == "山田 太郎"
    assert unescape_c("trailing\\") == "trailing\\"
    assert unescape_c(r"\q") == r"\q"


def test_escaped_caller_name_stays_raw_in_the_message():
    (message,) = parse_all(b"Event: Newchannel\r\nCallerIDName: O\\'Brien\r\n\r\n")[1]
    assert message["CallerIDName"] == "O\\'Brien"
    assert unescape_c(message["CallerIDName"]) == "O'Brien"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000), st.lists(st.integers(1, 50), max_size=40))
def test_arbitrary_bytes_in_arbitrary_chunks_never_raise(data, cuts):
    parser = AmiParser(max_frame_bytes=300)
    pos = 0
    for size in [*cuts, len(data)]:
        for message in parser.feed(data[pos : pos + size]):
            assert message.pairs  # a message always has something in it
        pos += size


_key = st.text(st.characters(codec="utf-8", exclude_characters=":\r\n\x00"), min_size=1, max_size=12).filter(
    lambda k: k.strip() == k and not k.startswith(("Asterisk Call Manager/", "Response"))
)
_value = st.text(st.characters(codec="utf-8", exclude_characters="\r\n\x00"), max_size=30)
_frames = st.lists(st.lists(st.tuples(_key, _value), min_size=1, max_size=6), min_size=1, max_size=8)


@settings(max_examples=200, deadline=None)
@given(_frames, st.lists(st.integers(1, 40), max_size=30), st.booleans())
def test_chunking_does_not_change_what_a_valid_stream_parses_to(frames, cuts, bare_lf):
    eol = "\n" if bare_lf else "\r\n"
    data = b"Asterisk Call Manager/9.0.0\r\n" + b"".join(
        (eol.join(f"{k}: {v}" for k, v in pairs) + eol + eol).encode() for pairs in frames
    )
    parser = AmiParser()
    chunked, pos = [], 0
    for size in [*cuts, len(data)]:
        chunked += parser.feed(data[pos : pos + size])
        pos += size
    assert parser.banner == "Asterisk Call Manager/9.0.0"
    assert [m.pairs for m in chunked] == frames


def test_lookup_is_case_insensitive_first_value_wins_and_getall_keeps_order():
    from cti_desk.telephony.ami.message import Message

    msg = Message([("Event", "Hangup"), ("ChanVariable", "A=1"), ("chanvariable", "B=2"),
                   ("CHANVARIABLE", "C=3"), ("Cause-txt", "")])
    assert msg.get("chanVariable") == "A=1" and msg["CHANVARIABLE"] == "A=1"
    assert msg.getall("ChanVariable") == ["A=1", "B=2", "C=3"]
    assert "cause-TXT" in msg and msg["Cause-txt"] == "" and "Missing" not in msg
    assert msg.get("Missing", "x") == "x" and msg.event == "Hangup"
    with pytest.raises(KeyError):
        msg["Missing"]
    assert 7 not in msg  # not a key, not an error


def test_a_peer_inventing_keys_cannot_grow_the_key_cache_without_bound():
    from cti_desk.telephony.ami import message

    parser = AmiParser()
    msgs = parser.feed(b"".join(frame((f"X-Key-{i}", str(i)), Event="Junk") for i in range(6000))
                       .join([b"Asterisk Call Manager/9.0.0\r\n", b""]))
    assert len(msgs) == 6000
    # Every invented key still looks up, cached or not.
    assert all(m.get(f"x-key-{i}") == str(i) for i, m in enumerate(msgs))
    assert len(message._LOWER) <= message._LOWER_MAX
