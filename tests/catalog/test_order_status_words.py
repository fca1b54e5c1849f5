"""The status-words step of order imports: a store's own status words mapped onto Aisle's
statuses in every format (JSON here), with a preview and per-order errors for unmapped words;
orders without dates imported as such, and answered to shoppers without an invented date."""

from __future__ import annotations

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.accounts.roles import Role
from apps.catalog.models import ImportJob, ImportRowError, Order
from apps.catalog.services import imports
from apps.conversations.pipeline.citations import Sources
from apps.conversations.pipeline.grounded.order_answer import order_answer
from apps.conversations.pipeline.tools import lookup_order
from apps.core.tenancy import tenant_context
from tests.accounts.factories import MembershipFactory
from tests.catalog.test_orders import ORDERS_CSV
from tests.conftest import client_for


def _order(number: str, status: str, **extra: object) -> dict[str, object]:
    return {
        "number": number,
        "email": "ada@example.com",
        "status": status,
        "currency": "USD",
        "lines": [{"title": "Crew Neck Tee", "quantity": 1, "price": "20.00"}],
        **extra,
    }


ORDERS_JSON = json.dumps(
    [
        _order("#W1000001", "Processed"),
        _order("#W1000002", "pending"),
        _order("#W1000003", "delivered", fulfilments=[{"tracking_number": "1Z1"}]),
        _order(
            "#W1000004",
            "cancelled",
            financial_status="refunded",
            fulfilments=[{"carrier": "UPS", "tracking_number": "1Z2"}],
        ),
        _order("#W1000005", "Return Requested"),
    ]
)
WORDS = {
    "processed": {"status": "open", "fulfilment_status": "fulfilled"},
    "delivered": {"status": "closed", "fulfilment_status": "fulfilled"},
    "return requested": {"status": "open", "fulfilment_status": "fulfilled"},
    "pending": {"status": "open", "fulfilment_status": "unfulfilled"},
}
URL = "/api/v1/catalog/imports/"


def _upload(client, text: str = ORDERS_JSON, name: str = "orders.json") -> dict:
    created = client.post(URL, {"file": SimpleUploadedFile(name, text.encode()), "kind": "orders"})
    assert created.status_code == 201
    return created.json()


def _validated(tenant, job_id: int) -> ImportJob:
    with tenant_context(tenant):
        imports.import_validate(job_id=job_id)  # as the worker would
        return ImportJob.objects.get(pk=job_id)


def test_a_json_import_maps_the_stores_status_words_and_keeps_missing_dates_unknown(
    tenant_a, owner_a
) -> None:
    client = client_for(tenant_a, owner_a.user)
    # Given a JSON order file with the store's own status words and no order dates
    job = _upload(client)
    # Then the preview lists its words, the unknown ones mapped to nothing
    found = {w["word"]: w["maps_to"] for w in job["preview"]["status_words"]}
    assert found["processed"] is None and found["return_requested"] is None
    assert found["cancelled"] == {"status": "cancelled"}
    # When validated unmapped, each order with an unknown word gets its own error
    unmapped = _validated(tenant_a, job["id"])
    assert (unmapped.items_valid, unmapped.items_failed) == (1, 4)
    with tenant_context(tenant_a):
        errors = ImportRowError.objects.filter(job_id=job["id"])
        assert {e.code for e in errors} == {"invalid_status"}
        assert {e.column for e in errors} == {"status"}
    # When the merchant maps the words
    mapped = client.put(
        f"{URL}{job['id']}/status-words/", {"status_words": WORDS}, content_type="application/json"
    )
    assert mapped.status_code == 200
    found = {w["word"]: w["maps_to"] for w in mapped.json()["preview"]["status_words"]}
    assert found["return_requested"] == WORDS["return requested"]
    # Then every order imports, with the mapped statuses and no invented date
    assert _validated(tenant_a, job["id"]).items_failed == 0
    with tenant_context(tenant_a):
        imports.import_run(job_id=job["id"])
        stored = {
            o.number: (o.status, o.fulfilment_status, o.placed_at) for o in Order.objects.all()
        }
        assert stored == {
            "#W1000001": ("open", "fulfilled", None),
            "#W1000002": ("open", "unfulfilled", None),
            "#W1000003": ("closed", "fulfilled", None),
            "#W1000004": ("cancelled", "fulfilled", None),
            "#W1000005": ("open", "fulfilled", None),
        }
        # And a shopper hears about the cancelled order without a date or parcel news
        result = lookup_order(number="w1000004", email="ada@example.com")
    text = order_answer(order=result["order"], sources=Sources())
    assert text.startswith("Order #W1000004 was cancelled and refunded. [1]")
    assert "placed" not in text and "ship" not in text and "1Z2" not in text


def test_status_words_are_checked_and_only_for_order_imports(tenant_a, owner_a) -> None:
    client = client_for(tenant_a, owner_a.user)
    job = _upload(client)
    # A value that is not one of Aisle's statuses is a 400 naming the field
    bad = client.put(
        f"{URL}{job['id']}/status-words/",
        {"status_words": {"processed": {"status": "shipped"}}},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["field"].startswith("status_words")
    empty = client.put(
        f"{URL}{job['id']}/status-words/",
        {"status_words": {"processed": {}}},
        content_type="application/json",
    )
    assert empty.status_code == 400 and empty.json()["code"] == "invalid_status_word"
    # A product import has no status words
    products = client.post(
        URL, {"file": SimpleUploadedFile("p.csv", b"Handle,Title\nx,X\n"), "kind": "products"}
    ).json()
    refused = client.put(
        f"{URL}{products['id']}/status-words/",
        {"status_words": WORDS},
        content_type="application/json",
    )
    assert refused.status_code == 400 and refused.json()["code"] == "not_an_order_import"


def test_a_csv_import_lists_its_status_words_too(tenant_a, owner_a) -> None:
    job = _upload(client_for(tenant_a, owner_a.user), ORDERS_CSV, "orders.csv")
    words = {(w["column"], w["word"]): w["maps_to"] for w in job["preview"]["status_words"]}
    assert words[("financial_status", "paid")] == {"financial_status": "paid"}
    assert words[("fulfilment_status", "unfulfilled")] == {"fulfilment_status": "unfulfilled"}


def test_viewers_cannot_map_status_words_nor_reach_another_stores_import(
    tenant_a, tenant_b, owner_a, owner_b
) -> None:
    job = _upload(client_for(tenant_a, owner_a.user))
    viewer = MembershipFactory(tenant=tenant_a, role=Role.VIEWER)
    url = f"{URL}{job['id']}/status-words/"
    body = {"status_words": WORDS}
    refused = client_for(tenant_a, viewer.user).put(url, body, content_type="application/json")
    assert refused.status_code == 403
    other = client_for(tenant_b, owner_b.user).put(url, body, content_type="application/json")
    assert other.status_code == 404
