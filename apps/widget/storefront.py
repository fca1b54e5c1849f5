"""A demo storefront: a small shop page on an origin of its own, embedding the widget exactly as a
merchant would (one script tag). `make dev` serves it for the demo store; the widget benchmark
and browser tests serve it too. Standard library only: it stands for someone else's site.

The page has its own, deliberately opinionated CSS (serif type, heavy borders, a global
`button` style, a high z-index sticky banner) so that style leaks in either direction show."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from apps.catalog.models import Product
from apps.catalog.selectors import ProductListFilters, product_list

SHOP_CSS = """
* { box-sizing: border-box; }
body { margin: 0; font: 18px/1.5 Georgia, "Times New Roman", serif; color: #2b2118;
       background: #f6efe3; }
button { font: inherit; text-transform: uppercase; letter-spacing: .2em; padding: 14px 28px;
         border: 3px solid #2b2118; background: #e4572e; color: #fff; border-radius: 0; }
header { position: sticky; top: 0; z-index: 2147483000; display: flex; align-items: center;
         justify-content: space-between; padding: 16px 40px; background: #2b2118; color: #f6efe3; }
header h1 { margin: 0; font-size: 28px; letter-spacing: .08em; }
header nav a { color: #f6efe3; margin-left: 24px; }
.hero { padding: 64px 40px; border-bottom: 6px double #2b2118; }
.hero h2 { font-size: 56px; line-height: 1.05; margin: 0 0 16px; max-width: 14ch; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 32px;
        padding: 40px; }
.card { border: 3px solid #2b2118; background: #fffaf2; padding: 20px;
        box-shadow: 8px 8px 0 #2b2118; }
.card h3 { margin: 0 0 8px; font-size: 22px; }
.card .price { font-weight: bold; font-size: 20px; color: #e4572e; }
.swatch { height: 140px; margin-bottom: 16px; border: 3px solid #2b2118;
          background: repeating-linear-gradient(45deg, #e9c46a, #e9c46a 12px, #f4a261 12px,
          #f4a261 24px); }
footer { padding: 40px; border-top: 6px double #2b2118; font-size: 14px; }
"""


@dataclass(frozen=True)
class ShopItem:
    title: str
    price: str
    blurb: str


def storefront_items(*, limit: int = 6) -> list[ShopItem]:
    """A few of the active store's active products, for the page."""
    products = product_list(filters=ProductListFilters(status=Product.Status.ACTIVE, in_stock=True))
    return [
        ShopItem(
            title=product.title,
            price=_price(product.min_price, product.currency),
            blurb=product.description_text[:140],
        )
        for product in products.order_by("title")[:limit]
    ]


def _price(amount: Decimal | None, currency: str) -> str:
    return f"{currency} {amount:.2f}" if amount is not None else ""


def storefront_page(*, store_name: str, items: list[ShopItem], snippet: str) -> str:
    """The shop's HTML; `snippet` is an install snippet (install_snippet), inserted as is."""
    cards = format_html_join(
        "\n",
        '<article class="card"><div class="swatch"></div><h3>{}</h3><p>{}</p>'
        '<p class="price">{}</p><button type="button">Add to cart</button></article>',
        ((item.title, item.blurb, item.price) for item in items),
    )
    return str(
        format_html(
            """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{store}</title>
<link rel="stylesheet" href="/shop.css">
</head>
<body>
<header><h1>{store}</h1>
<nav><a href="/">Shop</a><a href="/">Journal</a><a href="/">Help</a></nav></header>
<section class="hero"><h2>Gear for the long way round.</h2>
<p>Free shipping over $75. Questions? Ask our assistant in the corner.</p></section>
<main class="grid">
{cards}
</main>
<footer>&copy; {store}. A demo storefront on its own origin, embedding Aisle's widget.</footer>
{snippet}
</body>
</html>
""",
            store=store_name,
            cards=cards,
            # Built by install_snippet, which escapes its values.
            snippet=mark_safe(snippet),  # noqa: S308
        )
    )


class _Handler(BaseHTTPRequestHandler):
    server: StorefrontServer

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/":
            self._send(200, "text/html; charset=utf-8", self.server.page.encode())
        elif path == "/shop.css":
            self._send(200, "text/css; charset=utf-8", SHOP_CSS.encode())
        elif path in self.server.pages:
            self._send(200, "text/html; charset=utf-8", self.server.pages[path].encode())
        else:
            self._send(404, "text/plain; charset=utf-8", b"not found")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        if self.server.csp:
            self.send_header("Content-Security-Policy", self.server.csp)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message(format, *args)


class StorefrontServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        *,
        bind: str,
        port: int,
        page: str,
        csp: str | None = None,
        pages: dict[str, str] | None = None,
        verbose: bool = False,
    ) -> None:
        """`page` is served at `/`; `pages` maps more paths to HTML (a shop's help pages, which
        a store's knowledge base can crawl and answers can cite)."""
        self.page, self.csp, self.verbose = page, csp, verbose
        self.pages = pages or {}
        super().__init__((bind, port), _Handler)

    @property
    def origin(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def start_in_thread(self) -> StorefrontServer:
        """Serve on a daemon thread (benchmarks, tests); `shutdown()` and `server_close()`
        stop it."""
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self
