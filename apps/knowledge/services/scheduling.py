from __future__ import annotations

from apps.core.tenancy import tenant_context
from apps.knowledge.services.sync import source_sync_request, sources_due_for_sync
from apps.tenants.selectors import store_list


def due_source_syncs_enqueue_for_all_tenants() -> int:
    """Cross-tenant (scheduler tick): queue every scheduled source that is due, store by
    store. Returns how many syncs were queued."""
    queued = 0
    for tenant in store_list(active_only=True):
        with tenant_context(tenant):
            for source in sources_due_for_sync():
                source_sync_request(source=source)
                queued += 1
    return queued
