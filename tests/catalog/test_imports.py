"""Importing a Shopify-format CSV through preview → validation → run → summary, re-imports,
archiving with its guard, bad rows, and the HTTP API around it."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.accounts.roles import Role
from apps.catalog.models import Collection, ImportJob, ImportRowError, Product, Variant
from apps.catalog.search import product_search
from apps.catalog.services import imports, products, runs
from apps.core.tenancy import tenant_context
from tests.accounts.factories import MembershipFactory
from tests.conftest import client_for

HEADER = (
    "Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,"
    "Option2 Name,Option2 Value,Variant SKU,Variant Inventory Qty,Variant Inventory Policy,"
    "Variant Price,Variant Compare At Price,Image Src,Image Position,Status\n"
)
SHOPIFY_CSV = HEADER + (
    'cascade-3l,Cascade 3L Shell,"<p>Waterproof shell. '
    '<a href=""https://shop.example/specs/c3l.pdf"">Spec sheet</a></p>",'
    "Demo Outfitters,Jacket,rain;shell,true,Size,M,Color,Slate Blue,CA-M-BLU,4,deny,289.00,,"
    "https://shop.example/c3l.jpg,1,active\n"
    "cascade-3l,,,,,,,,L,,Slate Blue,CA-L-BLU,0,deny,289.00,,,,\n"
    "cascade-3l,,,,,,,,,,,,,,,,https://shop.example/c3l-back.jpg,2,\n"
    "lupine-2,Lupine 2 Tent,<p>Two person tent.</p>,Demo Outfitters,Tent,tent,true,Title,"
    'Default Title,,,LU-2,7,deny,"1.234,50",,https://shop.example/lupine.jpg,1,active\n'
    "broken,Broken Price,<p>x</p>,Demo Outfitters,Tent,,true,Title,Default Title,,,BR-1,3,deny,"
    "abc,,,,active\n"
)


def _job(csv_text: str, name: str = "products.csv") -> ImportJob:
    data = csv_text.encode()
    return imports.import_create(upload=io.BytesIO(data), filename=name, size=len(data))


def _validate_and_run(job: ImportJob, **options: bool) -> ImportJob:
    imports.import_validate(job_id=job.pk)
    job.refresh_from_db()
    job.status = ImportJob.Status.VALIDATED
    job.archive_missing = options.get("archive_missing", False)
    job.confirm_archive = options.get("confirm_archive", False)
    job.save()
    imports.import_run(job_id=job.pk)
    job.refresh_from_db()
    return job


def test_preview_detects_shopify_and_its_mapping(in_store_a) -> None:
    job = _job(SHOPIFY_CSV)
    assert job.format == "shopify" and job.status == "uploaded"
    assert "Handle" in job.preview["columns"] and job.preview["sample"][0]["Handle"] == "cascade-3l"


def test_validation_reports_bad_rows_with_line_numbers_and_writes_nothing(in_store_a) -> None:
    job = _job(SHOPIFY_CSV)
    imports.import_validate(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == "validated"
    assert (job.items_seen, job.items_valid, job.items_failed) == (3, 2, 1)
    error = ImportRowError.objects.get(job=job)
    assert error.line == 6 and error.code == "invalid_price" and "abc" in error.message
    assert not Product.objects.exists()


def test_run_imports_whole_products_and_summarises(in_store_a) -> None:
    job = _validate_and_run(_job(SHOPIFY_CSV))
    assert job.status == "completed"
    assert (job.created, job.updated, job.unchanged, job.items_failed) == (2, 0, 0, 1)
    shell = Product.objects.get(handle="cascade-3l")
    assert [v.sku for v in shell.variants.all()] == ["CA-M-BLU", "CA-L-BLU"]
    assert shell.images == ["https://shop.example/c3l.jpg", "https://shop.example/c3l-back.jpg"]
    assert shell.available is True and shell.embedding is not None
    assert Variant.objects.get(sku="LU-2").price == 1234.50
    assert not Product.objects.filter(handle="broken").exists()
    # a re-import of the same file changes nothing
    again = _validate_and_run(_job(SHOPIFY_CSV))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_missing_products_are_archived_only_with_the_guard_satisfied(in_store_a) -> None:
    _validate_and_run(_job(SHOPIFY_CSV))
    only_tent = HEADER + SHOPIFY_CSV.splitlines(keepends=True)[4]
    guarded = _validate_and_run(_job(only_tent), archive_missing=True)
    assert guarded.archived == 0 and "confirm" in guarded.error
    assert Product.objects.get(handle="cascade-3l").status == "active"
    confirmed = _validate_and_run(_job(only_tent), archive_missing=True, confirm_archive=True)
    assert confirmed.archived == 1
    shell = Product.objects.get(handle="cascade-3l")
    assert shell.status == "archived" and shell.archived_at is not None  # archived, not deleted


def test_a_file_missing_required_columns_is_refused(in_store_a) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        _job("Title,Variant Price\nShell,10\n")
    assert not ImportJob.objects.exists()


def test_import_api_flow_and_roles(tenant_a, django_capture_on_commit_callbacks) -> None:
    editor = MembershipFactory(tenant=tenant_a, role=Role.EDITOR)
    viewer = MembershipFactory(tenant=tenant_a, role=Role.VIEWER)
    upload = SimpleUploadedFile("products.csv", SHOPIFY_CSV.encode(), content_type="text/csv")
    refused = client_for(tenant_a, viewer.user).post("/api/v1/catalog/imports/", {"file": upload})
    assert refused.status_code == 403
    client = client_for(tenant_a, editor.user)
    created = client.post(
        "/api/v1/catalog/imports/",
        {"file": SimpleUploadedFile("products.csv", SHOPIFY_CSV.encode(), content_type="text/csv")},
    )
    assert created.status_code == 201 and created.json()["format"] == "shopify"
    job_id = created.json()["id"]
    with django_capture_on_commit_callbacks() as callbacks:
        assert client.post(f"/api/v1/catalog/imports/{job_id}/validate/").status_code == 202
    assert len(callbacks) == 1
    not_ready = client.post(
        f"/api/v1/catalog/imports/{job_id}/run/", {}, content_type="application/json"
    )
    assert not_ready.status_code == 400  # still validating
    empty = client.post("/api/v1/catalog/imports/", {"file": SimpleUploadedFile("e.csv", b"")})
    assert empty.status_code == 400 and empty.json()["code"] == "empty_file"


def test_another_stores_imports_and_products_are_invisible(tenant_a, tenant_b, owner_a) -> None:
    with tenant_context(tenant_b):
        job = _validate_and_run(_job(SHOPIFY_CSV))
    client = client_for(tenant_a, owner_a.user)
    assert client.get("/api/v1/catalog/products/").json()["count"] == 0
    assert client.get(f"/api/v1/catalog/imports/{job.pk}/").status_code == 404
    with tenant_context(tenant_b):
        product_id = Product.objects.first().pk
    assert client.get(f"/api/v1/catalog/products/{product_id}/").status_code == 404


def test_another_stores_import_jobs_errors_collections_and_search_are_invisible(
    tenant_a, tenant_b, owner_a
) -> None:
    # given: a store B import with a row error, a collection, and a searchable product
    with tenant_context(tenant_b):
        job = _validate_and_run(_job(SHOPIFY_CSV))
        assert job.row_errors.exists()
        Collection.objects.create(title="B Secrets", handle="b-secrets")
    client = client_for(tenant_a, owner_a.user)
    # when / then: store A sees none of it, by list or by id, and cannot act on B's job
    assert client.get("/api/v1/catalog/imports/").json()["count"] == 0
    assert client.get(f"/api/v1/catalog/imports/{job.pk}/errors/").status_code == 404
    assert client.post(f"/api/v1/catalog/imports/{job.pk}/validate/").status_code == 404
    run = client.post(f"/api/v1/catalog/imports/{job.pk}/run/", {}, content_type="application/json")
    assert run.status_code == 404
    patch = client.patch(
        f"/api/v1/catalog/imports/{job.pk}/",
        {"mapping": {"title": "Title"}},
        content_type="application/json",
    )
    assert patch.status_code == 404
    assert client.get("/api/v1/catalog/collections/").json()["count"] == 0
    found = client.post(
        "/api/v1/catalog/search/", {"query": "Cascade 3L Shell"}, content_type="application/json"
    )
    assert found.status_code == 200 and found.json()["results"] == []


def test_a_mapping_that_is_not_an_object_is_refused_and_changes_nothing(tenant_a, owner_a) -> None:
    # given: an uploaded generic file
    with tenant_context(tenant_a):
        job = _job("name,price\nMug,5.00\n", name="mugs.csv")
        before = (job.mapping, job.preview, job.status)
    client = client_for(tenant_a, owner_a.user)
    # when: the mapping sent is a list, or a dict of non-strings
    for mapping in (["name"], "name", {"title": ["name"]}):
        response = client.patch(
            f"/api/v1/catalog/imports/{job.pk}/",
            {"mapping": mapping},
            content_type="application/json",
        )
        # then: a 400 naming the field, and the job as it was
        assert response.status_code == 400 and response.json()["field"] == "mapping"
    with tenant_context(tenant_a):
        job.refresh_from_db()
        assert (job.mapping, job.preview, job.status) == before


def test_batches_embedded_ahead_are_all_written_with_their_own_vectors(
    in_store_a, monkeypatch
) -> None:
    # Given batches of one product, so each is embedded while the previous one is written
    monkeypatch.setattr(runs, "UPSERT_BATCH", 1)
    rows = "".join(
        f"tent-{n},Tent {n},<p>Tent number {n}.</p>,Demo,Tent,,true,Title,Default Title,,,"
        f"T-{n},1,deny,{100 + n}.00,,,,active\n"
        for n in range(5)
    )
    # When the file is imported
    job = _validate_and_run(_job(HEADER + rows))
    # Then every product is created once, in file order, with the vector of its own text
    assert (job.status, job.created, job.items_failed) == ("completed", 5, 0)
    tents = list(Product.objects.order_by("pk"))
    assert [t.handle for t in tents] == [f"tent-{n}" for n in range(5)]
    for tent in tents:
        [nearest] = product_search(query=tent.title, k=1, mode="vector").cards
        assert nearest.handle == tent.handle


def test_an_unexpected_failure_marks_the_job_failed_not_running(in_store_a, monkeypatch) -> None:
    def broken(plan):
        raise RuntimeError("encoder crashed")

    # Raised in the writer's embedding thread: the failure must still reach the job.
    monkeypatch.setattr(products, "_embed", broken)
    job = _validate_and_run(_job(SHOPIFY_CSV))
    assert job.status == "failed" and "run it again" in job.error
    assert job.finished_at is not None


def test_product_list_filters(tenant_a, owner_a) -> None:
    with tenant_context(tenant_a):
        _validate_and_run(_job(SHOPIFY_CSV))
    client = client_for(tenant_a, owner_a.user)

    def handles(query: str) -> list[str]:
        return [
            row["handle"]
            for row in client.get(f"/api/v1/catalog/products/?{query}").json()["results"]
        ]

    assert handles("max_price=300") == ["cascade-3l"]
    assert handles("min_price=1000") == ["lupine-2"]
    assert handles("q=LU-2") == ["lupine-2"]
    bad = client.get("/api/v1/catalog/products/?min_price=abc")
    assert bad.status_code == 400 and bad.json()["field"] == "min_price"


def test_prices_are_in_the_stores_currency_unless_the_upload_names_one(tenant_a, owner_a) -> None:
    tenant_a.currency = "EUR"
    tenant_a.save(update_fields=["currency"])
    client = client_for(tenant_a, owner_a.user)

    def upload(**fields: str):
        file = SimpleUploadedFile("products.csv", SHOPIFY_CSV.encode(), content_type="text/csv")
        return client.post("/api/v1/catalog/imports/", {"file": file, **fields})

    try:
        assert upload().json()["currency"] == "EUR"
        assert upload(currency="GBP").json()["currency"] == "GBP"
        refused = upload(currency="XYZ")
        assert refused.status_code == 400 and refused.json()["field"] == "currency"
        with tenant_context(tenant_a):
            job = _validate_and_run(ImportJob.objects.get(currency="GBP"))
            assert job.created == 2
            assert set(Product.objects.values_list("currency", flat=True)) == {"GBP"}
    finally:
        tenant_a.currency = "USD"
        tenant_a.save(update_fields=["currency"])


def test_a_mapping_naming_unknown_columns_is_refused_and_required_fields_follow_it(
    in_store_a,
) -> None:
    from django.core.exceptions import ValidationError

    job = _job("Name,Cost,Code\nMug,5,M-1\n", name="table.csv")
    assert job.format == "generic" and job.preview["required_missing"] == ["price"]
    with pytest.raises(ValidationError) as refused:
        imports.import_mapping_update(job=job, mapping={"title": "Name", "price": "Missing"})
    assert refused.value.error_dict["file"][0].code == "unknown_column"
    job = imports.import_mapping_update(job=job, mapping={"title": "Name", "price": "Cost"})
    assert job.preview["required_missing"] == []
    assert _validate_and_run(job).created == 1


def test_finished_import_files_are_purged_after_the_retention_in_every_store(
    tenant_a, tenant_b
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from apps.catalog.models import ImportFileChunk

    def jobs_in(tenant) -> tuple[ImportJob, ImportJob, ImportJob]:
        with tenant_context(tenant):
            old, recent, running = (_validate_and_run(_job(SHOPIFY_CSV)) for _ in range(3))
            ImportJob.objects.filter(pk=old.pk).update(
                finished_at=timezone.now() - timedelta(days=31)
            )
            ImportJob.objects.filter(pk=running.pk).update(status="running", finished_at=None)
            return old, recent, running

    # Given old, recent and unfinished imports in two stores
    jobs = {tenant: jobs_in(tenant) for tenant in (tenant_a, tenant_b)}
    # When the daily purge runs with a 30-day retention
    assert imports.import_files_purge_for_all_stores() == 2
    # Then only the old jobs lost their file and sample rows, in each store; history stays
    for tenant, (old, recent, running) in jobs.items():
        with tenant_context(tenant):
            assert not ImportFileChunk.objects.filter(job=old).exists()
            old.refresh_from_db()
            assert old.preview == {} and old.created == 2
            assert ImportRowError.objects.filter(job=old).count() == 1
            for kept in (recent, running):
                assert ImportFileChunk.objects.filter(job=kept).exists()
                kept.refresh_from_db()
                assert kept.preview["sample"]


def test_a_large_import_refreshes_the_planners_statistics(in_store_a, monkeypatch) -> None:
    from django.db import connection

    monkeypatch.setattr(runs, "ANALYZE_AFTER", 2)
    _validate_and_run(_job(SHOPIFY_CSV))
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'catalog_variant'::regclass")
        assert cursor.fetchone()[0] == Variant.objects.count() == 3
