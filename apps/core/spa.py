"""Serves the merchant admin SPA (frontend/dist/index.html) for every /app/ path.
Membership is enforced by TenantAccessMiddleware before this view runs."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import ensure_csrf_cookie


@lru_cache(maxsize=1)
def _index_html(path: Path, mtime: float) -> str:
    return path.read_text(encoding="utf-8")


@ensure_csrf_cookie
def spa_index(request: HttpRequest, path: str = "") -> HttpResponse:
    index: Path = settings.SPA_INDEX_FILE
    if not index.exists():
        return HttpResponse(
            "The admin app has not been built yet: run `make frontend`.",
            status=503,
            content_type="text/plain",
        )
    response = HttpResponse(_index_html(index, index.stat().st_mtime))
    response["Cache-Control"] = "no-cache"
    return response
