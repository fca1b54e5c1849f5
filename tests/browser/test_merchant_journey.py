"""A new merchant's first session, end to end through the real pages, daphne and a real worker:
sign up and create a store, upload a document and wait for the worker to index it, ask the
playground about it and get a cited answer, set up the widget (key, allowed website, colour) and
see the live preview follow, copy the install snippet, and find the getting-started checklist
ticked where it should be. Every main page of the admin site is photographed on the way
(test-output/browser/journey/)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from apps.tenants import provisioning
from apps.tenants.models import Tenant, WidgetKey
from apps.widget.theme import theme_for
from tests.browser.helpers import SCREENSHOTS, rgb, sign_up_and_verify

pytestmark = pytest.mark.browser

SHOTS = SCREENSHOTS / "journey"
HANDBOOK = b"""# Gift services

## Gift wrapping

Any order can be gift-wrapped in recycled kraft paper for $4, with a handwritten card included.
"""
COLOUR = "#1d4ed8"
STOREFRONT = "https://shop.journey.example"


def _shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _open(page: Page, link: str, heading: str) -> None:
    """Follow a main navigation link and wait for the page's title and its data."""
    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name=link, exact=True
    ).click()
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.get_by_role("status", name="Loading")).to_have_count(0)


def _step(steps: Locator, title: str, done: bool) -> None:
    label = f"{title}: {'done' if done else 'to do'}"
    expect(steps.get_by_role("listitem", name=label)).to_be_visible()


def _sign_up_and_create_store(page: Page, server: str) -> None:
    sign_up_and_verify(page, server, email="maker@journey.example")
    page.get_by_role("link", name="Create a store").click()
    page.get_by_label("Store name").fill("Journey Goods")
    page.get_by_label("Store address").fill("journey-goods")
    page.get_by_role("button", name="Create store").click()
    expect(page).to_have_url(re.compile(r"^http://journey-goods\.localhost:\d+/app/$"))


def _upload_and_wait_until_indexed(page: Page) -> None:
    _open(page, "Knowledge", "Knowledge")
    page.get_by_role("button", name="Add source").click()
    page.get_by_role("menuitem", name=re.compile("Upload files")).click()
    dialog = page.get_by_role("dialog", name="Upload files")
    dialog.locator("input[type=file]").set_input_files(
        files=[{"name": "gift-services.md", "mimeType": "text/markdown", "buffer": HANDBOOK}]
    )
    dialog.get_by_label("Name").fill("Gift services")
    dialog.get_by_role("button", name="Upload").click()
    row = page.get_by_role("table", name="Knowledge sources").get_by_role(
        "row", name=re.compile("Gift services")
    )
    # the worker parses and embeds it; the list polls while it syncs
    expect(row).to_contain_text("ready", timeout=60_000)
    _shot(page, "knowledge")
    row.get_by_role("link", name="Gift services").click()
    expect(page.get_by_role("heading", name="Gift services")).to_be_visible()
    expect(page.get_by_role("table", name="Documents")).to_contain_text("ready")
    _shot(page, "source-detail")


def _ask_the_playground(page: Page) -> None:
    _open(page, "Assistant", "Assistant")
    page.get_by_role("textbox", name="Message", exact=True).fill("How much is gift wrapping?")
    page.get_by_role("button", name="Send").click()
    answer = page.get_by_role("article", name="Answer to: How much is gift wrapping?")
    expect(answer.get_by_label("Timings")).to_be_visible(timeout=30_000)
    expect(answer).to_contain_text("$4")
    expect(answer.get_by_role("list", name="Sources")).to_contain_text("[1]")
    expect(answer.get_by_role("list", name="Sources")).to_contain_text("Gift services")
    _shot(page, "assistant")


def _set_up_the_widget(page: Page, tenant: Tenant) -> None:
    _open(page, "Widget", "Widget")
    page.get_by_role("button", name="Create key").click()
    copy = page.get_by_role("button", name="Copy snippet")
    expect(copy).to_be_visible()
    page.get_by_role("combobox", name="Allowed websites").fill(STOREFRONT)
    page.keyboard.press("Enter")
    preview = page.get_by_title("Widget preview")
    old_src = preview.get_attribute("src") or ""
    page.get_by_role("textbox", name="Primary colour").fill(COLOUR)
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Widget settings saved.")).to_be_visible()
    # the preview is the real widget in an iframe: a new URL after saving, with the new colour
    expect(preview).not_to_have_attribute("src", old_src)
    launcher = page.frame_locator("iframe[title='Widget preview']").locator(
        "aisle-widget button.launcher"
    )
    expect(launcher).to_have_css("background-color", rgb(theme_for(COLOUR).primary))
    _shot(page, "widget")

    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    copy.click()
    expect(page.get_by_role("button", name="Copied")).to_be_visible()
    key = WidgetKey.objects.get(tenant=tenant, revoked_at__isnull=True).key
    snippet = page.evaluate("navigator.clipboard.readText()")
    assert key in snippet and "widget.js" in snippet


def test_signup_to_a_live_widget(server: str, worker: object, page: Page) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    try:
        _sign_up_and_create_store(page, server)
        tenant = Tenant.objects.get(slug="journey-goods")

        _upload_and_wait_until_indexed(page)
        _ask_the_playground(page)
        _set_up_the_widget(page, tenant)

        # Home: knowledge, look and install are done; the rest is still to do
        _open(page, "Overview", "Journey Goods")
        expect(page.get_by_text("Widget settings saved.")).to_be_hidden()  # out of the pictures
        steps = page.get_by_role("list", name="Getting started steps")
        _step(steps, "Add knowledge", done=True)
        _step(steps, "Customise the widget", done=True)
        _step(steps, "Install the snippet", done=True)
        _step(steps, "Import your catalog", done=False)
        _step(steps, "Shape the assistant", done=False)
        _step(steps, "Go live", done=False)
        _shot(page, "home")

        # the other pages, as this new store shows them
        for link, heading, name in [
            ("Products", "Products", "products"),
            ("Imports", "Imports", "imports"),
            ("Inbox", "Inbox", "inbox"),
            ("Analytics", "Analytics", "analytics"),
            ("Team", "Team", "team"),
            ("API keys", "API keys", "api-keys"),
            ("Audit log", "Audit log", "audit"),
            ("Settings", "Settings", "settings"),
        ]:
            _open(page, link, heading)
            _shot(page, name)
        expect(page.get_by_role("textbox", name="Store name")).to_have_value("Journey Goods")
    finally:
        provisioning.schema_drop(schema_name="t_journey_goods")
