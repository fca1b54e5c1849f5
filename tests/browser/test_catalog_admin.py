"""A store owner imports a Shopify product export through the wizard (upload → preview →
validation report with the bad row's line number → run → summary), then finds the imported
product in the catalog by searching and opens its page with its variants."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from apps.accounts.roles import Role
from apps.catalog.models import ImportJob
from apps.catalog.services.imports import import_run, import_validate
from apps.core.tenancy import tenant_context
from apps.tenants import provisioning
from apps.tenants.services import tenant_provision
from tests.accounts.factories import MembershipFactory
from tests.browser.helpers import run_as_worker, sign_in_to_store

pytestmark = pytest.mark.browser

# Two products: a jacket in two sizes (three lines: two variants and an extra image) and a tent;
# line 6 has a price that is not a number.
SHOPIFY_CSV = (
    "Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,"
    "Variant SKU,Variant Inventory Qty,Variant Inventory Policy,Variant Price,"
    "Variant Compare At Price,Image Src,Image Position,Status\n"
    'cascade-3l,Cascade 3L Shell,"<p>Waterproof shell for <b>wet</b> trails.</p>",'
    "Trail Goods,Jacket,rain;shell,true,Size,M,CA-M,4,deny,289.00,320.00,"
    "https://shop.example/c3l.jpg,1,active\n"
    "cascade-3l,,,,,,,,L,CA-L,0,deny,289.00,,,,\n"
    "cascade-3l,,,,,,,,,,,,,,https://shop.example/c3l-back.jpg,2,\n"
    "lupine-2,Lupine 2 Tent,<p>Two person tent.</p>,Trail Goods,Tent,tent,true,Title,"
    "Default Title,LU-2,7,deny,199.00,,https://shop.example/lupine.jpg,1,active\n"
    "broken,Broken Price,<p>x</p>,Trail Goods,Tent,,true,Title,Default Title,BR-1,3,deny,"
    "abc,,,,active\n"
)


def _job_id() -> int:
    return ImportJob.objects.get(filename="trail-goods.csv").pk


def test_import_a_shopify_export_and_find_the_product(server: str, page: Page, tmp_path) -> None:
    tenant = tenant_provision(name="Trail Goods", slug="trail-goods")
    try:
        owner = MembershipFactory(tenant=tenant, role=Role.OWNER)
        csv_file = tmp_path / "trail-goods.csv"
        csv_file.write_text(SHOPIFY_CSV)
        # sign in on the root domain, then open the store's import wizard (sign-in hand-off)
        sign_in_to_store(
            page,
            server,
            email=owner.user.email,
            slug="trail-goods",
            next_path="/app/catalog/imports",
        )
        expect(page.get_by_role("heading", name="No imports yet")).to_be_visible()
        page.get_by_role("link", name="New import").first.click()

        # step 1: upload the file as products
        expect(page.get_by_role("radio", name="Products")).to_be_checked()
        page.locator("input[type=file]").set_input_files(str(csv_file))
        page.get_by_role("button", name="Upload and preview").click()

        # step 2: the preview recognises the Shopify export and shows the first rows
        expect(page.get_by_text("Shopify CSV export", exact=True)).to_be_visible()
        sample = page.get_by_role("table", name="First rows of the file")
        expect(sample.get_by_role("row")).to_have_count(6)
        expect(sample).to_contain_text("Cascade 3L Shell")
        mapping = page.get_by_role("table", name="Column mapping")
        expect(mapping).to_contain_text("Variant Price")
        page.screenshot(path=str(tmp_path / "1-preview.png"), full_page=True)

        # step 3: validation in the worker (run on a thread here, as in a worker), then the report
        page.get_by_role("button", name="Validate file").click()
        expect(page.get_by_role("heading", name="Checking your file…")).to_be_visible()
        run_as_worker(tenant, lambda: import_validate(job_id=_job_id()))
        report = page.get_by_role("list", name="Validation report")
        expect(report).to_contain_text("Ready to import2")
        expect(report).to_contain_text("With errors1")
        errors = page.get_by_role("table", name="Rows with errors")
        bad_row = errors.get_by_role("row").nth(1)
        expect(bad_row.get_by_role("cell").first).to_have_text("6")
        expect(bad_row).to_contain_text("Variant Price")
        expect(bad_row).to_contain_text("abc")
        page.screenshot(path=str(tmp_path / "2-report.png"), full_page=True)

        # step 4: run it, and watch it finish
        page.get_by_role("button", name="Continue to import").click()
        page.get_by_role("button", name="Import 2 products").click()
        expect(page.get_by_role("heading", name="Importing…")).to_be_visible()
        run_as_worker(tenant, lambda: import_run(job_id=_job_id()))

        # step 5: the summary
        expect(page.get_by_role("heading", name="Import complete")).to_be_visible()
        summary = page.get_by_role("list", name="Import summary")
        for label, count in [
            ("Created", 2),
            ("Updated", 0),
            ("Unchanged", 0),
            ("Archived", 0),
            ("Failed", 1),
        ]:
            expect(summary.get_by_role("listitem").filter(has_text=label)).to_have_text(
                f"{label}{count}"
            )
        page.screenshot(path=str(tmp_path / "3-summary.png"), full_page=True)

        # the products list finds the jacket by search; its page shows both variants
        page.get_by_role("link", name="View products").click()
        page.get_by_role("searchbox", name="Search products").fill("cascade")
        products = page.get_by_role("table", name="Products")
        expect(products.get_by_role("row")).to_have_count(2)
        expect(products).to_contain_text("Trail Goods")
        expect(products).to_contain_text("In stock")
        page.screenshot(path=str(tmp_path / "4-products.png"), full_page=True)
        products.get_by_role("link", name="Cascade 3L Shell").click()
        expect(page.get_by_role("heading", name="Cascade 3L Shell", level=2)).to_be_visible()
        # the description is the plain text, never the merchant's HTML
        expect(page.get_by_text("Waterproof shell for wet trails.")).to_be_visible()
        variants = page.get_by_role("table", name="Variants")
        expect(variants.get_by_role("row")).to_have_count(3)
        expect(variants.get_by_role("row").nth(1)).to_contain_text("CA-M")
        expect(variants.get_by_role("row").nth(1)).to_contain_text("Size: M")
        expect(variants.get_by_role("row").nth(2)).to_contain_text("Out of stock")
        page.screenshot(path=str(tmp_path / "5-product.png"), full_page=True)
        with tenant_context(tenant):
            assert ImportJob.objects.get(pk=_job_id()).status == ImportJob.Status.COMPLETED
    finally:
        provisioning.schema_drop(schema_name=tenant.schema_name)
