"""Bringing stores indexed before sentence vectors and per-store gates existed up to date."""

from __future__ import annotations

from apps.core.tenancy import tenant_context
from apps.knowledge.services.gates import passage_gates_calibrate
from apps.knowledge.services.settings import chunks_reembed
from apps.tenants.selectors import store_list


def sentence_vectors_backfill_for_all_tenants() -> int:
    """Cross-tenant (run once after deploying, or any time: it only does what is missing):
    encode the sentences of chunks stored without their vectors and calibrate each store's
    gates. Returns how many chunks were encoded."""
    encoded = 0
    for tenant in store_list(active_only=True):
        with tenant_context(tenant):
            encoded += chunks_reembed()
            passage_gates_calibrate()
    return encoded
