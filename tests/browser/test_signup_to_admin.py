"""A merchant signs up, verifies their email, creates a store and lands in its admin site,
which loads with the same login (cookie on the parent domain), then invites a colleague."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from apps.accounts.models import Invitation, Membership
from apps.tenants import provisioning
from apps.tenants.models import Tenant
from tests.browser.helpers import sign_up_and_verify

pytestmark = pytest.mark.browser


def test_signup_create_store_and_use_the_admin(server: str, page: Page, tmp_path) -> None:
    try:
        sign_up_and_verify(page, server, email="founder@example.com")
        # create a store
        page.get_by_role("link", name="Create a store").click()
        page.get_by_label("Store name").fill("Founder Goods")
        page.get_by_label("Store address").fill("founder-goods")
        page.get_by_role("button", name="Create store").click()
        # the admin SPA on the store's own subdomain, signed in through the shared cookie
        expect(page).to_have_url(re.compile(r"^http://founder-goods\.localhost:\d+/app/$"))
        expect(page.get_by_text("Founder Goods").first).to_be_visible()
        expect(page.get_by_text("owner", exact=False).first).to_be_visible()
        page.screenshot(path=str(tmp_path / "overview.png"))
        # invite a colleague from the Team page
        page.get_by_role("link", name="Team").click()
        page.get_by_role("button", name="Invite").first.click()
        dialog = page.get_by_role("dialog")
        dialog.get_by_label("Email").fill("colleague@example.com")
        dialog.get_by_role("button", name=re.compile("invite|send", re.I)).click()
        expect(page.get_by_role("cell", name="colleague@example.com", exact=True)).to_be_visible()
        page.screenshot(path=str(tmp_path / "team.png"))
        tenant = Tenant.objects.get(slug="founder-goods")
        assert (
            Membership.objects.get(tenant=tenant, user__email="founder@example.com").role == "owner"
        )
        assert Invitation.objects.get(tenant=tenant).email == "colleague@example.com"
    finally:
        provisioning.schema_drop(schema_name="t_founder_goods")
