"""HMAC-SHA256 signature checks over raw bytes, against the providers' published vectors."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest

from apps.core.webhooks import hmac_sha256_verify, hmac_sha256_verify_any

# Shopify's OAuth documentation: the callback's query string without `hmac`, sorted, signed with
# the app's secret.
SHOPIFY_SECRET = b"hush"
SHOPIFY_QUERY = (
    b"code=0907a61c0c8d55e99db179b68161bc00&shop=some-shop.myshopify.com&timestamp=1337178173"
)
SHOPIFY_HMAC = "4712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20"
SHOPIFY_QUERY_WITH_STATE = (
    b"code=0907a61c0c8d55e99db179b68161bc00&shop=some-shop.myshopify.com"
    b"&state=0.6784241404160823&timestamp=1337178173"
)
SHOPIFY_HMAC_WITH_STATE = "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf"

BODY = b'{"id":820982911946154508,"email":"jon@example.com","total_price":"12.00"}'
SECRET = b"whsec_test_secret"


def _base64_signature(secret: bytes, body: bytes) -> str:
    return base64.b64encode(hmac.new(secret, body, hashlib.sha256).digest()).decode()


@pytest.mark.parametrize(
    ("message", "signature"),
    [(SHOPIFY_QUERY, SHOPIFY_HMAC), (SHOPIFY_QUERY_WITH_STATE, SHOPIFY_HMAC_WITH_STATE)],
)
def test_shopifys_published_oauth_vectors_verify_as_hex(message: bytes, signature: str) -> None:
    assert hmac_sha256_verify(
        secret=SHOPIFY_SECRET, body=message, signature=signature, encoding="hex"
    )
    assert hmac_sha256_verify(
        secret=SHOPIFY_SECRET, body=message, signature=signature.upper(), encoding="hex"
    )


def test_a_base64_signature_of_the_raw_body_verifies_and_whitespace_around_it_is_ignored() -> None:
    signature = _base64_signature(SECRET, BODY)
    assert hmac_sha256_verify(secret=SECRET, body=BODY, signature=signature, encoding="base64")
    assert hmac_sha256_verify(
        secret=SECRET, body=BODY, signature=f"  {signature}\n", encoding="base64"
    )


def test_a_signature_under_another_secret_or_of_other_bytes_does_not_verify() -> None:
    signature = _base64_signature(SECRET, BODY)
    assert not hmac_sha256_verify(
        secret=b"another", body=BODY, signature=signature, encoding="base64"
    )
    # a re-serialised body (one space) is not the body that was signed
    assert not hmac_sha256_verify(
        secret=SECRET, body=BODY.replace(b",", b", "), signature=signature, encoding="base64"
    )
    assert not hmac_sha256_verify(
        secret=b"hushh", body=SHOPIFY_QUERY, signature=SHOPIFY_HMAC, encoding="hex"
    )


def test_the_encoding_must_match_the_one_the_provider_uses() -> None:
    hex_signature = hmac.new(SECRET, BODY, hashlib.sha256).hexdigest()
    assert not hmac_sha256_verify(
        secret=SECRET, body=BODY, signature=hex_signature, encoding="base64"
    )
    assert not hmac_sha256_verify(
        secret=SECRET, body=BODY, signature=_base64_signature(SECRET, BODY), encoding="hex"
    )


@pytest.mark.parametrize(
    "signature",
    [
        "",
        "   ",
        "not a signature",
        SHOPIFY_HMAC[:-1],  # odd length
        SHOPIFY_HMAC[:-2],  # a byte short
        SHOPIFY_HMAC + "00",
        "zz" * 32,
        "é" * 64,
        "4712bf92\x00",
        "sha256=" + SHOPIFY_HMAC,
    ],
)
def test_a_malformed_or_empty_hex_signature_is_a_mismatch_not_an_error(signature: str) -> None:
    assert not hmac_sha256_verify(
        secret=SHOPIFY_SECRET, body=SHOPIFY_QUERY, signature=signature, encoding="hex"
    )


@pytest.mark.parametrize(
    "signature", ["", "====", "abc", "ab$d" * 11, "é" * 44, _base64_signature(SECRET, BODY)[:-4]]
)
def test_a_malformed_or_empty_base64_signature_is_a_mismatch_not_an_error(signature: str) -> None:
    assert not hmac_sha256_verify(secret=SECRET, body=BODY, signature=signature, encoding="base64")


def test_any_of_several_secrets_verifies_during_a_rotation() -> None:
    # given a body signed with the previous secret, while the new one is already current
    signature = _base64_signature(b"previous", BODY)

    # then it verifies against [current, previous], but not against the current one alone
    assert hmac_sha256_verify_any(
        secrets=[b"current", b"previous"], body=BODY, signature=signature, encoding="base64"
    )
    assert not hmac_sha256_verify_any(
        secrets=[b"current"], body=BODY, signature=signature, encoding="base64"
    )
    assert not hmac_sha256_verify_any(secrets=[], body=BODY, signature=signature, encoding="base64")
