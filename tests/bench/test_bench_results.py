"""make bench's recorder and results file: the figures the Speed targets table is made of."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from benchlib import record  # noqa: E402  (bench/ is not a package)


@pytest.fixture
def figures(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "figures.jsonl"
    monkeypatch.setenv("BENCH_RESULTS", str(path))
    monkeypatch.delenv("BENCH_TAG", raising=False)
    return path


def test_a_figure_is_printed_with_its_baseline_and_ratio_and_appended(figures, capsys):
    record("screen pop, unique caller, p99", 39.4, "ms", 0.256, 16, vs="bare SQL lookup p99")
    record("AMI parser, recorded stream", 110_787, "events/s", 71_750, ">= 2x", vs="panoramisk 1.4")
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith("FIGURE screen pop, unique caller, p99")
    assert "baseline 0.256 ms (bare SQL lookup p99)" in line and "ratio 153.91x" in line
    assert "target <= 16 MISSED" in line
    pop, parser = (json.loads(x) for x in figures.read_text().splitlines())
    assert (pop["value"], pop["baseline"], pop["target"], pop["met"]) == (39.4, 0.256, "<= 16", False)
    assert round(parser["ratio"], 2) == 1.54 and parser["met"] is False  # the target bounds the ratio


@pytest.mark.parametrize(("value", "baseline", "target", "met"), [
    (15.9, None, 16, True), (16.0, None, "< 16", False), (47.0, 3.9, "< 50", True),
    (2.1, 1.0, ">= 2x", True), (1.9, 1.0, ">= 2x", False), (1.05, 0.19, "<= 1.5x", False),
    (5.0, None, None, None), (5.0, None, ">= 2x", None),  # a ratio target without a baseline: unknown
])
def test_target_met_or_missed(figures, value, baseline, target, met):
    assert record("f", value, "ms", baseline, target)["met"] is met


def test_a_tagged_run_keeps_its_figures_apart(figures, monkeypatch):
    monkeypatch.setenv("BENCH_TAG", "PostgreSQL")
    record("screen pop, unique caller, p99", 67.0, "ms")
    assert json.loads(figures.read_text())["name"] == "screen pop, unique caller, p99 [PostgreSQL]"


def test_results_json_has_the_machine_the_store_and_every_figure(figures, tmp_path):
    record("resolve_caller(), p99", 0.98, "ms", 1.04)
    store = tmp_path / "s.sqlite3"
    import sqlite3

    with sqlite3.connect(store) as db:
        db.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
        db.executemany("INSERT INTO customers VALUES (?)", [(i,) for i in range(3)])
    out = tmp_path / "results.json"
    subprocess.run([sys.executable, str(BENCH / "results.py"), str(figures), str(out), "--load-start",
                    "0.5 0.4 0.3", "--store", f"sqlite:///{store}"], check=True, capture_output=True)
    result = json.loads(out.read_text())
    assert result["machine"]["cores"] >= 1 and result["machine"]["load_average_start"] == [0.5, 0.4, 0.3]
    assert len(result["machine"]["load_average_end"]) == 3 and result["git"]["commit"]
    assert result["stores"][0]["customers"] == 3 and result["stores"][0]["bytes"] > 0
    assert [f["name"] for f in result["figures"]] == ["resolve_caller(), p99"]
