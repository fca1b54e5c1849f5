import contextlib
from typing import Any

from django.core.management.base import BaseCommand

from apps.core.scheduler import scheduler_run_forever


class Command(BaseCommand):
    help = "Run the scheduler: enqueue due periodic work onto the Dramatiq queues."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--tick", type=float, default=30.0, help="seconds between ticks")

    def handle(self, *args: Any, tick: float, **options: Any) -> None:
        with contextlib.suppress(KeyboardInterrupt):
            scheduler_run_forever(tick_seconds=tick)
