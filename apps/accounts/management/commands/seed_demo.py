from typing import Any

from django.core.management.base import BaseCommand

from apps.accounts.demo import demo_store_ensure


class Command(BaseCommand):
    help = "Create (or refresh) the demo store and its owner account. Idempotent."

    def handle(self, *args: Any, **options: Any) -> None:
        creds = demo_store_ensure()
        self.stdout.write(
            f"Demo store: {creds.url}\n  email:    {creds.email}\n  password: {creds.password}"
        )
