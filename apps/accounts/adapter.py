from __future__ import annotations

from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest

from apps.accounts.models import User
from apps.accounts.services.sessions import user_sign_out_everywhere


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        # Signing in on a store's host lands in that store's admin, not the store picker.
        if getattr(request, "tenant", None) is not None:
            return "/app/"
        return super().get_login_redirect_url(request)

    def logout(self, request: HttpRequest) -> None:
        """Signing out anywhere signs the user out everywhere (every host, every socket)."""
        if isinstance(request.user, User):
            user_sign_out_everywhere(user=request.user)
        super().logout(request)

    def is_safe_url(self, url: str | None) -> bool:
        """Also allow redirects back to any store subdomain (login happens on the root domain)."""
        if not url:
            return False
        host = (urlsplit(url).hostname or "").lower()
        base = settings.BASE_DOMAIN
        if host == base or host.endswith("." + base):
            return urlsplit(url).scheme in ("http", "https")
        return super().is_safe_url(url)
