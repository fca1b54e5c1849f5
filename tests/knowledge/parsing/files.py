"""Builders for the files the parsing tests read: every fixture is made in the test, in memory."""

from __future__ import annotations

import io
import zipfile

import docx
import openpyxl
from docx.opc.constants import RELATIONSHIP_TYPE
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfWriter


def pdf_bytes(
    pages: list[str],
    *,
    sections: dict[int, list[tuple[str, int]]] | None = None,
    title: str | None = None,
    image_pages: dict[int, str] | None = None,
    link: str | None = None,
    owner_password: str | None = None,
    user_password: str | None = None,
) -> bytes:
    """A PDF with one entry of `pages` per page (1-based numbering below). `sections` maps a page
    to outline entries (title, level from 0) written as bold lines at the top of that page;
    `image_pages` maps a page to text rendered as a picture only (no text layer)."""
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    for number, text in enumerate(pages, start=1):
        pdf.add_page()
        for heading, level in (sections or {}).get(number, []):
            pdf.start_section(heading, level=level)
            pdf.set_font("helvetica", style="B", size=16)
            pdf.cell(0, 10, heading, new_x="LMARGIN", new_y="NEXT")
        if number in (image_pages or {}):
            pdf.image(text_image((image_pages or {})[number]), x=10, y=20, w=190)
        pdf.set_font("helvetica", size=12)
        if text:
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        if link and number == 1:
            pdf.cell(0, 10, "Download the manual", link=link)
    if owner_password:
        pdf.set_encryption(owner_password=owner_password, user_password=user_password)
    return bytes(pdf.output())


def aes_encrypted_pdf(pages: list[str], *, password: str) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes(pages)))
    writer.encrypt(user_password=password, algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def text_image(text: str) -> Image.Image:
    """Large black text on white, easy for OCR."""
    image = Image.new("L", (1600, 300), color=255)
    font = ImageFont.load_default(size=64)
    ImageDraw.Draw(image).text((40, 100), text, fill=0, font=font)
    return image


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), color=(200, 10, 10)).save(buffer, format="PNG")
    return buffer.getvalue()


def docx_bytes(*, title: str | None = "Store handbook", link: str | None = None) -> bytes:
    document = docx.Document()
    if title:
        document.core_properties.title = title
    document.add_paragraph("Store handbook", style="Title")
    document.add_paragraph("Welcome to the handbook.")
    document.add_heading("Shipping", level=1)
    document.add_paragraph("We ship within two business days.")
    document.add_heading("International", level=2)
    document.add_paragraph("Customs fees are paid by the customer.")
    document.add_paragraph("Canada", style="List Bullet")
    document.add_paragraph("Mexico", style="List Bullet")
    document.add_heading("Returns", level=1)
    table = document.add_table(rows=3, cols=2)
    for row, values in zip(
        table.rows, [("Item", "Window"), ("Shoes", "30 days"), ("Hats", "14 days")], strict=True
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    if link:
        document.part.relate_to(link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(*, link: str | None = None) -> bytes:
    workbook = openpyxl.Workbook()
    products = workbook.active
    assert products is not None
    products.title = "Products"
    products.append(["SKU", "Name", "Price", "Manual"])
    products.append(["A-1", "Trail shoe", 89.5, "https://example.com/docs/trail.pdf"])
    products.append([None, None, None, None])  # blank rows are skipped, numbering is kept
    products.append(["B-2", "Rain jacket", 120, None])
    if link:
        products["D4"] = "Jacket manual"
        products["D4"].hyperlink = link
    sizes = workbook.create_sheet("Sizes")
    sizes.append(["Size", "Chest (cm)"])
    sizes.append(["M", 100])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bytes(entries: dict[str, bytes], *, compresslevel: int = 6) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def xlsx_shaped_zip(extra: dict[str, bytes]) -> bytes:
    """A ZIP the sniffer takes for a workbook, with whatever other entries are given."""
    return zip_bytes(
        {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>", **extra},
        compresslevel=9,
    )
