"""Web pages: trafilatura finds the main content (dropping scripts, navigation, footers and other
boilerplate) and returns it as XML that keeps headings, lists and tables. When it finds nothing,
a plain walk over the cleaned page takes over. PDF links come from the original page."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import use_config

from .document import Extraction
from .encoding import decode_text
from .structure import BlockBuilder, clean_lines, clean_text

_TRAFILATURA_CONFIG = use_config()
# By default a main text under 250 characters makes trafilatura fall back to a flat dump of the
# whole page, menus included; a short shipping or returns page is content, not a failure.
_TRAFILATURA_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")

# lxml refuses `str` input that carries an encoding declaration (the text is decoded already).
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HEAD_REND = re.compile(r"^h([1-6])$")

# Fallback walk: elements never worth reading, and the elements that start a new block.
_DROPPED_TAGS = (
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside",
    "form", "button", "select", "iframe", "object", "embed", "svg", "canvas",
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    [
        *_HEADING_TAGS, "p", "div", "section", "article", "main", "body", "ul", "ol", "li", "dl",
        "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "pre",
        "blockquote", "figure", "figcaption", "address", "details", "summary", "hr", "br",
    ]
)  # fmt: skip


def parse_html(data: bytes, *, declared_type: str | None) -> Extraction:
    markup = _XML_DECLARATION.sub("", decode_text(data, declared_type=declared_type, html=True))
    try:
        page = lxml_html.document_fromstring(markup)
    except etree.ParserError:  # markup without a single element: nothing to read
        return Extraction(blocks=[])
    # Read before the fallback walk strips the page down.
    anchors, hrefs = _heading_ids(page), _hrefs(page)
    page_title = clean_text(page.findtext(".//title") or "")
    builder = BlockBuilder()
    extracted = trafilatura.extract(
        markup,
        output_format="xml",
        include_tables=True,
        include_comments=False,
        include_links=False,
        include_images=False,
        include_formatting=False,
        with_metadata=True,
        favor_recall=True,
        config=_TRAFILATURA_CONFIG,
    )
    title: str | None = None
    if extracted:
        # A parser per call: lxml parsers must not be shared between worker threads.
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        document = etree.fromstring(extracted, parser)
        title = clean_text(document.get("title") or "") or None
        main = document.find("main")
        if main is not None:
            _ExtractedWalk(builder, anchors).walk(main)
    if not builder.blocks:
        _FallbackWalk(builder).walk(_cleaned_body(page))
    title = title or page_title or builder.first_heading()
    return Extraction(blocks=builder.blocks, title=title, link_candidates=tuple(hrefs))


def _hrefs(page: lxml_html.HtmlElement) -> list[str]:
    """Link targets, resolved against the page's own `<base href>` when it has one (the
    pipeline's base URL is applied afterwards)."""
    base = page.find(".//base[@href]")
    base_href = base.get("href", "").strip() if base is not None else ""
    hrefs = [anchor.get("href", "") for anchor in page.iter("a") if anchor.get("href")]
    return [urljoin(base_href, href.strip()) for href in hrefs] if base_href else hrefs


def _heading_ids(page: lxml_html.HtmlElement) -> dict[str, str]:
    """Heading text -> element id, to give headings (and their sections) deep-link anchors;
    trafilatura's output keeps no attributes."""
    ids: dict[str, str] = {}
    for heading in page.iter(*_HEADING_TAGS):
        element_id = heading.get("id") or next(
            (
                e.get("id") or e.get("name")
                for e in heading.iterdescendants()
                if e.get("id") or e.get("name")
            ),
            None,
        )
        text = clean_text(heading.text_content()).casefold()
        if element_id and text:
            ids.setdefault(text, element_id)
    return ids


def _text(element: etree._Element, *, skip: tuple[str, ...] = ()) -> str:
    """The element's text with `<lb/>` as a line break, leaving out `skip` sub-elements."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag not in skip:
            parts.append(_text(child, skip=skip))
        parts.append(child.tail or "")
    return "".join(parts)


class _ExtractedWalk:
    """Blocks from trafilatura's XML: head, p, list/item, table/row/cell, code, quote."""

    def __init__(self, builder: BlockBuilder, anchors: dict[str, str]) -> None:
        self._builder = builder
        self._anchors = anchors

    def walk(self, parent: etree._Element) -> None:
        # Text can also sit loose between the elements (as `text` and `tail`).
        self._add(parent.text or "", "paragraph")
        for element in parent:
            self._element(element)
            self._add(element.tail or "", "paragraph")

    def _element(self, element: etree._Element) -> None:
        tag = element.tag
        if tag == "head":
            text = _text(element)
            rend = _HEAD_REND.match(element.get("rend", ""))
            anchor = self._anchors.get(clean_text(text).casefold())
            self._builder.heading(text, int(rend.group(1)) if rend else 2, anchor=anchor)
        elif tag == "list":
            self._list(element)
        elif tag == "table":
            for row in element.iter("row"):
                cells = [clean_text(_text(cell)) for cell in row.findall("cell")]
                self._add(" | ".join(cells) if any(cells) else "", "table_row")
        elif tag == "code":
            self._add(_text(element), "code")
        elif len(element) and all(child.tag in ("p", "list", "table", "head") for child in element):
            self.walk(element)  # a quote or div made of paragraphs
        else:
            self._add(_text(element), "paragraph")

    def _list(self, element: etree._Element) -> None:
        for item in element.findall("item"):
            self._add(_text(item, skip=("list",)), "list_item")
            for nested in item.findall("list"):
                self._list(nested)

    def _add(self, text: str, kind: str) -> None:
        self._builder.add(text, kind, anchor=self._builder.section_anchor)


def _cleaned_body(page: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    for element in list(page.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    body = page.find("body")
    return body if body is not None else page


class _FallbackWalk:
    """Blocks from the page itself: headings, paragraphs, list items, table rows, preformatted
    text, and loose text between them."""

    def __init__(self, builder: BlockBuilder) -> None:
        self._builder = builder

    def walk(self, parent: lxml_html.HtmlElement) -> None:
        loose = [parent.text or ""]
        for element in parent:
            tag = element.tag if isinstance(element.tag, str) else ""  # comments have no tag
            if tag and tag not in _BLOCK_TAGS:
                loose.append(element.text_content())
            else:
                self._paragraph("".join(loose))
                loose = []
                self._block(element, tag)
            loose.append(element.tail or "")
        self._paragraph("".join(loose))

    def _block(self, element: lxml_html.HtmlElement, tag: str) -> None:
        anchor = self._builder.section_anchor
        if tag in _HEADING_TAGS:
            self._builder.heading(element.text_content(), int(tag[1]), anchor=element.get("id"))
        elif tag == "li":
            nested = [child for child in element if child.tag in ("ul", "ol")]
            own = [element.text or ""]
            for child in element:
                if child not in nested and isinstance(child.tag, str):
                    own.append(child.text_content())
                own.append(child.tail or "")
            self._builder.add("".join(own), "list_item", anchor=anchor)
            for child in nested:
                self.walk(child)
        elif tag == "tr":
            cells = [
                clean_text(cell.text_content()) for cell in element if cell.tag in ("td", "th")
            ]
            self._builder.add(" | ".join(cells) if any(cells) else "", "table_row", anchor=anchor)
        elif tag == "pre":
            self._builder.add(clean_lines(element.text_content()), "code", anchor=anchor)
        elif tag:
            self.walk(element)

    def _paragraph(self, text: str) -> None:
        self._builder.add(text, "paragraph", anchor=self._builder.section_anchor)
