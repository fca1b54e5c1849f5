from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from apps.knowledge.services.backfill import sentence_vectors_backfill_for_all_tenants


class Command(BaseCommand):
    help = (
        "Encode the sentences of chunks stored before sentence vectors existed and calibrate "
        "every store's passage gates (safe to run again)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        encoded = sentence_vectors_backfill_for_all_tenants()
        self.stdout.write(f"encoded the sentences of {encoded} chunks")
