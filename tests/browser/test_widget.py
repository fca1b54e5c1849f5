"""The shopper widget on a storefront of another origin, in Chromium, against a real daphne: it
loads, keeps its styles to itself, streams answers with citations and product cards, looks
orders up, refuses a disallowed origin, fills a phone's screen, works from the keyboard,
remembers the conversation across a reload and runs under a strict CSP.

The store, daphne, the storefronts and the browser are shared by the module (seeded once and
committed, dropped at the end); every test opens a fresh browser context: a first visit."""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections
from playwright.sync_api import Browser, Locator, Page, expect

from apps.catalog.models import ProductSource
from apps.catalog.services.orders import orders_upsert
from apps.catalog.services.products import products_upsert
from apps.core import processes, tenancy
from apps.core.tenancy import tenant_context
from apps.knowledge.models import Source
from apps.tenants import provisioning
from apps.tenants.services import tenant_provision, widget_key_create
from apps.tenants.validation import schema_name_for
from apps.widget.keys import WIDGET_KEY_HEADER
from apps.widget.services import widget_settings_update
from apps.widget.snippet import install_snippet
from apps.widget.storefront import StorefrontServer, storefront_items, storefront_page
from tests.browser.helpers import SCREENSHOTS, live_daphne
from tests.catalog.conftest import product, variant
from tests.catalog.test_orders import order
from tests.knowledge.conftest import synced

# django_db: without a test that asks for the database, pytest-django sets no test database up
# and the module's fixture would write to the development one.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SLUG = "widget-e2e"
SHOTS = SCREENSHOTS / "widget"
ORDER_NUMBER, ORDER_EMAIL = "DO-1000001", "ada@example.com"
RETURNS_QUESTION = "How long do I have to return something?"
JACKET_QUESTION = "Do you have a waterproof rain jacket under 100?"
RETURNS_PAGE = """<!doctype html>
<html lang="en"><head><title>Returns and exchanges</title></head><body><main>
<h1>Returns and exchanges</h1>
<h2>Return window</h2>
<p>You have 60 days from the delivery date to return unused items for a full refund.</p>
<h2>Refunds</h2>
<p>We process your refund within 5 business days of your return arriving at our warehouse.</p>
</main></body></html>"""
HOSTILE_CSS = "* { all: unset; color: red !important }"
# What a page's CSS could change: type, colour, box, layout.
STYLE_PROPERTIES = [
    "font-family",
    "font-size",
    "font-weight",
    "line-height",
    "letter-spacing",
    "text-transform",
    "color",
    "background-color",
    "border-top-width",
    "border-top-style",
    "border-radius",
    "padding-top",
    "padding-left",
    "margin-top",
    "display",
    "position",
    "box-sizing",
    "box-shadow",
    "width",
    "height",
]
# Computed styles and boxes of every element matching `selector` in the widget's shadow root
# (inShadow) or in the page, once the widget's animations (the panel's opening) have finished.
STYLES_JS = """async ([selector, properties, inShadow]) => {
  const widget = document.querySelector('aisle-widget')?.shadowRoot;
  await Promise.all((widget?.getAnimations() ?? []).map((animation) => animation.finished));
  const root = inShadow ? widget : document;
  return [...root.querySelectorAll(selector)].map((el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return [el.tagName, el.className, ...properties.map((name) => style.getPropertyValue(name)),
            box.x, box.y, box.width, box.height];
  });
}"""
# The element focused inside the widget ('' when focus is elsewhere), and whether it is in the
# panel.
FOCUS_JS = """() => {
  const host = document.querySelector('aisle-widget');
  const active = document.activeElement === host ? host.shadowRoot.activeElement : null;
  return active ? [active.tagName + '.' + active.className, !!active.closest('#aisle-panel')]
                : ['', false];
}"""


@dataclass(frozen=True)
class Shop:
    aisle: str  # Aisle's origin, which serves the widget
    key: str
    url: str  # the storefront, an allowed origin
    strict_url: str  # the same shop under a strict CSP, allowed too
    csp: str
    other_url: str  # a storefront whose origin the store does not allow
    returns_url: str  # the shop's help page the knowledge base crawled
    jacket_url: str


