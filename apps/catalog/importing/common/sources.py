"""Reading uploads as streams of rows: what kind of file it is, CSV (any encoding, any common
delimiter) and XLSX (openpyxl read-only), one Row at a time.

CSV: the encoding is settled from the first megabyte (`encodings.py`: BOM, strict UTF-8, or a
legacy encoding only on evidence). Before any row is handed out the
whole file is decoded once in 1 MB pieces (nothing kept) so that bad bytes anywhere refuse the
file up front, with their byte offset and line, instead of half-way through an import; the same
pass counts lines, which bounds the row count cheaply. Memory stays at a few MB whatever the size.

XLSX: the first sheet called "Products" (else the active one). Formula cells are read as their
formula text (so the formula policy sees them). Spreadsheets often carry hundreds of thousands of
formatted-but-empty rows: reading stops after EMPTY_RUN_LIMIT consecutive empty rows, and a note
says so. (CSV has no such limit: blank lines cost nothing there.)
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from apps.catalog.importing.common.encodings import detect_encoding, encoding_error
from apps.catalog.importing.common.records import ImportFileError
from apps.catalog.importing.common.values import NumberCell
from apps.core.file_signatures import OLE_MAGIC, PDF_MAGIC, ZIP_MAGIC, binary_format

logger = logging.getLogger(__name__)

SAMPLE_BYTES = 1024 * 1024
CHUNK_BYTES = 1024 * 1024
MAX_LINE_CHARS = 32 * 1024 * 1024
FIELD_SIZE_LIMIT = 16 * 1024 * 1024  # a 128 KB description (csv's default) is not unusual
EMPTY_RUN_LIMIT = 1000
DELIMITERS = (",", ";", "\t", "|")
SHEET_NAMES = ("products", "produkte", "product", "produkt", "artikel")


@dataclass(slots=True)
class Row:
    first: int  # first physical line (CSV) / sheet row (XLSX)
    last: int
    cells: dict[str, str]

    def get(self, column: str | None) -> str:
        if column is None:
            return ""
        return self.cells.get(column) or ""


def sniff_kind(path: Path, filename: str) -> str:
    """ "csv" (any delimited text), "xlsx" or "json"; ImportFileError("unknown_format") for
    anything else (legacy .xls, PDF, images, archives, binary data)."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    name = filename.lower()
    if not head:
        raise ImportFileError("unknown_format", "The file is empty.")
    if head.startswith(ZIP_MAGIC):
        if name.endswith((".xlsx", ".xlsm")) or not name.endswith((".csv", ".txt", ".json")):
            return "xlsx"
        raise ImportFileError(
            "unknown_format", "The file is a ZIP archive, not a CSV, XLSX or JSON file."
        )
    if head.startswith(OLE_MAGIC):
        raise ImportFileError(
            "unknown_format",
            "Old Excel (.xls) files are not supported: save the sheet as .xlsx or CSV.",
        )
    if description := ("a PDF" if head.startswith(PDF_MAGIC) else binary_format(head)):
        raise ImportFileError(
            "unknown_format",
            f"This file is {description}, not a product file: upload a CSV, XLSX or JSON file.",
        )
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if name.endswith(".json") or text.startswith((b"[", b"{")):
        return "json"
    if name.endswith((".xlsx", ".xlsm")):
        raise ImportFileError("unknown_format", "The file is not a valid XLSX spreadsheet.")
    return "csv"


def _columns(raw: list[Any]) -> list[str]:
    """Header cells as unique, trimmed names (blank → "Column 3", repeats → "Tags (2)")."""
    names: list[str] = []
    seen: set[str] = set()
    for index, cell in enumerate(raw, start=1):
        name = str(cell if cell is not None else "").replace("\ufeff", "").strip()
        name = " ".join(name.split()) or f"Column {index}"
        unique, n = name, 1
        while unique.casefold() in seen:
            n += 1
            unique = f"{name} ({n})"
        seen.add(unique.casefold())
        names.append(unique)
    while names and names[-1].startswith("Column ") and not str(raw[len(names) - 1] or ""):
        names.pop()  # trailing empty header cells
    return names


class Table:
    """A header and a single-use stream of non-empty rows."""

    kind = ""
    columns: list[str]
    header_line: int
    total_lines: int | None  # physical lines (CSV) / rows (XLSX dimension), if known

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.columns = []
        self.header_line = 1
        self.total_lines = None

    def rows(self) -> Iterator[Row]:  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self) -> None:
        pass


# --- CSV -----------------------------------------------------------------------------------------


def _sniff_delimiter(text: str) -> str:
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


