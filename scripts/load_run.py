"""The load run (`make load`): many operator seats behind one relay on one PostgreSQL,
the store restarted once in the middle; then the invariants, checked from the store and
the seats' own logs, and the relay -> seat latency (docs/PERFORMANCE.md).

    .venv/bin/python scripts/load_run.py                          # 20 seats, 10 minutes
    .venv/bin/python scripts/load_run.py --seats 3 --duration 30 --calls-per-seat-hour 600

A private PostgreSQL 15 (initdb into a temp folder, as user postgres when root, durable
defaults, track_commit_timestamp on so each event's commit, its NOTIFY, has a time),
`cti-desk demo-data`, N seats (scripts/load_seat.py, each a real `--source relay`
subscriber for PJSIP/2001...), then `cti-desk relay --source 'sim://?rate=R&agents=N'`.
Midway the store restarts (`pg_ctl stop -m fast`, --down-seconds, start: what `pg_ctl
restart -m fast` does), and as it stops every seat is told (SIGUSR1) to save what is being
typed and place an order now, so work typed while the store is down is there every time.
At the end: the relay stops, the seats catch up, finish what waits and stop, and
scripts/load_checks.py checks. Exit 0 when every invariant holds, 1 otherwise; the
figures and problems as JSON with --json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load_checks

PGBIN = Path("/usr/lib/postgresql/15/bin")
HERE = Path(__file__).resolve().parent
OCCUPANCY = 0.6  # telephony/simulator.py: the agents' busy share, from which its handling time follows


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrivatePg:
    """A PostgreSQL of the run's own; initdb and pg_ctl refuse root: run as postgres."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.port, self.data = folder, _free_port(), folder / "data"
        folder.mkdir()
        if os.getuid() == 0:
            shutil.chown(folder, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C.UTF-8")
        self.options = (f"-k {folder} -h 127.0.0.1 -p {self.port} -c max_connections=300 "
                        "-c track_commit_timestamp=on")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(folder / "log"), "-w", "-o", self.options, "start")

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(PGBIN / tool), *args]
        if os.getuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def restart(self, down: float, when_down=lambda: None) -> tuple[float, float]:
        """(stopped, answering again) as time.time(): a fast stop, `when_down()`, `down`
        seconds, a start (what `pg_ctl restart -m fast` does, with the pause in between)."""
        stopped = time.time()
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        when_down()
        time.sleep(down)
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "-o", self.options,
                  "start")
        return stopped, time.time()

    def postmaster_cpu(self) -> float:
        """CPU seconds of the postmaster and the backends it has reaped."""
        try:
            pid = int((self.data / "postmaster.pid").read_text().split()[0])
            return _proc_cpu(pid, children=True)
        except (OSError, ValueError, IndexError):
            return 0.0

    def close(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        except subprocess.CalledProcessError:
            pass


def _proc_cpu(pid: int, children: bool = False) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if children else 0)
    return ticks / os.sysconf("SC_CLK_TCK")


