from typing import Any

from django.core.management.base import BaseCommand, CommandError

from apps.tenants.secret_rotation import secrets_rotate_everywhere


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored secret (in every store and on the public schema) with the "
        "first key of SECRET_ENCRYPTION_KEYS. Run after adding a new key in front; remove the "
        "old key only once this succeeds."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = secrets_rotate_everywhere()
        self.stdout.write(f"Re-encrypted {result.rotated} secret(s).")
        if result.failures:
            raise CommandError(
                "No configured key decrypts: "
                + ", ".join(f"{f.store}: {f.field} #{f.pk}" for f in result.failures)
                + ". Keep the old keys until these are fixed (set the secrets again)."
            )
