"""`python manage.py bench <suite> [--json FILE] [--split dev|holdout|all]`: run a benchmark
suite and print its figures.

The suites are the modules of the top-level `bench/` package, found by listing its files: a
suite is imported only when it runs, since suites import dev dependencies (websockets, the
test fakes). The production image leaves `bench/` out, and the command says so."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

BENCH_DIR = settings.BASE_DIR / "bench"
# Modules of bench/ that the suites share, not suites themselves.
HELPER_MODULES = frozenset({"common"})


def bench_suites() -> list[str]:
    """The suite names, without importing any suite; empty when bench/ is absent."""
    if not BENCH_DIR.is_dir():
        return []
    return sorted(
        module.name
        for module in pkgutil.iter_modules([str(BENCH_DIR)])
        if module.name not in HELPER_MODULES and not module.ispkg
    )


class Command(BaseCommand):
    help = "Run a benchmark suite from bench/ and print its figures as JSON."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("suite", help="one of: " + (", ".join(bench_suites()) or "none"))
        parser.add_argument("--json", dest="json_file", type=Path, help="write figures here")
        parser.add_argument("--size", type=int, default=None, help="override the suite's size")
        parser.add_argument("--quick", action="store_true", help="a small version, for a smoke run")
        parser.add_argument(
            "--split",
            choices=("dev", "holdout", "all"),
            help="question split, for suites with labelled questions (chat_quality; default all)",
        )

    def handle(
        self,
        *args: Any,
        suite: str,
        json_file: Path | None,
        size: int | None,
        quick: bool,
        split: str | None,
        **options: Any,
    ) -> None:
        suites = bench_suites()
        if not suites:
            raise CommandError(
                "Benchmarks are not part of this installation: the suites live in bench/ of the "
                "source repository and need the dev dependencies. Run them from a checkout "
                "(make bench SUITE=...)."
            )
        if suite not in suites:
            raise CommandError(f"Unknown suite {suite!r}; choose one of: {', '.join(suites)}")
        run = importlib.import_module(f"bench.{suite}").run
        extra = {} if split is None else {"split": split}
        if extra and "split" not in inspect.signature(run).parameters:
            raise CommandError(f"Suite {suite!r} has no question splits")
        try:
            figures = run(size=size, quick=quick, log=lambda msg: self.stderr.write(msg), **extra)
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        text = json.dumps({"suite": suite, **figures}, indent=2)
        self.stdout.write(text)
        if json_file:
            json_file.write_text(text + "\n")