def _chat_warm_up(*, aisle: str, key: str, origin: str) -> None:
    """One answer over HTTP, so daphne has loaded the embedding model before the first test."""
    request = urllib.request.Request(  # noqa: S310 - our own server
        f"{aisle}/api/v1/chat/messages/",
        data=json.dumps({"session_id": "warm-up-session", "text": RETURNS_QUESTION}).encode(),
        headers={"Content-Type": "application/json", "Origin": origin, WIDGET_KEY_HEADER: key},
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        assert json.load(response)["status"] == "complete"


@pytest.fixture(scope="module")
def shop(django_db_setup: None, django_db_blocker: Any) -> Iterator[Shop]:
    if not (Path(settings.WIDGET_DIST_DIR) / "manifest.json").exists():
        pytest.fail("widget/dist is missing: run `cd widget && npm run build` (make test does)")
    ports = [processes.free_port() for _ in range(3)]
    shop_origin, strict_origin, other_origin = (f"http://127.0.0.1:{port}" for port in ports)
    servers: list[StorefrontServer] = []
    with django_db_blocker.unblock(), live_daphne() as aisle:
        tenancy.activate_public()
        provisioning.schema_drop(schema_name=schema_name_for(SLUG))  # left by a killed run
        tenant = tenant_provision(name="Trail Goods", slug=SLUG)
        try:
            with tenant_context(tenant):
                key = widget_key_create(tenant=tenant).key
                widget_settings_update(
                    allowed_origins=[shop_origin, strict_origin],
                    greeting="Hi! Ask me about gear, returns or your order.",
                    suggested_questions=[RETURNS_QUESTION],
                )
                catalog = ProductSource.objects.create(kind=ProductSource.Kind.FILE, name="Shop")
                jacket = product(
                    "drizzle",
                    "Drizzle Packable Rain Jacket",
                    [variant("DR-M", "94.95", size="M", color="Black")],
                    product_type="Jacket",
                    description="Light packable waterproof rain jacket for hiking.",
                )
                shell = product(
                    "cascade-3l",
                    "Cascade 3L Shell Jacket",
                    [variant("CA-M", "289.00", size="M")],
                    product_type="Jacket",
                    description="Waterproof breathable rain jacket with taped seams.",
                )
                products_upsert(
                    source=catalog,
                    records=[
                        replace(
                            record,
                            url=f"{shop_origin}/products/{record.handle}",
                            # On Aisle's origin: the strict CSP's img-src allows it.
                            images=[f"{aisle}/static/catalog/demo/jacket.svg"],
                        )
                        for record in (jacket, shell)
                    ],
                )
                orders_upsert(source=catalog, records=[order(ORDER_NUMBER, email=ORDER_EMAIL)])
                page = storefront_page(
                    store_name=tenant.name,
                    items=storefront_items(),
                    snippet=install_snippet(api_origin=aisle, key=key),
                )
            snippet = install_snippet(api_origin=aisle, key=key)
            strict_page = f"<!doctype html><html><body><h1>Trail Goods</h1>{snippet}</body></html>"
            host = aisle.split("://", 1)[1]
            csp = (
                f"default-src 'none'; script-src {aisle}; connect-src {aisle} ws://{host}; "
                f"img-src {aisle} data:; style-src 'none'"
            )
            pages = {"/help/returns": RETURNS_PAGE}
            for port, html, policy in (
                (ports[0], page, None),
                (ports[1], strict_page, csp),
                (ports[2], page, None),
            ):
                server = StorefrontServer(
                    bind="127.0.0.1", port=port, page=html, csp=policy, pages=pages
                )
                servers.append(server.start_in_thread())
            with tenant_context(tenant):
                source = Source.objects.create(
                    kind=Source.Kind.URL,
                    name="Returns and exchanges",
                    config={"url": f"{shop_origin}/help/returns"},
                )
                assert synced(source).status == Source.Status.READY
            _chat_warm_up(aisle=aisle, key=key, origin=shop_origin)
            yield Shop(
                aisle=aisle,
                key=key,
                url=f"{shop_origin}/",
                strict_url=f"{strict_origin}/",
                csp=csp,
                other_url=f"{other_origin}/",
                returns_url=f"{shop_origin}/help/returns",
                jacket_url=f"{shop_origin}/products/drizzle",
            )
        finally:
            for server in servers:
                server.shutdown()
                server.server_close()
            tenancy.activate_public()
            provisioning.schema_drop(schema_name=tenant.schema_name)
            tenant.delete()
            cache.clear()


@pytest.fixture(scope="module")
def browser(shop: Shop) -> Iterator[Browser]:
    """Depends on `shop` so that it closes before the store is dropped (Playwright's event loop
    must be gone before the ORM runs on this thread again)."""
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    expect.set_options(timeout=20_000)  # a first answer on a busy machine
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # Each test's database fixtures and the autouse ones run while Playwright's loop does.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(
            executable_path=processes.CHROMIUM_PATH, args=processes.CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
        # ORM calls made while Playwright's loop ran used their own connection: close it.
        connections.close_all()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """`new_page(**context options)`: a page in a fresh context (no storage, no cache)."""
    contexts = []

    def make(**options: Any) -> Page:
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 800}, **options})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        return page

    yield make
    for context in contexts:
        context.close()


