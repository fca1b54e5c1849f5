"""Helpers shared by the `manage.py bench` suites."""

from __future__ import annotations

import statistics


def percentile(values: list[float], *, pct: int) -> float | None:
    """The pct-th percentile of the timings, rounded to 0.1; None when there are none (a run
    whose every attempt failed reports no figure rather than crashing)."""
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[pct - 1], 1)
