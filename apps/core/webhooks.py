"""Checking webhook and callback signatures: HMAC-SHA256 over the exact bytes received.

Providers sign the raw body (Shopify, WooCommerce: base64 headers; Stripe and most others: hex),
so views pass `request.body` untouched, never re-serialised JSON. Comparisons are constant-time,
and a malformed signature is simply not a match: callers answer 401 and never see an exception
built from attacker input.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Iterable
from typing import Literal

SignatureEncoding = Literal["hex", "base64"]


def hmac_sha256_verify(
    *, secret: bytes, body: bytes, signature: str, encoding: SignatureEncoding
) -> bool:
    """Whether `signature` (hex or standard base64, surrounding whitespace ignored) is the
    HMAC-SHA256 of `body` under `secret`."""
    expected = hmac.new(secret, body, hashlib.sha256).digest()
    received = _decode(signature.strip(), encoding=encoding)
    return received is not None and hmac.compare_digest(expected, received)


def hmac_sha256_verify_any(
    *, secrets: Iterable[bytes], body: bytes, signature: str, encoding: SignatureEncoding
) -> bool:
    """Whether the signature matches under any of `secrets` (the current one and those still
    accepted while a rotation completes). Every secret is tried, so the time taken does not
    tell which one matched."""
    matches = [
        hmac_sha256_verify(secret=secret, body=body, signature=signature, encoding=encoding)
        for secret in secrets
    ]
    return any(matches)


def _decode(signature: str, *, encoding: SignatureEncoding) -> bytes | None:
    if not signature.isascii():
        return None
    try:
        if encoding == "hex":
            return bytes.fromhex(signature)
        return base64.b64decode(signature, validate=True)
    except (ValueError, binascii.Error):
        return None
