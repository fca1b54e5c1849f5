"""The demo storefront: the active store's products and the install snippet, on its own origin."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from apps.catalog.services.products import products_upsert
from apps.widget.snippet import install_snippet
from apps.widget.storefront import StorefrontServer, storefront_items, storefront_page
from tests.catalog.conftest import product, variant


def test_the_page_lists_the_stores_products_and_embeds_the_snippet(source) -> None:
    # Given a store with a product (store A's schema is active)
    jacket = product("j1", "Ridgeline <Jacket>", [variant("J-1", "199.00")], description="Warm.")
    products_upsert(source=source, records=[jacket])
    # When its storefront page is built
    snippet = install_snippet(api_origin="http://localhost:8000", key="pk_demo")
    page = storefront_page(store_name="Store A", items=storefront_items(), snippet=snippet)
    # Then it shows the product (escaped) and the snippet as is
    assert "Ridgeline &lt;Jacket&gt;" in page and "USD 199.00" in page
    assert snippet in page


def test_the_server_serves_the_page_its_stylesheet_and_help_pages_with_an_optional_csp() -> None:
    server = StorefrontServer(
        bind="127.0.0.1",
        port=0,
        page="<p>shop</p>",
        csp="script-src 'self'",
        pages={"/help/returns": "<h1>Returns</h1>"},
    ).start_in_thread()
    try:
        with urllib.request.urlopen(f"{server.origin}/") as response:  # noqa: S310
            assert response.read() == b"<p>shop</p>"
            assert response.headers["Content-Security-Policy"] == "script-src 'self'"
        with urllib.request.urlopen(f"{server.origin}/shop.css") as response:  # noqa: S310
            assert response.headers["Content-Type"] == "text/css; charset=utf-8"
        with urllib.request.urlopen(f"{server.origin}/help/returns") as response:  # noqa: S310
            assert response.read() == b"<h1>Returns</h1>"
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"{server.origin}/elsewhere")  # noqa: S310
    finally:
        server.shutdown()
        server.server_close()
