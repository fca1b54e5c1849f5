"""Word documents (.docx) through python-docx: headings from paragraph styles, list paragraphs,
tables row by row. The ZIP container has been checked for bombs by the sniffer already."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.styles.style import CharacterStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from .document import Extraction, ParseError
from .structure import BlockBuilder, clean_text

_HEADING_STYLE = re.compile(r"^heading ([1-9])$", re.I)
# Custom styles inherit from built-in ones; a short chain is enough and bounds broken cycles.
_MAX_STYLE_DEPTH = 10


def parse_docx(data: bytes) -> Extraction:
    try:
        document = Document(io.BytesIO(data))
    except ValueError as exc:  # python-docx's answer to a macro-enabled file or a template
        raise ParseError(
            "unsupported_type",
            "This Word file is macro-enabled or a template. Save it as a .docx document.",
        ) from exc
    builder = BlockBuilder()
    styled_title: str | None = None
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            _add_table(builder, item)
            continue
        level = _heading_level(item)
        if level == 0:
            styled_title = styled_title or clean_text(item.text) or None
            builder.heading(item.text, 1)
        elif level is not None:
            builder.heading(item.text, level)
        else:
            builder.add(item.text, "list_item" if _is_list_item(item) else "paragraph")
    links = tuple(
        rel.target_ref
        for rel in document.part.rels.values()
        if rel.reltype == RELATIONSHIP_TYPE.HYPERLINK and rel.is_external
    )
    title = (
        clean_text(document.core_properties.title or "") or styled_title or builder.first_heading()
    )
    return Extraction(blocks=builder.blocks, title=title, link_candidates=links)


def _heading_level(paragraph: Paragraph) -> int | None:
    """0 for the Title style, 1-6 for Heading 1-9 (deeper levels fold into 6), else None."""
    style: CharacterStyle | None = paragraph.style
    for _ in range(_MAX_STYLE_DEPTH):
        if style is None:
            return None
        name = style.name or ""
        if name.lower() == "title":
            return 0
        match = _HEADING_STYLE.match(name)
        if match:
            return min(int(match.group(1)), 6)
        style = style.base_style
    return None


def _is_list_item(paragraph: Paragraph) -> bool:
    """A list style, or direct numbering (python-docx has no public API for `w:numPr`)."""
    style_name = (paragraph.style.name if paragraph.style else None) or ""
    properties = paragraph._p.pPr
    return style_name.startswith("List") or (
        properties is not None and properties.numPr is not None
    )


def _add_table(builder: BlockBuilder, table: Table) -> None:
    for row in table.rows:
        cells: list[str] = []
        nested: list[Table] = []
        seen: list[object] = []
        for cell in row.cells:
            # Merged cells come back once per grid column they span: keep the first. The list
            # holds the elements themselves, so the identity test cannot hit a recycled id.
            if any(cell._tc is element for element in seen):
                continue
            seen.append(cell._tc)
            cells.append(clean_text(cell.text))
            nested.extend(cell.tables)
        if any(cells):
            builder.add(" | ".join(cells), "table_row")
        for inner in nested:
            _add_table(builder, inner)
