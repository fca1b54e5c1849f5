from typing import Any

from django.core.management.base import BaseCommand, CommandError

from apps.conversations.llm.secrets import llm_keys_rotate_for_all_stores


class Command(BaseCommand):
    help = (
        "Re-encrypt every store's LLM API key with the first key of LLM_KEY_ENCRYPTION_KEYS. "
        "Run after adding a new key in front; remove the old key only once this succeeds."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = llm_keys_rotate_for_all_stores()
        self.stdout.write(f"Re-encrypted {result.rotated} LLM API key(s).")
        if result.failed_stores:
            raise CommandError(
                "No configured key decrypts the LLM API key of: "
                + ", ".join(result.failed_stores)
                + ". Keep the old keys until these are fixed (set the key again)."
            )
