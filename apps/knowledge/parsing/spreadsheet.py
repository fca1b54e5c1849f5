"""Tabular files: Excel workbooks (.xlsx, openpyxl) and CSV. The first non-empty row of a table
is its header; each data row becomes one self-describing `table_row` block
("Header1: value1; Header2: value2"). The header itself is emitted first as a "A | B" row so the
chunker can repeat it at the top of each chunk, as it does for the tables of other formats."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator

import defusedxml.ElementTree
import openpyxl

from .document import Extraction, ParseError
from .encoding import decode_text
from .structure import BlockBuilder, clean_text

# Across the whole file; the rest is dropped with a note.
MAX_ROWS = 50_000
# Hyperlink relationship parts larger than this are skipped (they are tiny in real workbooks).
MAX_RELS_BYTES = 5 * 1024 * 1024
_CSV_SAMPLE_CHARS = 64 * 1024
_CSV_DELIMITERS = ",;\t|"
_HYPERLINK_TYPE_SUFFIX = "/relationships/hyperlink"

Row = tuple[int, list[object]]  # (1-based row number, cell values)


class _TableWriter:
    """Writes the tables (sheets, a CSV file) of one file as blocks, within one row budget."""

    def __init__(self) -> None:
        self.builder = BlockBuilder()
        self.notes: list[str] = []
        self._rows_left = MAX_ROWS

    def write(self, rows: Iterable[Row], *, anchor: Callable[[int], str], name: str) -> None:
        header: list[str] | None = None
        for number, values in rows:
            cells = [_cell_text(value) for value in values]
            if not any(cells):
                continue
            if header is None:
                header = [cell or f"Column {i}" for i, cell in enumerate(cells, start=1)]
                self.builder.add(" | ".join(header), "table_row", anchor=anchor(number))
                continue
            if self._rows_left <= 0:
                self.notes.append(f"{name} was cut short: at most {MAX_ROWS} rows are read.")
                return
            self._rows_left -= 1
            names = header + [f"Column {i}" for i in range(len(header) + 1, len(cells) + 1)]
            text = "; ".join(f"{n}: {cell}" for n, cell in zip(names, cells, strict=False) if cell)
            self.builder.add(text, "table_row", anchor=anchor(number))


def parse_xlsx(data: bytes) -> Extraction:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    writer = _TableWriter()
    try:
        for sheet in workbook.worksheets:
            # Read-only mode trusts the dimensions stored in the file, which some exporters get
            # wrong (cutting rows or columns off); resetting makes it read what is there.
            sheet.reset_dimensions()
            writer.builder.heading(sheet.title, 1)
            writer.write(
                _sheet_rows(sheet.iter_rows()),
                anchor=_sheet_anchor(sheet.title),
                name=f"Sheet {sheet.title!r}",
            )
        title = clean_text(workbook.properties.title or "") or None
    finally:
        workbook.close()
    return Extraction(
        blocks=writer.builder.blocks,
        title=title,
        link_candidates=tuple(_hyperlink_targets(data)),
        notes=tuple(writer.notes),
    )


def _sheet_anchor(title: str) -> Callable[[int], str]:
    return lambda row: f"{title}!A{row}"


def _sheet_rows(rows: Iterable[tuple[object, ...]]) -> Iterator[Row]:
    """Rows with their numbers, taken from the cells: empty rows come back as empty tuples."""
    for cells in rows:
        number = next((getattr(cell, "row", None) for cell in cells if hasattr(cell, "row")), None)
        if number is not None:
            yield number, [getattr(cell, "value", None) for cell in cells]


def _hyperlink_targets(data: bytes) -> list[str]:
    """External hyperlink targets from the sheets' relationship parts; openpyxl's read-only mode
    does not load hyperlinks."""
    targets: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for entry in archive.infolist():
            name = entry.filename
            if not (name.startswith("xl/worksheets/_rels/") and name.endswith(".rels")):
                continue
            if entry.file_size > MAX_RELS_BYTES:
                continue
            root = defusedxml.ElementTree.fromstring(archive.read(entry))
            targets.extend(
                rel.get("Target", "")
                for rel in root
                if rel.get("TargetMode") == "External"
                and rel.get("Type", "").endswith(_HYPERLINK_TYPE_SUFFIX)
            )
    return targets


def parse_csv(data: bytes, *, declared_type: str | None) -> Extraction:
    text = decode_text(data, declared_type=declared_type)
    sample = text[:_CSV_SAMPLE_CHARS]
    if len(text) > len(sample):  # sniff whole lines only
        sample = sample.rsplit("\n", 1)[0]
    try:
        dialect: type[csv.Dialect] = csv.Sniffer().sniff(sample, _CSV_DELIMITERS)
    except csv.Error:  # one column, or too irregular to tell: plain commas
        dialect = csv.excel
    writer = _TableWriter()
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    records: Iterator[Row] = ((n, list(row)) for n, row in enumerate(reader, start=1))
    try:
        writer.write(records, anchor=lambda n: f"row {n}", name="The CSV file")
    except csv.Error as exc:  # e.g. a field over the csv module's size limit
        raise ParseError("corrupt", f"This CSV file could not be read: {exc}.") from exc
    return Extraction(blocks=writer.builder.blocks, notes=tuple(writer.notes))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.15g}"  # 0.1 + 0.2 shows as 0.3, as in the spreadsheet
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return clean_text(str(value))
