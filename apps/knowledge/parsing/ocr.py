"""OCR for PDF pages that have no text layer (scans): pypdfium2 renders the page, the
`tesseract` binary reads it. Tesseract is optional; without it the pages are reported, not read."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass, field

import pypdfium2

OCR_LANGUAGES = "eng"
OCR_TIMEOUT_SECONDS = 60
# OCR costs seconds per page; a long scanned book would hold a worker for too long.
MAX_OCR_PAGES = 100
RENDER_SCALE = 2.0  # 144 dpi: enough for body text, small enough to stay fast
# Bounds the bitmap of pages with absurd sizes (a 200-inch poster would need gigabytes).
MAX_RENDER_SIDE_PX = 5000


@dataclass
class OcrOutcome:
    texts: dict[int, str] = field(default_factory=dict)  # page number -> recognised text
    notes: list[str] = field(default_factory=list)
    status: str = ""  # why pages were not read, for the "no text" error


def tesseract_binary() -> str | None:
    return shutil.which("tesseract")


def ocr_pages(data: bytes, pages: list[int], *, enabled: bool) -> OcrOutcome:
    """Recognise the text of the given 1-based `pages` of the PDF in `data`."""
    outcome = OcrOutcome()
    binary = tesseract_binary()
    if not enabled or binary is None:
        outcome.status = "OCR is turned off" if not enabled else "tesseract is not installed"
        outcome.notes.append(
            f"OCR skipped on {len(pages)} page(s) without a text layer "
            f"({page_list(pages)}): {outcome.status}."
        )
        return outcome
    if len(pages) > MAX_OCR_PAGES:
        outcome.notes.append(
            f"OCR limited to the first {MAX_OCR_PAGES} pages without a text layer; "
            f"pages {page_list(pages[MAX_OCR_PAGES:])} were not read."
        )
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        outcome.status = "the PDF could not be rendered for OCR"
        outcome.notes.append(f"OCR skipped: {outcome.status}.")
        return outcome
    failed: list[int] = []
    try:
        for number in pages[:MAX_OCR_PAGES]:
            try:
                text = _recognise(binary, _render_png(document, number))
            except pypdfium2.PdfiumError:
                text = None
            if text is None:
                failed.append(number)
            else:
                outcome.texts[number] = text
    finally:
        document.close()
    if failed:
        outcome.notes.append(f"OCR failed on page(s) {page_list(failed)}.")
    outcome.status = "OCR found no text"
    return outcome


def _render_png(document: pypdfium2.PdfDocument, number: int) -> bytes:
    page = document[number - 1]
    try:
        width, height = page.get_size()
        scale = min(RENDER_SCALE, MAX_RENDER_SIDE_PX / max(width, height, 1.0))
        image = page.render(scale=scale, grayscale=True).to_pil()
    finally:
        page.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _recognise(binary: str, png: bytes) -> str | None:
    """The page's text, or None when tesseract failed or timed out."""
    try:
        result = subprocess.run(
            [binary, "-", "-", "-l", OCR_LANGUAGES],
            input=png,
            capture_output=True,
            timeout=OCR_TIMEOUT_SECONDS,
            check=False,
            # One thread per OCR run: workers already run in parallel.
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except (subprocess.TimeoutExpired, OSError):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8", errors="replace")


def page_list(pages: list[int]) -> str:
    """`[1, 2, 3, 7]` -> `"1-3, 7"`."""
    ranges: list[str] = []
    start = previous = pages[0]
    for number in [*pages[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        ranges.append(str(start) if start == previous else f"{start}-{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(ranges)
