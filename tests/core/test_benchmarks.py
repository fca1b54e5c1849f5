from apps.core.benchmarks import percentile


def test_percentile_interpolates_between_timings() -> None:
    # given twenty-one evenly spaced timings
    timings = [float(ms) for ms in range(0, 210, 10)]
    # when / then
    assert percentile(timings, pct=50) == 100.0
    assert percentile(timings, pct=95) == 190.0


def test_percentile_of_one_or_no_timings() -> None:
    assert percentile([12.34], pct=95) == 12.3
    assert percentile([], pct=95) is None
