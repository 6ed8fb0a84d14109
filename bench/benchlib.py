"""What every benchmark script shares: percentiles in one definition, and the recorder.

`record()` prints a figure next to its baseline and the ratio in one line format, and
appends it (one JSON object a line) to the file named by BENCH_RESULTS, which
scripts/bench.sh sets and folds into bench/results.json at the end. Outside bench.sh
(BENCH_RESULTS unset) it only prints.

Targets are written as the issue states them: "<= 16" or "< 50" bound the value,
">= 2x" or "<= 1.5x" bound the ratio to the baseline; a bare number means "<= number".
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path


def percentile(values: list[float], p: float) -> float:
    """The value below which a fraction `p` of the samples lie (nearest rank)."""
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def p50(values: list[float]) -> float:
    return statistics.median(values)


def _target_met(value: float, ratio: float | None, target: str | None) -> bool | None:
    if not target:
        return None
    text = target.replace(" ", "")
    for op in ("<=", ">=", "<", ">"):
        if text.startswith(op):
            bound_text = text[len(op):]
            break
    else:
        op, bound_text = "<=", text
    on_ratio = bound_text.endswith("x")
    bound = float(bound_text.rstrip("x"))
    subject = ratio if on_ratio else value
    if subject is None:
        return None
    return {"<=": subject <= bound, ">=": subject >= bound, "<": subject < bound, ">": subject > bound}[op]


def record(name: str, value: float, unit: str, baseline: float | None = None, target: float | str | None = None,
           note: str = "", *, vs: str = "") -> dict:
    """Print one figure (and append it to BENCH_RESULTS). `vs` names the baseline."""
    tag = os.environ.get("BENCH_TAG", "")
    if tag:
        name = f"{name} [{tag}]"
    if isinstance(target, (int, float)):
        target = f"<= {target:g}"
    ratio = value / baseline if baseline not in (None, 0) else None
    met = _target_met(value, ratio, target)
    fig = {
        "name": name, "value": value, "unit": unit, "baseline": baseline, "baseline_name": vs or None,
        "ratio": ratio, "target": target, "met": met, "note": note,
        "script": Path(sys.argv[0]).name, "load_average": round(os.getloadavg()[0], 2),
        "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    parts = [f"FIGURE {name:46s} {_num(value):>9s} {unit:10s}"]
    if baseline is not None:
        parts.append(f"baseline {_num(baseline)} {unit}" + (f" ({vs})" if vs else ""))
    if ratio is not None:
        parts.append(f"ratio {ratio:.2f}x")
    if target:
        parts.append(f"target {target} {'met' if met else 'MISSED' if met is False else ''}".rstrip())
    parts.append(f"load {fig['load_average']:.2f}")
    if note:
        parts.append(note)
    print("  |  ".join(parts), flush=True)
    out = os.environ.get("BENCH_RESULTS")
    if out:
        with open(out, "a", encoding="utf-8") as f:
            f.write(json.dumps(fig, ensure_ascii=False) + "\n")
    return fig


def _num(value: float) -> str:
    if value == 0 or abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"
