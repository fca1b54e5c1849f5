"""Sign-in hand-off from the root domain to a store's host.

A session cookie can only be shared with store subdomains when the parent domain accepts
cookies (production: `.aisle.example`). Browsers refuse `Domain=localhost`, and a store's own
custom domain can never share a cookie with Aisle's. So opening a store goes through
`/stores/<slug>/open/` on the root domain, which (for a signed-in member) issues a one-time,
60-second token bound to the user and the store, and redirects to the store host's
`/accounts/handoff/`, which signs the user in there.
"""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache

from apps.accounts.models import User
from apps.tenants.models import Tenant

TOKEN_TTL_SECONDS = 60
_SALT = "aisle.accounts.handoff"


def _nonce_key(nonce: str) -> str:
    return f"handoff:{nonce}"


def handoff_token_issue(*, user: User, tenant: Tenant) -> str:
    nonce = secrets.token_urlsafe(16)
    cache.set(_nonce_key(nonce), user.pk, timeout=TOKEN_TTL_SECONDS)
    return signing.dumps({"u": user.pk, "t": tenant.pk, "n": nonce}, salt=_SALT, compress=True)


def handoff_token_redeem(*, token: str, tenant: Tenant) -> User | None:
    """The user the token was issued to, if it is genuine, fresh, for this store and unused."""
    try:
        payload = signing.loads(token, salt=_SALT, max_age=TOKEN_TTL_SECONDS)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if payload.get("t") != tenant.pk:
        return None
    if not cache.delete(_nonce_key(str(payload.get("n")))):  # single use: first delete wins
        return None
    return get_user_model().objects.filter(pk=payload.get("u"), is_active=True).first()