class CsvTable(Table):
    kind = "csv"

    def __init__(self, path: Path, *, max_rows: int) -> None:
        super().__init__()
        self.path = path
        self.max_rows = max_rows
        with open(path, "rb") as handle:
            sample = handle.read(SAMPLE_BYTES)
        self.encoding = detect_encoding(sample)
        text = codecs.getincrementaldecoder(self.encoding)("replace").decode(sample)
        self.newline = "\n" if "\n" in text or "\r" not in text else "\r"
        first_line = text.lstrip("\ufeff").split(self.newline, 1)[0].strip()
        # Excel's "sep=;" first line names the delimiter and is not the header
        self.sep_line = len(first_line) == 5 and first_line.lower().startswith("sep=")
        self.delimiter = first_line[4] if self.sep_line else _sniff_delimiter(text)
        self.total_lines = self._scan()
        if csv.field_size_limit() < FIELD_SIZE_LIMIT:
            csv.field_size_limit(FIELD_SIZE_LIMIT)
        self._records = self._read()
        for first, _last, record in self._records:
            if self.sep_line and first == 1:
                continue
            if any(cell.strip() for cell in record):
                self.columns = _columns(record)
                self.header_line = first
                break
        if not self.columns:
            raise ImportFileError("unknown_format", "The file has no header row.")
        if self.total_lines - self.header_line > max_rows:
            self._count_rows()

    def _scan(self) -> int:
        """Decode everything once: refuse bad bytes, refuse binary, count lines."""
        decoder = codecs.getincrementaldecoder(self.encoding)("strict")
        consumed = lines = 0
        ended_with_newline = True
        with open(self.path, "rb") as handle:
            while chunk := handle.read(CHUNK_BYTES):
                pending = len(decoder.getstate()[0])
                try:
                    text = decoder.decode(chunk)
                except UnicodeDecodeError as error:
                    offset = max(consumed - pending + error.start, 0)
                    line = lines + bytes(error.object[: error.start]).count(b"\n") + 1
                    raise encoding_error(self.encoding, offset, line) from None
                if "\x00" in text:
                    raise ImportFileError(
                        "unknown_format", "The file contains binary data, not text."
                    )
                consumed += len(chunk)
                lines += text.count(self.newline)
                if text:
                    ended_with_newline = text.endswith(self.newline)
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                raise encoding_error(self.encoding, consumed, lines + 1) from None
        return lines + (0 if ended_with_newline else 1)

    def _lines(self) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(self.encoding)("strict")
        newline = self.newline
        carry = ""
        with open(self.path, "rb") as handle:
            while chunk := handle.read(CHUNK_BYTES):
                parts = (carry + decoder.decode(chunk)).split(newline)
                carry = parts.pop()
                if len(carry) > MAX_LINE_CHARS:
                    raise ImportFileError(
                        "invalid_csv", "The file has a line longer than 32 MB: is it a CSV file?"
                    )
                for part in parts:
                    yield part + "\n"
            carry += decoder.decode(b"", final=True)
            if carry:
                yield carry

    def _read(self) -> Iterator[tuple[int, int, list[str]]]:
        reader = csv.reader(self._lines(), delimiter=self.delimiter, strict=False)
        last = 0
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise ImportFileError(
                    "invalid_csv", f"Line {last + 1} cannot be read as CSV: {error}."
                ) from None
            first, last = last + 1, reader.line_num
            yield first, last, record

    def _count_rows(self) -> None:
        count = 0
        for _first, _last, record in self._read():
            if any(cell.strip() for cell in record):
                count += 1
        if count - 1 > self.max_rows:  # the header is one of them
            raise too_many_rows(self.max_rows)

    def rows(self) -> Iterator[Row]:
        columns = self.columns
        count = 0
        for first, last, record in self._records:
            if not any(cell.strip() for cell in record):
                continue
            count += 1
            if count > self.max_rows:
                raise too_many_rows(self.max_rows)
            yield Row(first, last, dict(zip(columns, record, strict=False)))


def too_many_rows(limit: int) -> ImportFileError:
    return ImportFileError(
        "too_many_rows", f"The file has more than {limit:,} rows: split it into smaller files."
    )


# --- XLSX ----------------------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return NumberCell(Decimal(value), str(value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        shown = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
        return NumberCell(Decimal(repr(value)), shown)
    if isinstance(value, Decimal):
        return NumberCell(value, str(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\bref="([^"]+)"')
_SHEET_DATA = re.compile(rb"<(?:\w+:)?sheetData\b")
_LOAD_LOCK = threading.Lock()


