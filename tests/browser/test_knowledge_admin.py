"""A merchant adds a text note in the Knowledge area, watches it sync, and finds it in the
test-retrieval playground with its citation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from apps.accounts.roles import Role
from apps.knowledge.models import Source
from apps.knowledge.services.sync import source_sync
from apps.tenants import provisioning
from apps.tenants.services import tenant_provision
from tests.accounts.factories import MembershipFactory
from tests.browser.helpers import run_as_worker, sign_in_to_store

pytestmark = pytest.mark.browser

NOTE = """# Rentals
## Tents
You can rent the Lupine 2 tent for $25 per weekend, with the footprint included."""


def test_add_a_note_see_it_sync_and_search_it(server: str, page: Page, tmp_path) -> None:
    tenant = tenant_provision(name="Rental Co", slug="rental-co")
    try:
        member = MembershipFactory(tenant=tenant, role=Role.EDITOR)
        # sign in on the root domain, then open the store (sign-in hand-off)
        sign_in_to_store(
            page, server, email=member.user.email, slug="rental-co", next_path="/app/knowledge"
        )
        # add a text note
        page.get_by_role("button", name=re.compile("Add source", re.I)).click()
        page.get_by_role("menuitem", name=re.compile("Text note", re.I)).click()
        dialog = page.get_by_role("dialog")
        dialog.get_by_label("Name").fill("Rental terms")
        dialog.get_by_label(re.compile("^Text", re.I)).fill(NOTE)
        dialog.get_by_role("button", name=re.compile("Add|Create|Save", re.I)).click()
        expect(page.get_by_role("cell", name="Rental terms")).to_be_visible()
        # the worker's job, run on a plain thread as in a worker (Playwright's event loop owns
        # this one); the page polls and shows the result
        run_as_worker(
            tenant, lambda: source_sync(source_id=Source.objects.get(name="Rental terms").pk)
        )
        expect(page.get_by_text("ready", exact=False).first).to_be_visible(timeout=15_000)
        page.screenshot(path=str(tmp_path / "sources.png"), full_page=True)
        # the playground finds it, with its citation, as plain text
        page.get_by_role("link", name=re.compile("Test retrieval|Search", re.I)).first.click()
        page.get_by_label(re.compile("Query|Question", re.I)).first.fill("how much to rent a tent?")
        page.get_by_role("button", name=re.compile("^Search", re.I)).click()
        expect(page.get_by_text("$25 per weekend", exact=False).first).to_be_visible()
        expect(page.get_by_text("Rentals > Tents", exact=False).first).to_be_visible()
        page.screenshot(path=str(tmp_path / "search.png"), full_page=True)
    finally:
        provisioning.schema_drop(schema_name=tenant.schema_name)
