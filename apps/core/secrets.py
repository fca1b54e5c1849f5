"""Secrets at rest (stores' LLM API keys, integration tokens, webhook secrets), encrypted with
Fernet (AES-128-CBC + HMAC-SHA256, from `cryptography`).

`SECRET_ENCRYPTION_KEYS` lists Fernet keys newest first: the first encrypts, every one decrypts.
Each app registers the model fields it stores encrypted (`encrypted_field_register` in its
`AppConfig.ready`), so one command, `manage.py rotate_secrets`, re-encrypts them all. Rotation:
put a new key first, run the command, then drop the old key. Development and tests, which have
no such setting, use a key derived from SECRET_KEY; production refuses to start without it.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class SecretDecryptError(Exception):
    """A stored secret cannot be decrypted: it was tampered with, or every key that could
    decrypt it has been removed from SECRET_ENCRYPTION_KEYS."""


@dataclass(frozen=True)
class EncryptedField:
    model_label: str  # "app_label.ModelName"
    field_name: str


_ENCRYPTED_FIELDS: dict[tuple[str, str], EncryptedField] = {}


def encrypted_field_register(*, model_label: str, field_name: str) -> None:
    """Declare a text field that holds `secret_encrypt` tokens ("" for none), for rotation.
    Registering the same field twice is harmless (ready() may run more than once in tests)."""
    field = EncryptedField(model_label=model_label, field_name=field_name)
    _ENCRYPTED_FIELDS[(model_label, field_name)] = field


def encrypted_field_list() -> list[EncryptedField]:
    return list(_ENCRYPTED_FIELDS.values())


def _keys() -> list[str]:
    if settings.SECRET_ENCRYPTION_KEYS:
        return list(settings.SECRET_ENCRYPTION_KEYS)
    # The salt predates the move from the LLM settings: secrets encrypted in development
    # before it still decrypt.
    digest = hashlib.sha256(b"aisle.llm-key-encryption:" + settings.SECRET_KEY.encode()).digest()
    return [base64.urlsafe_b64encode(digest).decode()]


def _fernet() -> MultiFernet:
    try:
        return MultiFernet([Fernet(key) for key in _keys()])
    except ValueError as error:
        raise ImproperlyConfigured(
            "SECRET_ENCRYPTION_KEYS must be comma-separated Fernet keys."
        ) from error


def secret_encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode()


def secret_decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise SecretDecryptError(
            "The stored secret cannot be decrypted with SECRET_ENCRYPTION_KEYS "
            "(tampered with, or its key was removed)."
        ) from error


def secret_rotate(token: str) -> str:
    """The same secret, encrypted under the newest key."""
    try:
        return _fernet().rotate(token.encode()).decode()
    except InvalidToken as error:
        raise SecretDecryptError("The stored secret cannot be decrypted for rotation.") from error