def _quick_size(sheet: Any) -> None:
    """openpyxl's read-only sheets look for the <dimension> element by parsing the sheet XML
    until <sheetData> *ends*, i.e. all of it when the element is missing (openpyxl's own
    write-only files): seconds for a million empty rows. The element, when present, sits before
    <sheetData>, so reading the head of the sheet finds it (or its absence) just the same."""
    from openpyxl.utils.cell import range_boundaries

    with sheet._get_source() as source:
        head = source.read(256 * 1024)
    data = _SHEET_DATA.search(head)
    if data is None:  # unusually long preamble: let openpyxl do it its way
        _ORIGINAL_GET_SIZE(sheet)
        return
    match = _DIMENSION.search(head, 0, data.start())
    if match:
        with contextlib.suppress(ValueError, TypeError):
            bounds = range_boundaries(match.group(1).decode("ascii", "replace"))
            sheet._min_column, sheet._min_row, sheet._max_column, sheet._max_row = bounds


_ORIGINAL_GET_SIZE: Any = None


def _load_workbook(path: Path) -> Any:
    global _ORIGINAL_GET_SIZE
    import openpyxl  # reads sheet XML through defusedxml when it is installed (it is)
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    with _LOAD_LOCK:  # the class attribute is swapped only while this thread loads
        _ORIGINAL_GET_SIZE = ReadOnlyWorksheet._get_size
        ReadOnlyWorksheet._get_size = _quick_size  # type: ignore[method-assign]
        try:
            return openpyxl.load_workbook(path, read_only=True, data_only=False)
        finally:
            ReadOnlyWorksheet._get_size = _ORIGINAL_GET_SIZE  # type: ignore[method-assign]


class XlsxTable(Table):
    kind = "xlsx"

    def __init__(self, path: Path, *, max_rows: int) -> None:
        super().__init__()
        try:
            self.book = _load_workbook(path)
        except Exception:  # zipfile, KeyError, XML errors: all mean "not an xlsx"
            logger.info("unreadable xlsx upload", exc_info=True)
            raise ImportFileError(
                "unknown_format",
                "The spreadsheet cannot be opened: it is damaged or not a real .xlsx file. "
                "Open it in Excel, save it as .xlsx or CSV UTF-8, and upload it again.",
            ) from None
        try:
            sheets = self.book.worksheets
            named = [s for s in sheets if s.title.strip().lower() in SHEET_NAMES]
            self.sheet = named[0] if named else (self.book.active or sheets[0])
            self.max_rows = max_rows
            self.total_lines = getattr(self.sheet, "max_row", None)
            self.sheet.reset_dimensions()  # wrong dimensions would cut rows off
            self._rows = self._read()
            for number, values in self._rows:
                if any(v.strip() for v in values):
                    self.columns = _columns(list(values))
                    self.header_line = number
                    break
            if not self.columns:
                raise ImportFileError("unknown_format", "The spreadsheet has no header row.")
            if self.total_lines and self.total_lines - self.header_line > max_rows:
                self._count_rows()
        except BaseException:
            self.close()
            raise

    def _read(self) -> Iterator[tuple[int, list[str]]]:
        empty_run = 0
        for number, values in enumerate(self.sheet.iter_rows(values_only=True), start=1):
            cells = [_cell_text(v) for v in values]
            if any(c.strip() for c in cells):
                empty_run = 0
            else:
                empty_run += 1
                if empty_run >= EMPTY_RUN_LIMIT:
                    note = (
                        f"Stopped reading at row {number:,}: {EMPTY_RUN_LIMIT:,} empty rows in "
                        "a row; anything further down the sheet was ignored."
                    )
                    if note not in self.notes:
                        self.notes.append(note)
                        logger.info("xlsx import: %s", note)
                    return
            yield number, cells

    def _count_rows(self) -> None:
        count = 0
        for _number, cells in self._read():
            if any(c.strip() for c in cells):
                count += 1
        if count - 1 > self.max_rows:
            raise too_many_rows(self.max_rows)
        self.notes.clear()
        self._rows = self._read()
        for number, _cells in self._rows:  # skip to just past the header again
            if number >= self.header_line:
                break

    def rows(self) -> Iterator[Row]:
        columns = self.columns
        count = 0
        for number, cells in self._rows:
            if not any(c.strip() for c in cells):
                continue
            count += 1
            if count > self.max_rows:
                raise too_many_rows(self.max_rows)
            yield Row(number, number, dict(zip(columns, cells, strict=False)))

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.book.close()


@contextlib.contextmanager
def open_table(path: Path, kind: str, *, max_rows: int) -> Iterator[Table]:
    table: Table = (
        XlsxTable(path, max_rows=max_rows) if kind == "xlsx" else CsvTable(path, max_rows=max_rows)
    )
    try:
        yield table
    finally:
        table.close()
