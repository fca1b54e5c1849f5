"""A website source against a real local HTTP server: crawl, linked PDFs, per-page errors,
conditional re-fetch, removed pages, hostile HTML, and a crawl that tries to leave the site."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from apps.knowledge.models import Chunk, Document, Source
from apps.knowledge.retrieval import knowledge_search
from tests.knowledge.conftest import pdf_bytes, synced

HOME = """<html><head><title>Trail Shop</title><script>alert('x')</script></head><body>
<nav>Home | Shop | Cart</nav>
<main><h1>Welcome to Trail Shop</h1>
<p>We sell tents, packs and boots for long walks in the Cascades. Visit our guides below.</p>
<a href="/guides/tents">Tent guide</a> <a href="/broken">Broken page</a>
<a href="https://elsewhere.example/offsite">Partner</a>
<a href="/docs/warranty.pdf">Warranty terms (PDF)</a>
<script>document.write('INJECTED SCRIPT TEXT')</script></main></body></html>"""
TENTS = """<html><head><title>Tent guide</title></head><body><main><h1>Choosing a tent</h1>
<p>A two-person backpacking tent should weigh under two kilograms and pitch in five minutes.</p>
</main></body></html>"""


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request("/sitemap.xml").respond_with_data("", status=404)
    httpserver.expect_request("/").respond_with_data(HOME, content_type="text/html")
    httpserver.expect_request("/broken").respond_with_data("boom", status=500)
    httpserver.expect_request("/docs/warranty.pdf").respond_with_data(
        pdf_bytes("The Lupine tent warranty lasts three years from purchase."),
        content_type="application/pdf",
    )
    return httpserver


def _tents_page(etag: str):
    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(TENTS, content_type="text/html", headers={"ETag": etag})

    return handler


def _website(httpserver: HTTPServer) -> Source:
    return Source.objects.create(
        kind=Source.Kind.WEBSITE,
        name="Site",
        config={"url": httpserver.url_for("/"), "max_pages": 20, "use_sitemap": True},
    )


def test_crawl_ingests_pages_and_linked_pdfs_and_reports_bad_pages(in_store_a, site) -> None:
    site.expect_request("/guides/tents").respond_with_handler(_tents_page('"v1"'))
    source = synced(_website(site))
    documents = {
        d.url.replace(site.url_for(""), "/"): d for d in Document.objects.filter(source=source)
    }
    assert documents["/"].status == "ready" and documents["/guides/tents"].status == "ready"
    assert (
        documents["/broken"].status == "error" and documents["/broken"].error_code == "http_error"
    )
    pdf = documents["/docs/warranty.pdf"]
    assert pdf.status == "ready" and pdf.found_on_id == documents["/"].pk
    assert not any("elsewhere.example" in url for url in documents)
    assert (source.documents_total, source.documents_failed) == (4, 1)
    assert source.status == "ready"  # one bad page does not fail the source
    texts = " ".join(Chunk.objects.filter(source=source).values_list("text", flat=True))
    assert "INJECTED SCRIPT TEXT" not in texts and "alert(" not in texts
    top = knowledge_search(query="how long is the tent warranty?", k=3).hits[0]
    assert "three years" in top.text and top.citation.page == 1
    assert top.citation.url.endswith("/docs/warranty.pdf")


def test_resync_uses_etags_and_drops_pages_that_vanished(in_store_a, httpserver) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/sitemap.xml").respond_with_data(
        f"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>{httpserver.url_for("/guides/tents")}</loc></url>
        <url><loc>{httpserver.url_for("/guides/old")}</loc></url></urlset>""",
        content_type="application/xml",
    )
    httpserver.expect_request("/guides/tents").respond_with_handler(_tents_page('"v1"'))
    httpserver.expect_request("/guides/old").respond_with_data(
        "<html><body><main><h1>Old</h1><p>Discontinued stove models and spare parts.</p>"
        "</main></body></html>",
        content_type="text/html",
    )
    source = synced(_website(httpserver))
    tents = Document.objects.get(source=source, url__endswith="/guides/tents")
    first_chunks = set(Chunk.objects.filter(document=tents).values_list("id", flat=True))
    assert tents.etag == '"v1"' and Document.objects.filter(source=source).count() == 2
    # the old page disappears from the sitemap and the site
    httpserver.clear()
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/sitemap.xml").respond_with_data(
        f"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>{httpserver.url_for("/guides/tents")}</loc></url></urlset>""",
        content_type="application/xml",
    )
    httpserver.expect_request("/guides/tents").respond_with_handler(_tents_page('"v1"'))
    source = synced(source)
    assert list(Document.objects.filter(source=source).values_list("url", flat=True)) == [tents.url]
    assert set(Chunk.objects.filter(document=tents).values_list("id", flat=True)) == first_chunks
    assert not Chunk.objects.filter(source=source, text__contains="stove").exists()
    conditional = [r for r, _ in httpserver.log if r.path == "/guides/tents"]
    assert conditional[-1].headers.get("If-None-Match") == '"v1"'


def test_a_site_that_redirects_forever_is_a_clear_error(in_store_a, httpserver) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/sitemap.xml").respond_with_data("", status=404)
    httpserver.expect_request("/").respond_with_data("", status=302, headers={"Location": "/loop"})
    httpserver.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/"})
    source = synced(_website(httpserver))
    assert source.status == "error" and "redirect" in source.last_error.lower()
    assert not Chunk.objects.filter(source=source).exists()


def test_robots_txt_that_forbids_everything_keeps_existing_documents(in_store_a, site) -> None:
    site.expect_request("/guides/tents").respond_with_handler(_tents_page('"v1"'))
    source = synced(_website(site))
    before = Chunk.objects.filter(source=source).count()
    site.clear()
    site.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /\n")
    source = synced(source)
    assert source.status == "error" and source.last_error
    assert Chunk.objects.filter(source=source).count() == before
