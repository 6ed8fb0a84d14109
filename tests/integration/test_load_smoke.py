"""The load run's smoke (scripts/load_run.py, what `make load` runs for 10 minutes with 20
seats): 3 seats behind one relay on a private PostgreSQL that is stopped for a few seconds
midway, each seat placing an order just then. No wrap-up lost, no order twice, the stock is the start minus the orders, every
call seen by exactly the seat it rang at (the latency is reported, not asserted). Then
the same checks on logs with one thing taken out or added: each is caught."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

from tests import pg_server

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not pg_server.available(), reason="needs PostgreSQL 15 binaries (make sysdeps)"),
]


@pytest.fixture(scope="module")
def load_run():
    sys.path.insert(0, str(SCRIPTS))
    try:
        import load_checks
        import load_run

        yield load_run, load_checks
    finally:
        sys.path.remove(str(SCRIPTS))


def _without_first(logs: dict, kind: str) -> dict:
    """A copy of the seats' logs with the first line of `kind` gone."""
    out = copy.deepcopy(logs)
    for lines in out.values():
        for i, r in enumerate(lines):
            if r["kind"] == kind:
                del lines[i]
                return out
    raise AssertionError(f"no {kind} line in any seat's log")


def _one_seat_sees_anothers_call(logs: dict) -> dict:
    out = copy.deepcopy(logs)
    for lines in out.values():
        for r in lines:
            if r["kind"] == "event" and r["action"] == "ignore" and r["changed"]:
                r["action"] = "pop"
                return out
    raise AssertionError("no seat ignored another seat's call")


def test_three_seats_through_a_store_restart(load_run, tmp_path):
    run, checks = load_run
    caught: dict[str, set[str]] = {}

    def inspect(url, before, logs, outage):
        """With the store still up: the checks catch each kind of breakage."""
        for name, broken in {
            "wrapup": _without_first(logs, "wrapup_saved"),
            "order": _without_first(logs, "order_placed"),
            "event": _without_first(logs, "event"),
            "elsewhere": _one_seat_sees_anothers_call(logs),
        }.items():
            result = checks.check(url, before, broken, outage)
            caught[name] = {k for k, v in result["problems"].items() if v}

    args = run.parse_args(["--seats", "3", "--duration", "30", "--calls-per-seat-hour", "600",
                           "--order-share", "0.5", "--down-seconds", "5", "--customers", "300"])
    result = run.run(args, inspect)

    assert not any(result["problems"].values()), result["problems"]
    assert result["ok"]
    f = result["figures"]
    assert f["answered"] > 0 and f["wrapups_saved"] > 0 and f["orders_placed"] > 0 and f["pops"] > 0
    assert f["wrapups_saved"] == f["ended"]  # every call answered and ended got its wrap-up
    said = "\n".join(result["run"]["relay_said"])
    assert "lost the store" in said and "the store answers again" in said  # the outage happened
    assert f["outage_events_to_seat"]["n"] > 0  # and calls went on through it
    # Each seat placed an order as the store stopped: they waited, and are in the store once.
    assert f["orders_waited"] > 0

    assert "wrapup_lost" in caught["wrapup"]
    assert "order_lost" in caught["order"]
    assert "event_missed" in caught["event"]
    assert "seen_elsewhere" in caught["elsewhere"]