def _launcher(page: Page) -> Locator:
    launcher = page.locator("aisle-widget .launcher")
    expect(launcher).to_be_visible()
    return launcher


def _open(page: Page) -> Locator:
    """Open the panel with the launcher; the message box once it shows."""
    _launcher(page).click()
    textbox = page.get_by_role("textbox", name="Message")
    expect(textbox).to_be_focused()
    return textbox


def _answer(page: Page, n: int) -> Locator:
    """The n-th (1-based) assistant answer, once finished (its feedback buttons show)."""
    answer = page.locator("aisle-widget li.msg.assistant").nth(n - 1)
    expect(answer.get_by_role("button", name="Helpful", exact=True)).to_be_visible()
    return answer


def _ask(page: Page, text: str, n: int) -> Locator:
    textbox = page.get_by_role("textbox", name="Message")
    textbox.fill(text)
    textbox.press("Enter")
    return _answer(page, n)


def _styles(page: Page, selector: str, *, in_shadow: bool) -> list[list[Any]]:
    found = page.evaluate(STYLES_JS, [selector, STYLE_PROPERTIES, in_shadow])
    assert found, selector
    return found


def test_the_widget_loads_on_a_storefront_of_another_origin(shop: Shop, new_page) -> None:
    # When a shopper opens the storefront (its own origin, the widget from Aisle's)
    page = new_page()
    with page.expect_response(lambda r: "/api/v1/widget/config/" in r.url) as config:
        page.goto(shop.url)

    # Then the cross-origin config is allowed and the launcher shows inside the shadow root
    assert config.value.status == 200
    assert config.value.headers["access-control-allow-origin"] == shop.url.rstrip("/")
    launcher = _launcher(page)
    expect(launcher).to_have_attribute("aria-expanded", "false")
    assert page.evaluate(
        "() => !!document.querySelector('aisle-widget').shadowRoot.querySelector('.launcher')"
    )
    expect(page.get_by_text("Hi! Ask me about gear, returns or your order.")).to_be_visible()
    page.screenshot(path=SHOTS / "widget-desktop-closed.png")


def test_page_css_and_widget_css_stay_on_their_own_side(shop: Shop, new_page) -> None:
    host_selector = (
        "body, header, header h1, nav a, .hero h2, .hero p, .card, .card h3, .card button"
    )
    widget_selector = ".launcher, #aisle-panel, #aisle-panel *"
    # Given the storefront without the widget (its script blocked)
    bare = new_page()
    bare.route("**/widget.js", lambda route: route.abort())
    bare.goto(shop.url)
    host_before = _styles(bare, host_selector, in_shadow=False)

    # When the widget loads and its panel opens
    page = new_page()
    page.goto(shop.url)
    _open(page)
    expect(page.get_by_role("status")).to_have_count(0)  # connected: the panel is settled

    # Then the page's own elements look and sit exactly as before
    assert _styles(page, host_selector, in_shadow=False) == host_before
    # and a hostile page stylesheet changes nothing inside the widget
    widget_before = _styles(page, widget_selector, in_shadow=True)
    page.add_style_tag(content=HOSTILE_CSS)
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(255, 0, 0)"  # applied
    assert _styles(page, widget_selector, in_shadow=True) == widget_before


