"""Tenant provisioning and no-op migration benchmark (`manage.py bench tenants`).

Provisions N stores through the real service (template clone, domain, rows), then times
`migrate_schemas --tenant` when nothing is pending. The stores are removed afterwards."""

from __future__ import annotations

import io
import secrets
import statistics
import time
from collections.abc import Callable
from typing import Any

from django.core.management import call_command

from apps.tenants import provisioning
from apps.tenants.models import Tenant
from apps.tenants.services import tenant_provision

DEFAULT_SIZE = 50


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def run(*, size: int | None, quick: bool, log: Callable[[str], None]) -> dict[str, Any]:
    count = size or (10 if quick else DEFAULT_SIZE)
    run_id = secrets.token_hex(3)
    call_command("migrate_schemas", interactive=False, verbosity=0)  # template up to date
    durations: list[float] = []
    created: list[Tenant] = []
    try:
        for index in range(count):
            started = time.perf_counter()
            created.append(tenant_provision(name=f"Bench {index}", slug=f"bench-{run_id}-{index}"))
            durations.append(time.perf_counter() - started)
        log(f"provisioned {count} tenants")
        started = time.perf_counter()
        call_command(
            "migrate_schemas", tenant=True, interactive=False, verbosity=0, stdout=io.StringIO()
        )
        migrate_noop = time.perf_counter() - started
        schemas = Tenant.objects.exclude(schema_name="public").count() + 1  # + the template
    finally:
        for tenant in created:
            provisioning.schema_drop(schema_name=tenant.schema_name)
            tenant.delete()
    return {
        "tenants": count,
        "provision_p50_s": round(statistics.median(durations), 4),
        "provision_p95_s": round(_percentile(durations, 95), 4),
        "provision_max_s": round(max(durations), 4),
        "migrate_noop_all_s": round(migrate_noop, 3),
        "migrate_noop_schemas": schemas,
    }
