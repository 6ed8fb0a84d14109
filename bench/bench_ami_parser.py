"""AMI parser throughput: ours against panoramisk's, on the same recorded stream.

    .venv/bin/python bench/bench_ami_parser.py [--events 200000] [--chunk 65536]
    (--events defaults to BENCH_AMI_EVENTS, else 200000)

The recordings in tests/fixtures/ami (what the PBX sent: no banners, no client
actions) are repeated to about --events frames and fed in socket-sized chunks. For
panoramisk its own protocol code runs: AMIProtocol.data_received (decode, split on
blank lines) and Message.from_line, with handle_message counting instead of
dispatching. Median of 3 runs each, ours and panoramisk's alternating; each figure is
printed next to panoramisk's in the same run with the ratio. Not part of pytest.

Two streams: the recordings (Asterisk 11-13 and a PJSIP logger's), and a call-center
stream in Asterisk 20's own field order (manager_channels.c / app_queue.c: PJSIP
channels, `asterisk-<epoch>.<n>` Uniqueids, `SequenceNumber`, `Linkedid`, queue and
dial events, repeated `ChanVariable`s) written here from those sources, not from our
recordings, so the parser is not only measured on what it was tuned against.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchlib import record  # noqa: E402  (bench/ is the script's own folder on sys.path)
from panoramisk.ami_protocol import AMIProtocol  # noqa: E402

from cti_desk.telephony.ami.parser import AmiParser  # noqa: E402
from tests.telephony.fake_ami import RECORDINGS, load_recording  # noqa: E402


class _Transport:
    def write(self, data: bytes) -> None:
        pass

    def close(self) -> None:
        pass


class _CountingProtocol(AMIProtocol):
    def handle_message(self, message) -> None:
        self.count += 1


def stream(events: int) -> tuple[bytes, int]:
    frames = [f for name in sorted(p.name for p in RECORDINGS.glob("*.txt")) for f in load_recording(name, pbx_only=True)]
    repeat = max(1, events // len(frames))
    return b"".join(frames) * repeat, len(frames) * repeat


def chunks(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def ours(parts: list[bytes]) -> int:
    parser = AmiParser()
    parser.greeting = ""  # a mid-stream capture: no banner to wait for
    n = 0
    for part in parts:
        n += len(parser.feed(part))
    return n


def panoramisk(parts: list[bytes]) -> int:
    protocol = _CountingProtocol()
    protocol.connection_made(_Transport())
    protocol.encoding = "utf-8"  # its default is ascii with errors ignored
    protocol.version = "bench"  # skip its banner sniffing
    protocol.count = 0
    for part in parts:
        protocol.data_received(part)
    return protocol.count


def asterisk20_stream(events: int) -> tuple[bytes, int]:
    """Calls through a queue as Asterisk 20 writes them (see the module doc)."""
    frames: list[bytes] = []
    seq = 0
    call = 0
    while len(frames) < events:
        call += 1
        uid = f"asterisk-17228{call:05d}.{call * 2}"
        agent_uid = f"asterisk-17228{call:05d}.{call * 2 + 1}"
        caller = f"PJSIP/trunk-{call:08x}"
        agent = f"PJSIP/20{call % 20:02d}-{call:08x}"
        number = f"+8190{call:08d}"

        def chan(prefix: str, name: str, state: str, num: str, cid: str, unique: str,
                 linked: str = uid) -> list[tuple[str, str]]:
            return [(f"{prefix}Channel", name), (f"{prefix}ChannelState", state[0]),
                    (f"{prefix}ChannelStateDesc", state[1:]), (f"{prefix}CallerIDNum", num),
                    (f"{prefix}CallerIDName", cid), (f"{prefix}ConnectedLineNum", "<unknown>"),
                    (f"{prefix}ConnectedLineName", "<unknown>"), (f"{prefix}Language", "ja"),
                    (f"{prefix}AccountCode", ""), (f"{prefix}Context", "from-trunk"),
                    (f"{prefix}Exten", "0120123456"), (f"{prefix}Priority", "3"),
                    (f"{prefix}Uniqueid", unique), (f"{prefix}Linkedid", linked)]

        def event(name: str, privilege: str, *body: tuple[str, str]) -> None:
            nonlocal seq
            seq += 1
            lines = [("Event", name), ("Privilege", privilege), ("SequenceNumber", str(seq)), *body]
            frames.append(("\r\n".join(f"{k}: {v}" for k, v in lines) + "\r\n\r\n").encode())

        caller_ring = chan("", caller, "4Ring", number, "ヤマダ タロウ", uid)
        caller_up = chan("", caller, "6Up", number, "ヤマダ タロウ", uid)
        agent_ring = chan("Dest", agent, "5Ringing", "2001", "Agent", agent_uid)
        queue = [("Queue", "sales"), ("Interface", agent[:11]), ("MemberName", "Sato")]
        event("Newchannel", "call,all", *caller_ring)
        event("VarSet", "dialplan,all", *caller_ring, ("Variable", "CHANNEL(language)"), ("Value", "ja"))
        event("Newexten", "dialplan,all", *caller_ring, ("Extension", "0120123456"),
              ("Application", "Queue"), ("AppData", "sales,t,,,300"))
        event("QueueCallerJoin", "agent,all", *caller_ring, ("Queue", "sales"), ("Position", "1"), ("Count", "1"))
        event("AgentCalled", "agent,all", *caller_ring, *agent_ring, *queue)
        event("DialBegin", "call,all", *caller_ring, *agent_ring, ("DialString", agent[6:11]))
        event("DialEnd", "call,all", *caller_up, *agent_ring, ("DialStatus", "ANSWER"))
        event("QueueCallerLeave", "agent,all", *caller_up, ("Queue", "sales"), ("Position", "1"), ("Count", "0"))
        event("AgentConnect", "agent,all", *caller_up, *agent_ring, *queue, ("HoldTime", "4"), ("RingTime", "3"))
        event("BridgeEnter", "call,all", ("BridgeUniqueid", f"b{call:08x}"), ("BridgeType", "basic"),
              ("BridgeTechnology", "simple_bridge"), ("BridgeNumChannels", "2"), *caller_up)
        event("Hangup", "call,all", *caller_up, ("Cause", "16"), ("Cause-txt", "Normal Clearing"),
              *[("ChanVariable", f"QUEUEPOSITION={i}") for i in range(3)])
        event("AgentComplete", "agent,all", *caller_up, *agent_ring, *queue, ("HoldTime", "4"),
              ("TalkTime", "95"), ("Reason", "caller"))
    return b"".join(frames), len(frames)


def median_of(fn, parts: list[bytes], runs: int = 3) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        count = fn(parts)
        times.append(time.perf_counter() - start)
    return statistics.median(times), count


def measure(label: str, data: bytes, frames: int, chunk: int, figure: str) -> float:
    parts = chunks(data, chunk)
    print(f"{label}: {frames} frames, {len(data) / 1e6:.1f} MB, {len(parts)} chunks of {chunk} bytes")
    ours_t, ours_n = median_of(ours, parts)
    theirs_t, theirs_n = median_of(panoramisk, parts)
    a, b = ours_n / ours_t, theirs_n / theirs_t
    print(f"  cti-desk AmiParser {a:10,.0f} events/s ({ours_n} in {ours_t:.3f} s)  "
          f"panoramisk 1.4 (baseline) {b:10,.0f} events/s ({theirs_n} in {theirs_t:.3f} s)  ratio {a / b:.2f}x")
    record(figure, a, "events/s", b, ">= 2x", "median of 3", vs="panoramisk 1.4")
    return a / b


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=int(os.environ.get("BENCH_AMI_EVENTS", "200000")))
    ap.add_argument("--chunk", type=int, default=65536)
    args = ap.parse_args()
    recorded = measure("recorded stream", *stream(args.events), args.chunk, "AMI parser, recorded stream")
    a20 = measure("Asterisk 20 call-center stream", *asterisk20_stream(args.events), args.chunk,
                  "AMI parser, Asterisk 20 stream")
    print(f"ratio to panoramisk (median of 3, target >= 2x): recorded {recorded:.2f}x, Asterisk 20 {a20:.2f}x")


if __name__ == "__main__":
    main()
