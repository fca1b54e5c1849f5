"""Stores' LLM API keys, encrypted at rest with Fernet (AES-128-CBC + HMAC-SHA256, from
`cryptography`).

`LLM_KEY_ENCRYPTION_KEYS` lists Fernet keys newest first: the first encrypts, every one
decrypts. Rotation: put a new key first, run `manage.py rotate_llm_keys` (re-encrypts every
store's key under it), then drop the old key. Development and tests, which have no such
setting, use a key derived from SECRET_KEY; production refuses to start without it.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from apps.conversations.models import AssistantSettings
from apps.core.tenancy import tenant_context
from apps.tenants.selectors import store_list


class SecretDecryptError(Exception):
    """A stored secret cannot be decrypted: it was tampered with, or every key that could
    decrypt it has been removed from LLM_KEY_ENCRYPTION_KEYS."""


def _keys() -> list[str]:
    if settings.LLM_KEY_ENCRYPTION_KEYS:
        return list(settings.LLM_KEY_ENCRYPTION_KEYS)
    digest = hashlib.sha256(b"aisle.llm-key-encryption:" + settings.SECRET_KEY.encode()).digest()
    return [base64.urlsafe_b64encode(digest).decode()]


def _fernet() -> MultiFernet:
    try:
        return MultiFernet([Fernet(key) for key in _keys()])
    except ValueError as error:
        raise ImproperlyConfigured(
            "LLM_KEY_ENCRYPTION_KEYS must be comma-separated Fernet keys."
        ) from error


def secret_encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode()


def secret_decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise SecretDecryptError(
            "The stored secret cannot be decrypted with LLM_KEY_ENCRYPTION_KEYS "
            "(tampered with, or its key was removed)."
        ) from error


def secret_rotate(token: str) -> str:
    """The same secret, encrypted under the newest key."""
    try:
        return _fernet().rotate(token.encode()).decode()
    except InvalidToken as error:
        raise SecretDecryptError("The stored secret cannot be decrypted for rotation.") from error


@dataclass(frozen=True)
class RotationResult:
    rotated: int
    failed_stores: list[str]  # slugs whose key no configured key decrypts


def llm_keys_rotate_for_all_stores() -> RotationResult:
    """Re-encrypt every store's LLM API key under the newest key. Works across stores
    (tenant_context per store) and is safe to run twice. A key that cannot be decrypted is left
    as it is and its store reported, so the others are still rotated."""
    rotated, failed = 0, []
    for tenant in store_list():
        with tenant_context(tenant):
            for row in AssistantSettings.objects.exclude(llm_api_key_encrypted=""):
                try:
                    row.llm_api_key_encrypted = secret_rotate(row.llm_api_key_encrypted)
                except SecretDecryptError:
                    failed.append(tenant.slug)
                    continue
                row.save(update_fields=["llm_api_key_encrypted"])
                rotated += 1
    return RotationResult(rotated=rotated, failed_stores=failed)
