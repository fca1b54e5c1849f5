import importlib
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.core.management.commands import bench as bench_command
from bench.common import percentile


def test_percentile_interpolates_between_timings() -> None:
    # given twenty-one evenly spaced timings
    timings = [float(ms) for ms in range(0, 210, 10)]
    # when / then
    assert percentile(timings, pct=50) == 100.0
    assert percentile(timings, pct=95) == 190.0


def test_percentile_of_one_or_no_timings() -> None:
    assert percentile([12.34], pct=95) == 12.3
    assert percentile([], pct=95) is None


def test_every_module_of_bench_is_a_suite_with_a_keyword_only_run() -> None:
    # when
    suites = bench_command.bench_suites()
    # then
    assert suites == [
        "admin",
        "bodies",
        "catalog",
        "chat",
        "chat_quality",
        "retrieval",
        "revocation",
        "tenants",
        "widget",
    ]
    for suite in suites:
        parameters = inspect.signature(importlib.import_module(f"bench.{suite}").run).parameters
        assert list(parameters) == ["size", "quick", "log"], suite
        assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters.values()), suite


def test_bench_without_the_bench_package_says_benchmarks_are_not_installed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # given an installation without bench/, like the production image
    monkeypatch.setattr(bench_command, "BENCH_DIR", tmp_path / "bench")
    # when / then
    with pytest.raises(CommandError, match="Benchmarks are not part of this installation"):
        call_command("bench", "tenants", "--quick")


def test_bench_refuses_an_unknown_suite() -> None:
    with pytest.raises(CommandError, match=r"Unknown suite 'nope'.*tenants"):
        call_command("bench", "nope")


def test_loading_the_bench_command_imports_no_suite_and_no_dev_dependency() -> None:
    # given a fresh interpreter (this one has imported the suites above)
    script = (
        "import sys, django; django.setup();"
        "from django.core.management import load_command_class;"
        "load_command_class('apps.core', 'bench').create_parser('manage.py', 'bench');"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'bench', 'websockets'}))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    # when
    loaded = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # then
    assert loaded == "[]"
