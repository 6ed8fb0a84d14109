"""Fold the figures one `make bench` recorded (JSON lines) into bench/results.json.

    .venv/bin/python bench/results.py FIGURES.jsonl OUT.json --load-start "0.5 0.4 0.3" \
        --started 2026-12-01T03:00:00+0000 --store URL [--store URL ...]

Called by scripts/bench.sh at the end of a run; the machine's facts are read here.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def store_facts(url: str) -> dict:
    """Which store, how big; never the URL's password (bench URLs have none, but still)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    facts = {"url": parsed.render_as_string(hide_password=True), "dialect": parsed.get_backend_name()}
    try:
        engine = create_engine(url)
        with engine.connect() as conn:
            facts["customers"] = conn.scalar(text("SELECT count(*) FROM customers"))
            if facts["dialect"] == "postgresql":
                facts["bytes"] = conn.scalar(text("SELECT pg_database_size(current_database())"))
        engine.dispose()
        if facts["dialect"] == "sqlite" and parsed.database:
            facts["bytes"] = os.path.getsize(parsed.database)
    except Exception as exc:  # a figure file without the size is still worth writing
        facts["error"] = f"{type(exc).__name__}: {str(exc)[:200]}"
    return facts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("figures")
    ap.add_argument("out")
    ap.add_argument("--load-start", default="")
    ap.add_argument("--started", default="")
    ap.add_argument("--mode", default="full")
    ap.add_argument("--store", action="append", default=[])
    ap.add_argument("--seconds", type=float, default=None)
    args = ap.parse_args()
    figures = []
    path = Path(args.figures)
    if path.exists():
        figures = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = {
        "mode": args.mode,
        "started": args.started,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "seconds": args.seconds,
        "machine": {
            "cpu": cpu_model(),
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}",
            "load_average_start": [float(x) for x in args.load_start.split()] if args.load_start else None,
            "load_average_end": [round(x, 2) for x in os.getloadavg()],
        },
        "git": {"commit": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain", "--", "cti_desk", "bench"))},
        "stores": [store_facts(url) for url in args.store],
        "figures": figures,
    }
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    met = [f for f in figures if f.get("met") is not None]
    print(f"== {len(figures)} figures in {args.out}; targets met {sum(bool(f['met']) for f in met)} of {len(met)}")


if __name__ == "__main__":
    main()
