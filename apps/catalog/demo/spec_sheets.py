"""Spec-sheet PDFs for the demo products whose descriptions link one, so `make dev` shows a
product's PDF ingested into knowledge and linked to the product. They are committed under
static/catalog/demo/specs/ (Aisle serves them; the demo import points the links there).
Regenerate after changing the demo catalogue:

    python manage.py shell -c "from apps.catalog.demo.spec_sheets import write; write()"
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from apps.catalog.demo.generate import STORE_URL, demo_products

SPECS_DIR = Path(__file__).resolve().parents[3] / "static" / "catalog" / "demo" / "specs"
SPECS_PATH = "/static/catalog/demo/specs/"
LINK_PREFIX = f"{STORE_URL}/specs/"
# Dashes, curly quotes and ellipses the Latin-1 core fonts lack.
_LATIN_1 = str.maketrans(
    {"\u2014": "-", "\u2013": "-", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2026": "..."}
)


def products_with_spec_sheets() -> list[dict[str, Any]]:
    return [p for p in demo_products() if LINK_PREFIX in p["description_html"]]


def pdf_text(value: str) -> str:
    # The PDF core fonts cover Latin-1 only.
    plain = html.unescape(re.sub(r"<[^>]+>", " ", value)).translate(_LATIN_1)
    return re.sub(r"\s+", " ", plain).strip().encode("latin-1", "replace").decode("latin-1")


def spec_sheet_pdf(product: dict[str, Any]) -> bytes:
    from fpdf import FPDF  # a development dependency: the sheets are generated, then committed

    pdf = FPDF()
    pdf.set_creation_date(datetime(2026, 1, 1, tzinfo=UTC))  # reproducible bytes
    pdf.set_title(pdf_text(f"{product['title']} - spec sheet"))
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 9, pdf_text(product["title"]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 6, pdf_text(f"{product['vendor']} - {product['product_type']} - spec sheet"))
    pdf.ln(4)
    pdf.set_font("Helvetica", style="B", size=12)
    pdf.cell(0, 8, "Specifications", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for name, value in product["attributes"].items():
        pdf.multi_cell(0, 7, pdf_text(f"{name}: {value}"), new_x="LMARGIN", new_y="NEXT")
    options: dict[str, list[str]] = {}
    for variant in product["variants"]:
        for name, value in variant["options"].items():
            if value not in options.setdefault(name, []):
                options[name].append(value)
    for name, values in options.items():
        pdf.multi_cell(
            0, 7, pdf_text(f"{name} options: {', '.join(values)}"), new_x="LMARGIN", new_y="NEXT"
        )
    pdf.ln(4)
    pdf.set_font("Helvetica", style="B", size=12)
    pdf.cell(0, 8, "About this product", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    about = re.sub(r"<p>[^<]*<a [^>]*/specs/.*?</p>", "", product["description_html"])
    pdf.multi_cell(0, 6, pdf_text(about))
    return bytes(pdf.output())


def write() -> list[Path]:
    SPECS_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    for product in products_with_spec_sheets():
        path = SPECS_DIR / f"{product['handle']}.pdf"
        path.write_bytes(spec_sheet_pdf(product))
        written.append(path)
    return written
