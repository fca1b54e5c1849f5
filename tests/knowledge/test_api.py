"""The knowledge API: roles, validation of bad input, upload sniffing, store isolation."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.accounts.roles import Role
from apps.core.tenancy import tenant_context
from apps.knowledge.models import FaqEntry, Source
from tests.accounts.factories import MembershipFactory
from tests.conftest import client_for
from tests.knowledge.conftest import pdf_bytes, synced, text_source


@pytest.fixture
def editor_a(tenant_a):
    return MembershipFactory(tenant=tenant_a, role=Role.EDITOR)


def test_editor_creates_a_url_source_and_it_is_queued(
    tenant_a, editor_a, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        response = client_for(tenant_a, editor_a.user).post(
            "/api/v1/knowledge/sources/",
            {"kind": "url", "name": "Size guide", "config": {"url": "https://shop.example/size"}},
            content_type="application/json",
        )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "queued" and body["config"] == {"url": "https://shop.example/size"}
    assert body["progress"] == {
        "documents_total": 0,
        "documents_done": 0,
        "documents_failed": 0,
        "chunks": 0,
    }
    assert len(callbacks) == 1  # the sync is enqueued once the row is committed


@pytest.mark.parametrize(
    ("payload", "field", "code"),
    [
        ({"kind": "url", "name": "x", "config": {"url": "ftp://x"}}, "url", "invalid_url"),
        (
            {
                "kind": "website",
                "name": "x",
                "config": {"url": "https://x.example", "max_pages": 0},
            },
            "max_pages",
            "invalid_max_pages",
        ),
        ({"kind": "text", "name": "x", "config": {"text": "   "}}, "text", "required"),
        ({"kind": "upload", "name": "x"}, "kind", "invalid_choice"),
    ],
)
def test_bad_source_input_is_a_field_error(tenant_a, editor_a, payload, field, code) -> None:
    response = client_for(tenant_a, editor_a.user).post(
        "/api/v1/knowledge/sources/", payload, content_type="application/json"
    )
    assert response.status_code == 400
    assert (response.json()["field"], response.json()["code"]) == (field, code)
    with tenant_context(tenant_a):
        assert not Source.objects.exists()


def test_viewers_read_but_cannot_write(tenant_a) -> None:
    viewer = MembershipFactory(tenant=tenant_a, role=Role.VIEWER)
    client = client_for(tenant_a, viewer.user)
    assert client.get("/api/v1/knowledge/sources/").status_code == 200
    response = client.post(
        "/api/v1/knowledge/sources/",
        {"kind": "faq", "name": "FAQ"},
        content_type="application/json",
    )
    assert response.status_code == 403


def _upload(client, name: str, data: bytes, content_type: str = "application/octet-stream"):
    return client.post(
        "/api/v1/knowledge/sources/upload/",
        {"file": SimpleUploadedFile(name, data, content_type=content_type)},
    )


def test_upload_is_typed_by_content_not_extension(tenant_a, editor_a) -> None:
    client = client_for(tenant_a, editor_a.user)
    pdf = _upload(client, "policy.txt", pdf_bytes("Returns within 60 days."))
    assert pdf.status_code == 201 and pdf.json()["kind"] == "upload"
    csv = _upload(client, "faq.csv", b"question,answer\nShip to UK?,Yes\n", "text/csv")
    assert csv.status_code == 201 and csv.json()["kind"] == "spreadsheet"
    with tenant_context(tenant_a):
        assert Source.objects.get(pk=pdf.json()["id"]).file.content_type == "application/pdf"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.pdf", b"", "empty_file"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary_content"),
    ],
)
def test_bad_uploads_are_refused_with_a_reason(tenant_a, editor_a, name, data, code) -> None:
    response = _upload(client_for(tenant_a, editor_a.user), name, data)
    assert response.status_code == 400
    assert (response.json()["field"], response.json()["code"]) == ("file", code)


def test_oversized_upload_is_refused_before_reading(tenant_a, editor_a, settings) -> None:
    settings.KNOWLEDGE_MAX_UPLOAD_BYTES = 1024
    response = _upload(client_for(tenant_a, editor_a.user), "big.txt", b"a" * 2048)
    assert response.status_code == 400 and response.json()["code"] == "file_too_large"


def test_faq_entries_crud(tenant_a, editor_a) -> None:
    client = client_for(tenant_a, editor_a.user)
    faq = client.post(
        "/api/v1/knowledge/sources/",
        {"kind": "faq", "name": "FAQ"},
        content_type="application/json",
    ).json()
    created = client.post(
        f"/api/v1/knowledge/sources/{faq['id']}/faqs/",
        {"question": "Gift wrap?", "answer": "Yes, $5 per item."},
        content_type="application/json",
    )
    assert created.status_code == 201
    entry_id = created.json()["id"]
    updated = client.patch(
        f"/api/v1/knowledge/faqs/{entry_id}/",
        {"answer": "Yes, $6."},
        content_type="application/json",
    )
    assert updated.json()["answer"] == "Yes, $6."
    blank = client.patch(
        f"/api/v1/knowledge/faqs/{entry_id}/", {"question": " "}, content_type="application/json"
    )
    assert blank.status_code == 400
    assert client.delete(f"/api/v1/knowledge/faqs/{entry_id}/").status_code == 204
    with tenant_context(tenant_a):
        assert not FaqEntry.objects.exists()


def test_search_endpoint_returns_citations(tenant_a, editor_a) -> None:
    with tenant_context(tenant_a):
        synced(text_source("# Warranty\n## Tents\nTents carry a 3 year warranty.", name="Warranty"))
    response = client_for(tenant_a, editor_a.user).post(
        "/api/v1/knowledge/search/",
        {"query": "how long are tents covered?", "k": 3},
        content_type="application/json",
    )
    assert response.status_code == 200
    top = response.json()["results"][0]
    assert "3 year warranty" in top["text"]
    assert top["citation"]["title"] == "Warranty"
    assert top["citation"]["section"] == "Warranty > Tents"
    assert top["source"]["kind"] == "text" and response.json()["took_ms"] >= 0


def test_another_stores_sources_are_invisible_over_http(tenant_a, tenant_b, owner_a) -> None:
    with tenant_context(tenant_b):
        source_b = synced(text_source("# B\nStore B only: code ZETA-991.", name="B notes"))
    client = client_for(tenant_a, owner_a.user)
    assert client.get("/api/v1/knowledge/sources/").json()["count"] == 0
    for method, path in [
        ("get", f"/api/v1/knowledge/sources/{source_b.pk}/"),
        ("get", f"/api/v1/knowledge/sources/{source_b.pk}/documents/"),
        ("post", f"/api/v1/knowledge/sources/{source_b.pk}/sync/"),
        ("delete", f"/api/v1/knowledge/sources/{source_b.pk}/"),
    ]:
        assert getattr(client, method)(path).status_code == 404, path
    hits = client.post(
        "/api/v1/knowledge/search/", {"query": "ZETA-991"}, content_type="application/json"
    ).json()["results"]
    assert hits == []
    with tenant_context(tenant_b):
        assert Source.objects.filter(pk=source_b.pk).exists()


def test_settings_change_language_and_refuse_unknown(tenant_a, owner_a) -> None:
    client = client_for(tenant_a, owner_a.user)
    assert client.get("/api/v1/knowledge/settings/").json()["search_language"] == "english"
    changed = client.patch(
        "/api/v1/knowledge/settings/",
        {"search_language": "german"},
        content_type="application/json",
    )
    assert changed.status_code == 200 and changed.json()["search_language"] == "german"
    bad = client.patch(
        "/api/v1/knowledge/settings/",
        {"search_language": "klingon"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["code"] == "invalid_language"


def test_another_stores_faq_entries_are_invisible_over_http(tenant_a, tenant_b, owner_a) -> None:
    # given store B has a FAQ list with one entry
    with tenant_context(tenant_b):
        faqs_b = Source.objects.create(kind=Source.Kind.FAQ, name="B FAQ")
        entry_b = FaqEntry.objects.create(source=faqs_b, question="B only?", answer="Yes.")
    client = client_for(tenant_a, owner_a.user)
    # when store A's owner reaches for them by id, then every route answers 404
    entry_body = {"question": "Hijacked?", "answer": "No."}
    for method, path, body in [
        ("get", f"/api/v1/knowledge/sources/{faqs_b.pk}/faqs/", None),
        ("post", f"/api/v1/knowledge/sources/{faqs_b.pk}/faqs/", entry_body),
        ("patch", f"/api/v1/knowledge/faqs/{entry_b.pk}/", entry_body),
        ("delete", f"/api/v1/knowledge/faqs/{entry_b.pk}/", None),
    ]:
        kwargs = {"data": body, "content_type": "application/json"} if body else {}
        assert getattr(client, method)(path, **kwargs).status_code == 404, (method, path)
    # and B's entry is as it was
    with tenant_context(tenant_b):
        assert list(FaqEntry.objects.values_list("question", flat=True)) == ["B only?"]


def test_one_stores_settings_change_leaves_another_stores_alone(
    tenant_a, tenant_b, owner_a, owner_b
) -> None:
    changed = client_for(tenant_a, owner_a.user).patch(
        "/api/v1/knowledge/settings/",
        {"search_language": "german"},
        content_type="application/json",
    )
    assert changed.status_code == 200
    other = client_for(tenant_b, owner_b.user).get("/api/v1/knowledge/settings/").json()
    assert other["search_language"] == "english"


def test_search_results_carry_their_cosine_similarity(tenant_a, editor_a) -> None:
    # given: a passage that answers the question and one that does not
    with tenant_context(tenant_a):
        synced(text_source("# Warranty\nTents carry a 3 year warranty.", name="Warranty"))
        synced(text_source("# Recipes\nBake the bread at 220 degrees.", name="Recipes"))
    client = client_for(tenant_a, editor_a.user)
    # when
    hybrid = client.post(
        "/api/v1/knowledge/search/",
        {"query": "how long is the tent warranty?", "k": 2},
        content_type="application/json",
    ).json()["results"]
    keyword = client.post(
        "/api/v1/knowledge/search/",
        {"query": "warranty", "mode": "keyword"},
        content_type="application/json",
    ).json()["results"]
    # then: each hit says how close it is; the answer is closer than the recipe
    by_source = {hit["source"]["name"]: hit["similarity"] for hit in hybrid}
    assert 0.3 < by_source["Warranty"] <= 1.0
    assert by_source["Recipes"] < by_source["Warranty"]
    assert keyword and keyword[0]["similarity"] is None
