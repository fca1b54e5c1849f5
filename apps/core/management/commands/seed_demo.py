from typing import Any

from django.core.management.base import BaseCommand

from apps.core.demo import demo_seed


class Command(BaseCommand):
    help = "Create (or refresh) the demo store and its owner account. Idempotent."

    def handle(self, *args: Any, **options: Any) -> None:
        demo = demo_seed()
        creds = demo.credentials
        self.stdout.write(
            f"Demo store: {creds.url}\n  email:    {creds.email}\n  password: {creds.password}"
            f"\n  widget key: {demo.widget_key}"
        )
