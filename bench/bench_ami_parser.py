"""AMI parser throughput: ours against panoramisk's, on the same recorded stream.

    .venv/bin/python bench/bench_ami_parser.py [--events 200000] [--chunk 65536]

The recordings in tests/fixtures/ami (what the PBX sent: no banners, no client
actions) are repeated to about --events frames and fed in socket-sized chunks. For
panoramisk its own protocol code runs: AMIProtocol.data_received (decode, split on
blank lines) and Message.from_line, with handle_message counting instead of
dispatching. Best of 3 runs each; not part of pytest.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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


def best_of(fn, parts: list[bytes], runs: int = 3) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        count = fn(parts)
        best = min(best, time.perf_counter() - start)
    return best, count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--chunk", type=int, default=65536)
    args = ap.parse_args()
    data, frames = stream(args.events)
    parts = chunks(data, args.chunk)
    print(f"stream: {frames} frames, {len(data) / 1e6:.1f} MB, {len(parts)} chunks of {args.chunk} bytes")
    results = {}
    for name, fn in (("cti-desk AmiParser", ours), ("panoramisk 1.4", panoramisk)):
        seconds, count = best_of(fn, parts)
        results[name] = count / seconds
        print(f"{name:20s} {count:8d} messages in {seconds:6.3f} s = {count / seconds:10,.0f} events/s")
    a, b = results.values()
    print(f"ratio: {a / b:.2f}x")


if __name__ == "__main__":
    main()
