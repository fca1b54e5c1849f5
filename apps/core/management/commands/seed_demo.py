from typing import Any

from django.core.management.base import BaseCommand

from apps.core.demo import demo_seed


class Command(BaseCommand):
    help = "Create (or refresh) the demo stores and their owner account. Idempotent."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--no-conversations",
            action="store_true",
            help="leave out the sample conversations (they take a minute to answer)",
        )

    def handle(self, *args: Any, no_conversations: bool, **options: Any) -> None:
        demo = demo_seed(conversations=not no_conversations)
        creds = demo.credentials
        self.stdout.write(
            f"Demo store: {creds.url}\n  email:    {creds.email}\n  password: {creds.password}"
            f"\n  widget key: {demo.widget_key}\nSecond demo store: {demo.second_store_url}"
        )
