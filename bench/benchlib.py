"""What every benchmark script shares: percentiles in one definition."""

from __future__ import annotations

import statistics


def percentile(values: list[float], p: float) -> float:
    """The value below which a fraction `p` of the samples lie (nearest rank)."""
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def p50(values: list[float]) -> float:
    return statistics.median(values)
