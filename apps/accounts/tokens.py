"""Random secrets and their stored digests (invitation tokens, API keys)."""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_secret(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


def digest(secret: str) -> str:
    # Secrets are 256-bit random values, so a plain SHA-256 is enough: no dictionary to attack.
    return hashlib.sha256(secret.encode()).hexdigest()


def digest_matches(secret: str, expected_digest: str) -> bool:
    return hmac.compare_digest(digest(secret), expected_digest)
