"""Validation of store names, slugs and currencies, shared by the signup form, the API and the
services."""

from __future__ import annotations

import re
import unicodedata

from babel.numbers import list_currencies
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SLUG_MIN, SLUG_MAX = 3, 40
NAME_MAX = 100
_SLUG_RE = re.compile(r"^[a-z](?:[a-z0-9]|-(?!-))*[a-z0-9]$")

# Subdomains that belong to the platform or would confuse shoppers and merchants.
RESERVED_SLUGS = frozenset(
    [
        "about",
        "account",
        "accounts",
        "admin",
        "administrator",
        "aisle",
        "api",
        "app",
        "apps",
        "assets",
        "auth",
        "billing",
        "blog",
        "cdn",
        "console",
        "dashboard",
        "dev",
        "docs",
        "email",
        "ftp",
        "help",
        "imap",
        "internal",
        "integrations",
        "localhost",
        "login",
        "logout",
        "mail",
        "media",
        "mx",
        "news",
        "ns",
        "ns1",
        "ns2",
        "oauth",
        "pop",
        "pop3",
        "public",
        "root",
        "sandbox",
        "security",
        "shopify",
        "signup",
        "smtp",
        "staff",
        "stage",
        "staging",
        "static",
        "status",
        "store",
        "stores",
        "support",
        "system",
        "template",
        "tenant",
        "tenants",
        "test",
        "webhook",
        "webhooks",
        "widget",
        "woocommerce",
        "ws",
        "wss",
        "www",
    ]
)


def slug_validate(raw: str) -> str:
    slug = (raw or "").strip().lower()
    if not slug:
        raise ValidationError(_("Choose an address for your store."), code="required")
    if len(slug) < SLUG_MIN or len(slug) > SLUG_MAX:
        raise ValidationError(
            _("The store address must be %(min)d to %(max)d characters long.")
            % {"min": SLUG_MIN, "max": SLUG_MAX},
            code="slug_length",
        )
    if not _SLUG_RE.match(slug):
        raise ValidationError(
            _(
                "Use lowercase letters, digits and single hyphens; start with a letter and end "
                "with a letter or digit."
            ),
            code="slug_charset",
        )
    if slug in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is reserved. Please choose another address.") % {"slug": slug},
            code="slug_reserved",
        )
    return slug


def name_validate(raw: str) -> str:
    name = unicodedata.normalize("NFC", raw or "").strip()
    if not name:
        raise ValidationError(_("Give your store a name."), code="required")
    if len(name) > NAME_MAX:
        raise ValidationError(
            _("The store name can be at most %(max)d characters.") % {"max": NAME_MAX},
            code="name_length",
        )
    if any(unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn") for char in name):
        raise ValidationError(
            _("The store name contains invisible or control characters."), code="name_charset"
        )
    return name


def currency_validate(raw: str) -> str:
    """An ISO 4217 code (as Babel knows them), upper-cased."""
    code = (raw or "").strip().upper()
    if code not in list_currencies():
        raise ValidationError(
            _("“%(code)s” is not an ISO 4217 currency code.") % {"code": raw},
            code="invalid_currency",
        )
    return code


def schema_name_for(slug: str) -> str:
    # Slugs never contain underscores, so this mapping cannot collide.
    return "t_" + slug.replace("-", "_")
