"""The demo store's catalog (`make dev`): generated products imported through the real pipeline,
with spec sheets that the import links into knowledge."""

from __future__ import annotations

import pypdf

from apps.catalog.demo import spec_sheets
from apps.catalog.demo.generate import demo_orders, demo_products
from apps.catalog.models import ImportJob, Product
from apps.catalog.services.demo import demo_catalog_ensure
from apps.knowledge.models import Source
from apps.tenants.selectors import host_url


def test_demo_catalog_imports_every_product_and_links_its_spec_sheets(in_store_a) -> None:
    job = demo_catalog_ensure()
    assert job is not None and job.status == ImportJob.Status.COMPLETED
    assert (job.created, job.items_failed) == (len(demo_products()), 0) and job.created >= 200
    sheets = Source.objects.filter(kind=Source.Kind.URL)
    assert sheets.count() == len(spec_sheets.products_with_spec_sheets())
    for sheet in sheets:
        assert sheet.config["url"].startswith(host_url(path=spec_sheets.SPECS_PATH))
        assert (spec_sheets.SPECS_DIR / sheet.config["url"].rsplit("/", 1)[1]).is_file()
        assert sheet.products.count() == 1
    assert demo_catalog_ensure() is None and Product.objects.count() == job.created


def test_committed_spec_sheets_carry_their_products_facts() -> None:
    for product in spec_sheets.products_with_spec_sheets():
        path = spec_sheets.SPECS_DIR / f"{product['handle']}.pdf"
        text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages)
        assert product["title"] in text
        for name, value in product["attributes"].items():
            assert f"{name}: {spec_sheets.pdf_text(value)}" in text


def test_the_demo_data_files_give_the_documented_catalogue_and_orders() -> None:
    # When the demo catalogue and its orders are generated from the data files
    products = demo_products()
    orders = demo_orders(products)

    # Then they hold what apps/catalog/demo/README.md documents, with the help pages' facts
    assert len(products) == len(orders) == 300
    assert len({p["product_type"] for p in products}) == 25
    assert sum(p["status"] == "draft" for p in products) == 4
    assert sum(not any(v["available"] for v in p["variants"]) for p in products) == 7
    shell = products[0]
    assert (shell["handle"], shell["variants"][0]["sku"], shell["variants"][0]["price"]) == (
        "mens-cascade-3l-shell-jacket",
        "DO-JKT-001-S-SLB",
        "289.00",
    )
    assert shell["description_html"].startswith(
        "<p>The rain jacket Demo Outfitters started with in 2011, rebuilt for a decade of "
        "Cascade storms"
    )
    assert (orders[0]["number"], orders[0]["name"], orders[0]["email"]) == (
        "DO-2041023",
        "Zara Andersen",
        "zara.andersen@example.com",
    )
