"""A store owner sees the getting-started checklist, finds a shopper's conversation in the inbox
with its cited source, answers a handed-off shopper as a human, and reads the analytics.
Screenshots of Home, Inbox and Analytics go to test-output/browser/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from apps.accounts.roles import Role
from apps.conversations.models import Message
from apps.conversations.services.conversations import conversation_start, messages_append
from apps.conversations.services.handoff import conversation_hand_off
from apps.core.tenancy import tenant_context
from apps.tenants import provisioning
from apps.tenants.models import Tenant
from apps.tenants.services import tenant_provision
from tests.accounts.factories import MembershipFactory
from tests.browser.helpers import SCREENSHOTS, run_as_worker, sign_in_to_store

pytestmark = pytest.mark.browser

CITATION = {
    "n": 1,
    "kind": "knowledge",
    "title": "Shipping policy",
    "url": "https://shop.example/shipping",
}


def _seed(tenant: Tenant) -> None:
    answered = conversation_start(channel="widget", session_id="shopper-answered")
    messages_append(
        conversation=answered,
        messages=[
            {"role": "user", "content": "Do you ship to Austria?"},
            {
                "role": "assistant",
                "content": "Yes, we ship to Austria within 5 business days [1].",
                "citations": [CITATION],
                "best_similarity": 0.82,
                "feedback": Message.Feedback.UP,
            },
        ],
    )
    waiting = conversation_start(channel="widget", session_id="shopper-waiting")
    messages_append(
        conversation=waiting,
        messages=[
            {"role": "user", "content": "Can I pay with an invoice?"},
            {
                "role": "assistant",
                "content": "I'm passing this to our team.",
                "best_similarity": 0.2,
                "unanswered": True,
                "feedback": Message.Feedback.DOWN,
            },
        ],
    )
    conversation_hand_off(tenant=tenant, conversation=waiting)


def test_inbox_reply_and_analytics(server: str, page: Page) -> None:
    tenant = tenant_provision(name="Inbox Outfitters", slug="inbox-outfitters")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        owner = MembershipFactory(tenant=tenant, role=Role.OWNER, user__name="Ann Owner")
        # on a plain thread: the handoff notifies the admins (async) after commit, which can't
        # run on the thread that Playwright's event loop owns
        run_as_worker(tenant, lambda: _seed(tenant))
        page.set_viewport_size({"width": 1280, "height": 900})
        sign_in_to_store(
            page, server, email=owner.user.email, slug="inbox-outfitters", next_path="/app/"
        )

        # Home: the checklist knows the widget already had a shopper
        steps = page.get_by_role("list", name="Getting started steps")
        expect(steps.get_by_role("listitem", name="Go live: done")).to_be_visible()
        expect(steps.get_by_role("listitem", name="Add knowledge: to do")).to_be_visible()
        page.screenshot(path=str(SCREENSHOTS / "home.png"), full_page=True)

        # Inbox: both conversations, newest first
        page.get_by_role("navigation", name="Main navigation").get_by_role(
            "link", name="Inbox"
        ).click()
        table = page.get_by_role("table", name="Conversations")
        expect(table.get_by_role("row")).to_have_count(3)
        expect(table.get_by_role("row").nth(1)).to_contain_text("Can I pay with an invoice?")
        expect(table.get_by_role("row").nth(1)).to_contain_text("Handed off")
        expect(table.get_by_role("row").nth(2)).to_contain_text("Do you ship to Austria?")
        page.screenshot(path=str(SCREENSHOTS / "inbox.png"), full_page=True)

        # the answered one shows its cited source
        table.get_by_role("link", name="Do you ship to Austria?").click()
        answer = page.get_by_role("listitem", name="Assistant message")
        expect(answer.get_by_role("link", name="Shipping policy")).to_be_visible()
        expect(answer).to_contain_text("Rated helpful")
        expect(page.get_by_role("textbox", name=re.compile("Reply to the shopper"))).to_have_count(
            0
        )

        # the handed-off one can be answered by the team
        page.get_by_role("link", name="← Inbox").click()
        page.get_by_role("table", name="Conversations").get_by_role(
            "link", name="Can I pay with an invoice?"
        ).click()
        page.get_by_role("textbox", name=re.compile("Reply to the shopper")).fill(
            "Hi, Ann here: yes, invoices are fine for orders over $100."
        )
        page.get_by_role("button", name="Send reply").click()
        reply = page.get_by_role("listitem", name="Team · Ann Owner message")
        expect(reply).to_contain_text("invoices are fine")
        page.get_by_role("button", name="Mark resolved").click()
        expect(page.get_by_role("button", name="Reopen")).to_be_visible()
        with tenant_context(tenant):
            agent = Message.objects.get(role=Message.Role.AGENT)
            assert agent.author_name == "Ann Owner"
            assert agent.conversation.status == "resolved"

        # Analytics: two conversations, one handed off, one gap
        page.get_by_role("navigation", name="Main navigation").get_by_role(
            "link", name="Analytics"
        ).click()
        totals = page.get_by_role("list", name="Totals")
        expect(totals.get_by_role("listitem", name="Conversations")).to_contain_text("2")
        expect(totals.get_by_role("listitem", name="Answered without handoff")).to_contain_text(
            "50%"
        )
        gaps = page.get_by_role("table", name="Knowledge gaps")
        expect(gaps).to_contain_text("can i pay with an invoice")
        expect(page.get_by_text("Conversation resolved.")).to_be_hidden()  # notification gone
        page.screenshot(path=str(SCREENSHOTS / "analytics.png"), full_page=True)
    finally:
        provisioning.schema_drop(schema_name=tenant.schema_name)
