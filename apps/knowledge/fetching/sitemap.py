"""Sitemap parsing (sitemaps.org protocol): `<urlset>` pages and `<sitemapindex>` children.

Sitemaps are untrusted XML, so they go through defusedxml: entity declarations (billion laughs,
quadratic blowup) and external entities/DTDs are refused instead of expanded. Gzip'd sitemaps
are inflated with an output limit, since a few kilobytes of gzip can inflate to gigabytes.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

_GZIP_MAGIC = b"\x1f\x8b"


class SitemapError(ValueError):
    """The document is not a sitemap we can (or may safely) read. `code` is "invalid_sitemap",
    or "too_large" when a gzip'd sitemap inflates beyond the limit."""

    def __init__(self, message: str, *, code: str = "invalid_sitemap") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Sitemap:
    is_index: bool  # True: `locations` are further sitemaps; False: pages
    locations: list[str]


def parse_sitemap(data: bytes, *, max_bytes: int) -> Sitemap:
    # Sniff the magic rather than trusting ".gz" or Content-Type: servers often send .xml.gz
    # with Content-Encoding: gzip (httpx already inflated it) or as application/octet-stream.
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data, max_bytes=max_bytes)
    try:
        root = fromstring(data)
    except DefusedXmlException as error:
        raise SitemapError(
            "unsafe XML refused: sitemaps may not declare entities or a DTD"
        ) from error
    except ParseError as error:
        raise SitemapError(f"not well-formed XML: {error}") from error

    kind = _local_name(root.tag)
    if kind == "sitemapindex":
        entry_name = "sitemap"
    elif kind == "urlset":
        entry_name = "url"
    else:
        raise SitemapError(f"root element <{kind}> is neither <urlset> nor <sitemapindex>")
    # Match on local names: sitemaps in the wild use the 0.9 namespace, an old one, or none.
    locations = []
    for entry in root:
        if _local_name(entry.tag) != entry_name:
            continue
        for field in entry:
            if _local_name(field.tag) == "loc" and field.text and field.text.strip():
                locations.append(field.text.strip())
                break
    return Sitemap(is_index=kind == "sitemapindex", locations=locations)


def _gunzip(data: bytes, *, max_bytes: int) -> bytes:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # 16+: expect a gzip header
    try:
        inflated = inflater.decompress(data, max_bytes + 1)
    except zlib.error as error:
        raise SitemapError(f"corrupt gzip: {error}") from error
    if len(inflated) > max_bytes:
        raise SitemapError(f"gzip inflates beyond {max_bytes} bytes", code="too_large")
    return inflated


def _local_name(tag: object) -> str:
    # Comments and processing instructions have a callable tag; they are never entries.
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
