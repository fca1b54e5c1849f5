"""A merchant tries the assistant in the playground (the answer cites the store's note), changes
the widget's colour and sees the live preview (the real widget) reload with it, copies the
install snippet; a viewer of the same store sees no API keys and cannot invite anyone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from apps.accounts.roles import Role
from apps.core.tenancy import tenant_context
from apps.knowledge.models import Source
from apps.knowledge.services.sources import source_create
from apps.knowledge.services.sync import source_sync
from apps.tenants import provisioning
from apps.tenants.services import tenant_provision, widget_key_create
from apps.widget.selectors import widget_theme
from apps.widget.services import widget_settings_get
from tests.accounts.factories import MembershipFactory
from tests.browser.helpers import rgb, run_as_worker, sign_in_to_store

pytestmark = pytest.mark.browser

NOTE = """# Rentals
## Tents
You can rent the Lupine 2 tent for $25 per weekend, with the footprint included."""


def test_playground_widget_preview_snippet_and_viewer_limits(
    server: str, page: Page, tmp_path
) -> None:
    tenant = tenant_provision(name="Shape Co", slug="shape-co")
    try:
        owner = MembershipFactory(tenant=tenant, role=Role.OWNER)
        viewer = MembershipFactory(tenant=tenant, role=Role.VIEWER)
        with tenant_context(tenant):
            source_create(kind=Source.Kind.TEXT, name="Rental terms", config={"text": NOTE})
            key = widget_key_create(tenant=tenant)
        run_as_worker(
            tenant, lambda: source_sync(source_id=Source.objects.get(name="Rental terms").pk)
        )

        # the playground streams an answer that cites the note
        sign_in_to_store(
            page, server, email=owner.user.email, slug="shape-co", next_path="/app/assistant"
        )
        page.get_by_role("textbox", name="Message", exact=True).fill("How much to rent a tent?")
        page.get_by_role("button", name="Send").click()
        answer = page.get_by_role("article", name="Answer to: How much to rent a tent?")
        expect(answer.get_by_label("Timings")).to_be_visible(timeout=30_000)
        expect(answer).to_contain_text("$25 per weekend")
        expect(answer.get_by_role("list", name="Sources")).to_contain_text("[1]")
        page.screenshot(path=str(tmp_path / "assistant.png"), full_page=True)

        # a new colour: the preview (the real loader, in an iframe) reloads with it
        page.get_by_role("link", name="Widget", exact=True).click()
        preview = page.get_by_title("Widget preview")
        old_src = preview.get_attribute("src")
        page.get_by_role("textbox", name="Primary colour").fill("#777777")
        page.get_by_role("button", name="Save settings").click()
        expect(page.get_by_text("Widget settings saved.")).to_be_visible()
        expect(preview).not_to_have_attribute("src", old_src or "")
        with tenant_context(tenant):
            shown = widget_theme(widget_settings_get())["primary"]
        expect(page.get_by_text("Colour adjusted for contrast")).to_be_visible()
        launcher = page.frame_locator("iframe[title='Widget preview']").locator(
            "aisle-widget button.launcher"
        )
        expect(launcher).to_have_css("background-color", rgb(shown))
        page.screenshot(path=str(tmp_path / "widget.png"), full_page=True)

        # the install snippet, copied to the clipboard
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.get_by_role("button", name="Copy snippet").click()
        expect(page.get_by_role("button", name="Copied")).to_be_visible()
        assert key.key in page.evaluate("navigator.clipboard.readText()")

        # a viewer sees no API keys and cannot invite members
        page.context.clear_cookies()
        sign_in_to_store(
            page, server, email=viewer.user.email, slug="shape-co", next_path="/app/api-keys"
        )
        expect(page.get_by_role("heading", name="You don't have access")).to_be_visible()
        page.get_by_role("link", name="Team").click()
        expect(page.get_by_role("table").first).to_be_visible()
        expect(page.get_by_role("button", name="Invite")).to_have_count(0)
    finally:
        provisioning.schema_drop(schema_name=tenant.schema_name)
