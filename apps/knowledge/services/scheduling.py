from __future__ import annotations

from apps.core.tenancy import tenant_context
from apps.knowledge.services.settings import (
    chunks_reembed,
    knowledge_settings_get,
    reembedding_in_progress,
)
from apps.knowledge.services.sync import source_sync_request, sources_due_for_sync
from apps.knowledge.tasks import knowledge_reembed
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


def stale_embeddings_reembed_for_all_tenants(*, now: bool = False) -> list[str]:
    """Cross-tenant (after a release that changes how chunks are embedded, or by hand):
    queue the re-embedding of every store whose chunks were embedded with another model or
    an older embedding version, or with `now`, re-embed them here. Returns the stores'
    schema names."""
    stores = []
    for tenant in store_list(active_only=False):
        with tenant_context(tenant):
            if not reembedding_in_progress(model_name=knowledge_settings_get().embedding_model):
                continue
            stores.append(tenant.schema_name)
            if now:
                chunks_reembed()
            else:
                knowledge_reembed.send()
    return stores
