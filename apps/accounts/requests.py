"""Typed requests for views behind `login_required`: the user is a signed-in `User`."""

from __future__ import annotations

from django.http import HttpRequest

from apps.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User