class LoadSampler(threading.Thread):
    """The machine's load while the run runs (the other users of the machine included)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples: list[float] = []
        self.stop = threading.Event()
        self.busy0 = _cpu_busy()

    def run(self) -> None:
        while not self.stop.wait(5.0):
            self.samples.append(os.getloadavg()[0])

    def result(self) -> dict:
        busy1 = _cpu_busy()
        share = (busy1[0] - self.busy0[0]) / max(1, busy1[1] - self.busy0[1])
        return {"cores": os.cpu_count(), "cpu_busy_share": round(share, 3),
                "load1_mean": round(sum(self.samples) / len(self.samples), 2) if self.samples else None,
                "load1_max": max(self.samples, default=None)}


def _cpu_busy() -> tuple[int, int]:
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def _opened(files: list, path: Path):
    files.append(path.open("w"))
    return files[-1]


def _read_log(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _wait_ready(logs: dict[str, Path], procs: dict[str, subprocess.Popen], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    waiting = set(logs)
    while waiting and time.monotonic() < deadline:
        for agent in list(waiting):
            if procs[agent].poll() is not None:
                raise SystemExit(f"load run: seat {agent} ended at start (exit {procs[agent].returncode})")
            if any(r["kind"] == "ready" for r in _read_log(logs[agent])):
                waiting.discard(agent)
        time.sleep(0.2)
    if waiting:
        raise SystemExit(f"load run: seats not subscribed after {timeout:g} s: {sorted(waiting)}")


def run(args: argparse.Namespace, inspect=None) -> dict:
    """The run and its checks. `inspect(url, before, logs, outage)` is called with the
    store still up, after the checks (a test shows there that the checks can fail)."""
    rate = args.seats * args.calls_per_seat_hour / 60.0  # calls per minute, the simulator's unit
    handle = min(300.0, OCCUPANCY * args.seats * 60.0 / rate)  # the simulator's mean handling time
    folder = Path(tempfile.mkdtemp(prefix="cti-load-"))
    folder.chmod(0o755)  # postgres enters its own folder inside
    pg = PrivatePg(folder / "pg")
    cti = str(Path(sys.executable).with_name("cti-desk"))
    procs: dict[str, subprocess.Popen] = {}
    relay = None
    files = []  # the processes' stderr, closed at the end
    result: dict = {}
    sampler = LoadSampler()
    try:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=pg.port, user="postgres", dbname="postgres",
                             autocommit=True) as conn:
            conn.execute("CREATE DATABASE cti")
        url = pg.url("cti")
        subprocess.run([cti, "demo-data", "--db", url, "--customers", str(args.customers), "--seed", "1"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
        before = load_checks.snapshot(url)
        agents = [f"PJSIP/{2001 + i}" for i in range(args.seats)]
        logs = {a: folder / f"seat-{a.rsplit('/', 1)[-1]}.jsonl" for a in agents}
        for i, agent in enumerate(agents):
            n = agent.rsplit("/", 1)[-1]
            procs[agent] = subprocess.Popen(
                [sys.executable, str(HERE / "load_seat.py"), "--db", url, "--agent", agent,
                 "--log", str(logs[agent]), "--journal", str(folder / f"journal-{n}"), "--seed", str(i + 1),
                 "--order-share", str(args.order_share),
                 "--order-delay", f"{0.2 * handle:.3f},{0.8 * handle:.3f}",  # while talking
                 "--wrapup-delay", f"{0.05 * handle:.3f},{0.15 * handle:.3f}"],  # the simulator's wrap-up
                stdout=subprocess.DEVNULL, stderr=_opened(files, folder / f"seat-{n}.err"))
        _wait_ready(logs, procs, timeout=30 + 3 * args.seats)
        sampler.start()
        source = f"sim://?rate={rate:g}&agents={args.seats}&seed={args.seed}"
        relay = subprocess.Popen([cti, "relay", "--source", source, "--db", url],
                                 stdout=subprocess.DEVNULL, stderr=_opened(files, folder / "relay.err"))
        started = time.monotonic()
        print(f"load run: {args.seats} seats, {source}, {args.duration:g} s, store restarted at "
              f"{args.restart_at:.0%}; logs in {folder}", file=sys.stderr)
        time.sleep(max(0.0, args.duration * args.restart_at - (time.monotonic() - started)))
        pg_cpu = pg.postmaster_cpu()
        outage = pg.restart(args.down_seconds, lambda: [p.send_signal(signal.SIGUSR1) for p in procs.values()])
        time.sleep(max(0.0, args.duration - (time.monotonic() - started)))
        relay_cpu = _proc_cpu(relay.pid)
        relay.send_signal(signal.SIGTERM)
        relay_exit = relay.wait(30)
        time.sleep(3.0)  # the seats read the last events (NOTIFY, else their 1 s poll)
        for p in procs.values():
            p.send_signal(signal.SIGTERM)
        seat_exits = {a: p.wait(120) for a, p in procs.items()}
        pg_cpu += pg.postmaster_cpu()
        load = sampler.result()
        seat_logs = {a: _read_log(p) for a, p in logs.items()}
        result = load_checks.check(url, before, seat_logs, outage)
        if inspect is not None:
            inspect(url, before, seat_logs, outage)
        if relay_exit != 0 or any(seat_exits.values()):
            result["ok"] = False
            result["problems"]["exit"] = [f"{who} exited {code}" for who, code in
                                          [("relay", relay_exit), *seat_exits.items()] if code]
        relay_lines = (folder / "relay.err").read_text(errors="replace").splitlines()
        result["run"] = {
            "seats": args.seats, "duration_s": args.duration, "source": source, "calls_per_minute": rate,
            "calls_per_seat_hour": args.calls_per_seat_hour, "sim_handle_s": round(handle, 1),
            "order_share": args.order_share, "customers": args.customers,
            "restart": f"pg_ctl stop -m fast, {args.down_seconds:g} s, start",
            "machine": load, "relay_cpu_s": round(relay_cpu, 1), "postgres_cpu_s": round(pg_cpu, 1),
            "relay_said": [ln for ln in relay_lines if "relay:" in ln][:20], "folder": str(folder),
        }
        return result
    finally:
        sampler.stop.set()
        for p in [*procs.values(), *([relay] if relay else [])]:
            if p.poll() is None:
                p.kill()
                p.wait()
        pg.close()
        for f in files:
            f.close()
        if not args.keep:  # the seats' logs stay for a run that failed
            shutil.rmtree(folder / "pg" if not result.get("ok") else folder, ignore_errors=True)


def _report(result: dict) -> str:
    f, r = result["figures"], result["run"]
    lines = [
        f"load run: {r['seats']} seats, {r['source']}, {r['duration_s']:g} s, {r['restart']}",
        f"  calls {f['calls']} (answered {f['answered']}, missed {f['missed']}), call events {f['call_events']}",
        f"  wrap-ups saved {f['wrapups_saved']} (waited for the store {f['wrapups_waited']}, "
        f"longest {f['wrapup_wait_max_s']} s)",
        f"  orders placed {f['orders_placed']} (waited {f['orders_waited']}, longest {f['order_wait_max_s']} s; "
        f"found after an unanswered attempt {f['orders_found_after_unanswered']}), refused {f['orders_refused']}",
        f"  pops {f['pops']} (failed {f['pops_failed']}), pop {f['pop_ms']}",
        f"  relay event -> seat {f['latency_event_to_seat']}",
        f"  commit (NOTIFY) -> seat {f['latency_commit_to_seat']}",
        f"  commit -> first seat {f['latency_commit_to_first_seat']}, last seat {f['latency_commit_to_last_seat']}",
        f"  relay event -> commit {f['latency_event_to_commit']}",
        f"  outage: store down {f['outage_store_down_s']} s, seats back {f['outage_seats_back_after_s']} s, "
        f"relay publishing {f['outage_relay_published_after_s']} s after it; events then {f['outage_events_to_seat']}",
        f"  machine {r['machine']}, relay CPU {r['relay_cpu_s']} s, PostgreSQL CPU {r['postgres_cpu_s']} s, "
        f"seats CPU {f['seat_cpu_s']} s (largest {f['seat_max_rss_mb']} MB)",
    ]
    for name, items in result["problems"].items():
        if items:
            lines.append(f"  FAILED {name}: {len(items)}: " + "; ".join(map(str, items[:3])))
    lines.append("  all invariants hold" if result["ok"] else f"  INVARIANTS BROKEN (the seats' logs: {r['folder']})")
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seats", type=int, default=20)
    p.add_argument("--duration", type=float, default=600.0, help="seconds the relay publishes")
    p.add_argument("--calls-per-seat-hour", type=float, default=30.0,
                   help="offered calls per seat and hour (default 30: 600 an hour for 20 seats)")
    p.add_argument("--order-share", type=float, default=0.3)
    p.add_argument("--restart-at", type=float, default=0.5, help="share of the duration")
    p.add_argument("--down-seconds", type=float, default=0.0,
                   help="keep the store stopped this long (0: at once, as pg_ctl restart)")
    p.add_argument("--customers", type=int, default=2000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--json", type=Path, help="write the result here")
    p.add_argument("--keep", action="store_true", help="keep the PostgreSQL data folder")
    args = p.parse_args(argv)
    if not (1 <= args.seats <= 999 and args.duration > 0 and args.calls_per_seat_hour > 0
            and 0 < args.restart_at < 1 and 0 <= args.order_share <= 1 and args.down_seconds >= 0):
        p.error("--seats 1..999, --duration and --calls-per-seat-hour above 0, --restart-at and "
                "--order-share between 0 and 1, --down-seconds 0 or more")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not (PGBIN / "initdb").exists():
        print(f"load run: PostgreSQL 15 is needed ({PGBIN}): make sysdeps", file=sys.stderr)
        return 2
    result = run(args)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False, default=str))
    print(_report(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