def test_a_question_streams_an_answer_with_a_citation_link_and_a_product_card(
    shop: Shop, new_page
) -> None:
    page = new_page()
    frames: list[dict[str, Any]] = []
    page.on(
        "websocket",
        lambda ws: ws.on("framereceived", lambda payload: frames.append(json.loads(payload))),
    )
    page.goto(shop.url)
    _open(page)

    # When the shopper asks about returns
    answer = _ask(page, RETURNS_QUESTION, 1)

    # Then the answer arrived in several deltas, quotes the help page and links to it
    assert sum(frame["type"] == "delta" for frame in frames) > 1
    expect(answer).to_contain_text("60 days")
    source = answer.locator(".sources a")
    expect(source).to_have_text(re.compile(r"^Returns and exchanges — .*Return window$"))
    expect(source).to_have_attribute("href", shop.returns_url)
    expect(source).to_have_attribute("target", "_blank")

    # When they ask for a product
    answer = _ask(page, JACKET_QUESTION, 2)

    # Then the answer shows the one matching product as a card linking to the shop's page
    cards = answer.get_by_role("list", name="Products").get_by_role("listitem")
    expect(cards).to_have_count(1)
    card = cards.first
    expect(card.get_by_role("link", name="Drizzle Packable Rain Jacket")).to_have_attribute(
        "href", shop.jacket_url
    )
    expect(card).to_contain_text("$94.95")
    expect(card).to_contain_text("In stock")
    expect(answer.locator(".sources a")).to_have_attribute("href", shop.jacket_url)
    expect(card.locator("img")).to_have_js_property("complete", True)
    page.screenshot(path=SHOTS / "widget-desktop-open.png")


def test_an_order_is_looked_up_through_the_form(shop: Shop, new_page) -> None:
    page = new_page()
    page.goto(shop.url)
    _open(page)

    def look_up(number: str, email: str, n: int) -> str:
        page.get_by_role("button", name="Track an order").click()
        form = page.get_by_role("form", name="Track an order")
        form.get_by_label("Order number").fill(number)
        form.get_by_label("Email").fill(email)
        form.get_by_role("button", name="Look up").click()
        return _answer(page, n).locator(".bubble").inner_text()

    # When the shopper enters the order's number and email
    found = look_up(ORDER_NUMBER, ORDER_EMAIL.upper(), 1)

    # Then the answer gives its status and tracking, and the form's text stands for the question
    assert "has shipped" in found and "1Z999" in found
    expect(page.locator("aisle-widget li.msg.user").first).to_have_text(
        f"You: Order #{ORDER_NUMBER}"
    )
    # and a wrong email gets exactly the answer an unknown number gets
    wrong_email = look_up(ORDER_NUMBER, "eve@example.com", 2)
    unknown = look_up("DO-9999999", ORDER_EMAIL, 3)
    assert wrong_email == unknown
    assert "couldn't find an order" in wrong_email and "has shipped" not in wrong_email


def test_a_disallowed_origin_shows_no_widget(shop: Shop, new_page) -> None:
    page = new_page()
    with (
        page.expect_console_message(lambda m: "[aisle]" in m.text) as warning,
        page.expect_event("requestfailed", lambda r: "/api/v1/widget/config/" in r.url),
    ):
        page.goto(shop.other_url)

    # The config is refused without CORS headers, so the page cannot read it: the loader gives
    # up with one warning and draws nothing
    assert warning.value.type == "warning" and "widget not shown" in warning.value.text
    expect(page.locator("aisle-widget")).to_have_count(0)
    expect(page.get_by_role("button", name="Open chat")).to_have_count(0)


