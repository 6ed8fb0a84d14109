"""The "Speed targets" table of docs/PERFORMANCE.md from one or more bench/results.json.

    .venv/bin/python bench/results_table.py run1.json run2.json run3.json

With several runs each figure is the median of its runs (value, baseline and ratio each
their own median); the load column gives the load averages the figure was measured at.
"""

from __future__ import annotations

import json
import statistics
import sys

from benchlib import _num, _target_met  # bench/ is the script's own folder on sys.path


def median(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def main(paths: list[str]) -> None:
    runs = [json.load(open(p, encoding="utf-8")) for p in paths]
    figures: dict[str, list[dict]] = {}
    for run in runs:
        for fig in run["figures"]:
            figures.setdefault(fig["name"], []).append(fig)
    print("| figure | now | baseline | ratio | target | met? | load |")
    print("|---|---|---|---|---|---|---|")
    for name, figs in figures.items():
        first = figs[0]
        value = median([f["value"] for f in figs])
        base = median([f["baseline"] for f in figs])
        ratio = median([f["ratio"] for f in figs])
        met = _target_met(value, ratio, first["target"])
        unit = first["unit"]
        vs = f" ({first['baseline_name']})" if first.get("baseline_name") else ""
        loads = ", ".join(f"{f['load_average']:.1f}" for f in figs)
        print(f"| {name} | {_num(value)} {unit} | "
              + (f"{_num(base)} {unit}{vs}" if base is not None else "-") + " | "
              + (f"{ratio:.2f}x" if ratio is not None else "-") + f" | {first['target'] or '-'} | "
              + ("-" if met is None else "yes" if met else "**no**") + f" | {loads} |")
    for run in runs:
        m = run["machine"]
        print(f"\n<!-- {run['mode']} run {run['started']} ({run['seconds']} s), commit {run['git']['commit'][:10]}"
              f"{' + local changes' if run['git']['dirty'] else ''}, load {m['load_average_start']} -> "
              f"{m['load_average_end']} -->", end="")
    print()


if __name__ == "__main__":
    main(sys.argv[1:])
