"""PDF links in product data (spec sheets, manuals) become knowledge sources linked to the
product, ingested by the same sync as any web page."""

from __future__ import annotations

from pytest_httpserver import HTTPServer

from apps.catalog.models import Product
from apps.catalog.services.products import products_upsert
from apps.core.tenancy import tenant_context
from apps.knowledge.models import Source
from apps.knowledge.retrieval import knowledge_search
from tests.catalog.conftest import product, variant
from tests.conftest import client_for
from tests.knowledge.conftest import pdf_bytes, synced

SPEC = "https://shop.example/specs/lupine-2.pdf"
MANUAL = "https://shop.example/manuals/tents.pdf"


def _tent(external_id: str, *links: str, title: str = "Lupine 2 Tent"):
    return product(
        external_id, title, [variant(f"{external_id}-1", "349.00")], pdf_links=tuple(links)
    )


def test_a_linked_pdf_becomes_a_queued_knowledge_source_linked_to_the_product(source) -> None:
    [result] = products_upsert(source=source, records=[_tent("lupine-2", SPEC)])
    tent = Product.objects.get(pk=result.row_id)
    [document] = tent.documents.all()
    assert document.kind == Source.Kind.URL and document.config == {"url": SPEC}
    assert document.name == "Lupine 2 Tent — lupine-2.pdf"
    assert document.status == Source.Status.QUEUED


def test_products_sharing_a_manual_share_one_source(source) -> None:
    products_upsert(
        source=source,
        records=[_tent("lupine-2", SPEC, MANUAL), _tent("lupine-3", MANUAL, title="Lupine 3")],
    )
    assert Source.objects.filter(config__url=MANUAL).count() == 1
    manual = Source.objects.get(config__url=MANUAL)
    assert sorted(manual.products.values_list("handle", flat=True)) == ["lupine-2", "lupine-3"]


def test_a_dropped_link_is_unlinked_and_its_source_kept(source) -> None:
    products_upsert(source=source, records=[_tent("lupine-2", SPEC, MANUAL)])
    [unchanged] = products_upsert(source=source, records=[_tent("lupine-2", SPEC, MANUAL)])
    assert unchanged.outcome == "unchanged" and Source.objects.count() == 2

    [updated] = products_upsert(source=source, records=[_tent("lupine-2", MANUAL)])
    assert updated.outcome == "updated"
    tent = Product.objects.get(handle="lupine-2")
    assert [d.config["url"] for d in tent.documents.all()] == [MANUAL]
    assert Source.objects.filter(config__url=SPEC).exists()


def test_the_spec_sheet_is_ingested_and_searchable(source, httpserver: HTTPServer) -> None:
    # Given a product whose description links to a spec sheet served over HTTP
    httpserver.expect_request("/specs/lupine-2.pdf").respond_with_data(
        pdf_bytes("Lupine 2 packed weight: 1.9 kg. Floor area 2.8 square metres."),
        content_type="application/pdf",
    )
    url = httpserver.url_for("/specs/lupine-2.pdf")
    products_upsert(source=source, records=[_tent("lupine-2", url)])
    # When the worker syncs the source the import created
    document = synced(Source.objects.get(config__url=url))
    # Then the sheet's facts are knowledge, cited back to the PDF
    assert document.status == Source.Status.READY
    [hit, *_] = knowledge_search(query="How much does the Lupine 2 weigh packed?").hits
    assert "1.9 kg" in hit.text and hit.citation.url == url


def test_product_detail_lists_its_documents_for_its_own_store_only(
    tenant_a, tenant_b, owner_a
) -> None:
    with tenant_context(tenant_a):
        from apps.catalog.models import ProductSource

        own = ProductSource.objects.create(kind=ProductSource.Kind.FILE, name="Docs test")
        [result] = products_upsert(source=own, records=[_tent("lupine-2", SPEC)])
    client = client_for(tenant_a, owner_a.user)
    body = client.get(f"/api/v1/catalog/products/{result.row_id}/").json()
    assert [(d["name"], d["url"], d["status"]) for d in body["documents"]] == [
        ("Lupine 2 Tent — lupine-2.pdf", SPEC, "queued")
    ]
    with tenant_context(tenant_b):
        assert not Source.objects.filter(config__url=SPEC).exists()
