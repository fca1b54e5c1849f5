from __future__ import annotations

from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_safe_url(self, url: str | None) -> bool:
        """Also allow redirects back to any store subdomain (login happens on the root domain)."""
        if not url:
            return False
        host = (urlsplit(url).hostname or "").lower()
        base = settings.BASE_DOMAIN
        if host == base or host.endswith("." + base):
            return urlsplit(url).scheme in ("http", "https")
        return super().is_safe_url(url)
