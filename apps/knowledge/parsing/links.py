"""Finding links to PDF files, which the pipeline may offer to ingest as further sources."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'`{}|\\^\[\]]+", re.I)
# Characters that end a sentence around a URL rather than belonging to it.
_TRAILING = ".,;:!?)'\""
# Browsers drop these from hrefs before resolving them.
_HREF_NOISE = re.compile(r"[\t\n\r]")


def urls_in_text(text: str) -> list[str]:
    return [match.rstrip(_TRAILING) for match in _URL_IN_TEXT.findall(text)]


def pdf_links(candidates: Iterable[str], *, base_url: str | None) -> list[str]:
    """Absolute http(s) URLs whose path ends in `.pdf`, relative ones resolved against
    `base_url` (dropped without one), fragments removed, first occurrence kept."""
    found: dict[str, None] = {}
    for candidate in candidates:
        href = _HREF_NOISE.sub("", candidate.strip())
        if not href:
            continue
        try:
            parts = urlsplit(urljoin(base_url, href) if base_url else href)
            hostname = parts.hostname
        except ValueError:  # malformed ports or IPv6 literals in untrusted hrefs
            continue
        if parts.scheme.lower() not in ("http", "https") or not hostname:
            continue
        if not unquote(parts.path).lower().endswith(".pdf"):
            continue
        url = urlunsplit((parts.scheme.lower(), parts.netloc, parts.path, parts.query, ""))
        found.setdefault(url, None)
    return list(found)