def test_on_a_phone_the_panel_fills_the_screen_with_16px_inputs(shop: Shop, new_page) -> None:
    page = new_page(
        viewport={"width": 390, "height": 844},
        device_scale_factor=3,
        is_mobile=True,
        has_touch=True,
    )
    page.goto(shop.url)
    _launcher(page).tap()

    panel = page.get_by_role("dialog", name="Chat with Assistant")
    expect(panel).to_be_visible()
    expect(panel).to_have_attribute("aria-modal", "true")
    [[*_, x, y, width, height]] = _styles(page, "#aisle-panel", in_shadow=True)
    assert [round(x), round(y), round(width), round(height)] == [0, 0, 390, 844]
    # with nothing of the widget's on top (the panel closes with its own button)
    expect(page.locator("aisle-widget .launcher")).to_be_hidden()
    page.get_by_role("button", name="Track an order").tap()
    for field in (
        page.get_by_role("textbox", name="Message"),
        page.get_by_label("Order number"),
        page.get_by_label("Email"),
    ):
        size = field.evaluate("(el) => parseFloat(getComputedStyle(el).fontSize)")
        assert size >= 16  # smaller text makes iOS zoom in on focus
    page.screenshot(path=SHOTS / "widget-mobile-open.png")
    panel.get_by_role("button", name="Close chat").tap()
    expect(_launcher(page)).to_have_attribute("aria-expanded", "false")


def test_the_widget_works_from_the_keyboard_alone(shop: Shop, new_page) -> None:
    page = new_page()
    page.goto(shop.url)
    launcher = _launcher(page)

    # When the shopper tabs through the page, the launcher is reached
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUS_JS)[0] == "BUTTON.launcher":
            break
    expect(launcher).to_be_focused()

    # Enter opens the panel with focus in the message box; typing and Enter ask
    page.keyboard.press("Enter")
    expect(page.get_by_role("textbox", name="Message")).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "true")
    page.keyboard.type(RETURNS_QUESTION)
    page.keyboard.press("Enter")
    expect(_answer(page, 1)).to_contain_text("60 days")

    # Tab and Shift+Tab cycle inside the open panel
    stops = page.locator("#aisle-panel").locator("a[href], button:not([disabled]), textarea")
    for key in ("Tab", "Shift+Tab"):
        seen = set()
        for _ in range(stops.count() + 2):
            page.keyboard.press(key)
            focused, in_panel = page.evaluate(FOCUS_JS)
            assert in_panel, f"{key} left the panel for {focused!r}"
            seen.add(focused)
        assert len(seen) > 2

    # Escape closes it and gives focus back to the launcher
    page.keyboard.press("Escape")
    expect(page.locator("#aisle-panel")).to_have_count(0)
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")


def test_a_reload_shows_the_conversation_again(shop: Shop, new_page) -> None:
    page = new_page()
    page.goto(shop.url)
    _open(page)
    answer = _ask(page, RETURNS_QUESTION, 1).locator(".bubble").inner_text()

    page.reload()
    _open(page)

    expect(page.locator("aisle-widget li.msg.user")).to_have_text([f"You: {RETURNS_QUESTION}"])
    expect(_answer(page, 1).locator(".bubble")).to_have_text(answer)


def test_a_strict_csp_storefront_runs_the_widget_without_violations(shop: Shop, new_page) -> None:
    page = new_page()
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', (e) =>"
        " window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    with page.expect_response(shop.strict_url) as document:
        page.goto(shop.strict_url)
    assert document.value.headers["content-security-policy"] == shop.csp

    # The launcher shows, styled (constructable stylesheets pass style-src 'none')
    launcher = _launcher(page)
    assert launcher.bounding_box()["width"] == 56  # type: ignore[index]
    _open(page)
    expect(_ask(page, RETURNS_QUESTION, 1)).to_contain_text("60 days")
    answer = _ask(page, JACKET_QUESTION, 2)
    expect(answer.locator(".product img")).to_have_js_property("complete", True)

    assert page.evaluate("window.__violations") == []
    assert errors == []
