"""`python manage.py bench <suite> [--json FILE]`: run a benchmark suite and print its figures.

Suites are registered in BENCH_SUITES (dotted paths to functions returning a dict of figures),
so each app keeps its benchmark next to its code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

BENCH_SUITES = {
    "tenants": "apps.tenants.bench.run",
    "retrieval": "apps.knowledge.bench.run",
    "catalog": "apps.catalog.bench.run",
    "chat_quality": "apps.conversations.bench_quality.run",
    "chat": "apps.conversations.bench_chat.run",
    "widget": "apps.widget.bench.run",
    "admin": "apps.core.bench_admin.run",
}


class Command(BaseCommand):
    help = "Run a benchmark suite: " + ", ".join(BENCH_SUITES)

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("suite", choices=sorted(BENCH_SUITES))
        parser.add_argument("--json", dest="json_file", type=Path, help="write figures here")
        parser.add_argument("--size", type=int, default=None, help="override the suite's size")
        parser.add_argument("--quick", action="store_true", help="a small version, for a smoke run")

    def handle(
        self,
        *args: Any,
        suite: str,
        json_file: Path | None,
        size: int | None,
        quick: bool,
        **options: Any,
    ) -> None:
        run = import_string(BENCH_SUITES[suite])
        try:
            figures = run(size=size, quick=quick, log=lambda msg: self.stderr.write(msg))
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        text = json.dumps({"suite": suite, **figures}, indent=2)
        self.stdout.write(text)
        if json_file:
            json_file.write_text(text + "\n")
