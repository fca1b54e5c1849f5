"""`manage.py demo_storefront`: serve the demo store's shop page on its own origin (`make dev`
starts it next to web and the workers)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.accounts.demo import DEMO_SLUG
from apps.core.tenancy import tenant_context
from apps.tenants.selectors import host_url, tenant_get_by_slug, widget_key_active_first
from apps.widget.snippet import install_snippet
from apps.widget.storefront import StorefrontServer, storefront_items, storefront_page


class Command(BaseCommand):
    help = "Serve a demo storefront page embedding the demo store's widget."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--port", type=int, default=settings.DEMO_STOREFRONT_PORT)
        parser.add_argument("--bind", default="127.0.0.1")

    def handle(self, *args: Any, port: int, bind: str, **options: Any) -> None:
        tenant = tenant_get_by_slug(slug=DEMO_SLUG)
        key = widget_key_active_first(tenant=tenant) if tenant else None
        if tenant is None or key is None:
            raise CommandError("Seed the demo store first (`manage.py seed_demo`).")
        with tenant_context(tenant):
            items = storefront_items()
        # Aisle's root domain, as a merchant's snippet would point at it.
        snippet = install_snippet(api_origin=host_url(path=""), key=key.key)
        page = storefront_page(store_name=tenant.name, items=items, snippet=snippet)
        server = StorefrontServer(bind=bind, port=port, page=page, verbose=True)
        self.stdout.write(f"Demo storefront on {server.origin}/")
        try:
            server.serve_forever()
        finally:
            server.server_close()
