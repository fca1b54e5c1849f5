import gzip

import pytest

from apps.knowledge.fetching.sitemap import Sitemap, SitemapError, parse_sitemap

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <!-- products -->
  <url><loc>
    https://shop.example/p/1?colour=red&amp;size=m
  </loc><lastmod>2024-01-01</lastmod></url>
  <url><lastmod>2024-01-01</lastmod></url>
  <url><loc>https://shop.example/p/2</loc></url>
</urlset>"""

INDEX = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://shop.example/sitemap-1.xml</loc></sitemap>
</sitemapindex>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<urlset><url><loc>&lol9;</loc></url></urlset>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<urlset><url><loc>&secret;</loc></url></urlset>"""


def test_urlset_locations_are_trimmed_and_unescaped() -> None:
    assert parse_sitemap(URLSET, max_bytes=10_000) == Sitemap(
        is_index=False,
        locations=["https://shop.example/p/1?colour=red&size=m", "https://shop.example/p/2"],
    )


def test_index_lists_sitemaps() -> None:
    sitemap = parse_sitemap(INDEX, max_bytes=10_000)
    assert sitemap == Sitemap(is_index=True, locations=["https://shop.example/sitemap-1.xml"])


def test_gzip_is_recognised_by_its_magic() -> None:
    assert parse_sitemap(gzip.compress(URLSET), max_bytes=10_000).locations[1].endswith("/p/2")


def test_gzip_inflating_past_the_limit_is_refused() -> None:
    with pytest.raises(SitemapError) as caught:
        parse_sitemap(gzip.compress(URLSET + b" " * 50_000), max_bytes=10_000)
    assert caught.value.code == "too_large"


@pytest.mark.timeout(10)
@pytest.mark.parametrize("document", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_entity_tricks_are_refused(document: bytes) -> None:
    with pytest.raises(SitemapError, match="unsafe XML refused"):
        parse_sitemap(document, max_bytes=1_000_000)


@pytest.mark.parametrize(
    "document", [b"<html><body>Not found</body></html>", b"User-agent: *", b"\x1f\x8bnot gzip"]
)
def test_other_documents_are_invalid(document: bytes) -> None:
    with pytest.raises(SitemapError) as caught:
        parse_sitemap(document, max_bytes=10_000)
    assert caught.value.code == "invalid_sitemap"
