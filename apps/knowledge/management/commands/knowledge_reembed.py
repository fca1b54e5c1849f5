from typing import Any

from django.core.management.base import BaseCommand

from apps.knowledge.services.scheduling import stale_embeddings_reembed_for_all_tenants


class Command(BaseCommand):
    help = (
        "Re-embed the knowledge chunks of every store whose chunks were embedded with another "
        "model or an older embedding version (queued for the ingest worker, or --now here)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--now", action="store_true", help="re-embed in this process")

    def handle(self, *args: Any, now: bool, **options: Any) -> None:
        stores = stale_embeddings_reembed_for_all_tenants(now=now)
        verb = "re-embedded" if now else "queued"
        self.stdout.write(f"{verb}: {len(stores)} stores {' '.join(stores)}".rstrip())
