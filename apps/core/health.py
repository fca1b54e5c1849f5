"""Liveness and readiness probes (no auth, any host).

`HealthProbeMiddleware` sits first in the stack and answers `/healthz` and `/readyz` before
Host validation and tenant routing: orchestrators probe a container by IP, not by domain.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse


def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def _check_database() -> str | None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return None


def _check_redis() -> str | None:
    cache.set("readyz", "1", timeout=5)
    return None if cache.get("readyz") == "1" else "value did not round-trip"


def _check_migrations() -> str | None:
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return f"{len(pending)} migration(s) not applied" if pending else None


_CHECKS = {"database": _check_database, "redis": _check_redis, "migrations": _check_migrations}


def readyz(request: HttpRequest) -> JsonResponse:
    results: dict[str, str] = {}
    failing = []
    for name, check in _CHECKS.items():
        try:
            problem = check()
        except Exception as error:  # a probe reports failures; it never raises
            problem = f"{type(error).__name__}: {error}"
        results[name] = problem or "ok"
        if problem:
            failing.append(name)
    status = 503 if failing else 200
    return JsonResponse(
        {"status": "unavailable" if failing else "ok", "failing": failing, "checks": results},
        status=status,
    )


_PROBES: dict[str, Callable[[HttpRequest], JsonResponse]] = {"/healthz": healthz, "/readyz": readyz}


class HealthProbeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = _PROBES.get(request.path_info)
        if probe is not None and request.method in ("GET", "HEAD"):
            return probe(request)
        return self.get_response(request)
