import gzip

import pytest
from pytest_httpserver import HTTPServer

from apps.knowledge.fetching import FetchError, FetchPolicy, SiteCrawler
from tests.knowledge.fetching.test_sitemap import BILLION_LAUGHS


def _page(*hrefs: str) -> str:
    links = "".join(f'<a href="{href}">link</a>' for href in hrefs)
    return f"<!doctype html><html><body>{links}</body></html>"


def _urlset(*urls: str) -> str:
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'


def _index(*urls: str) -> str:
    entries = "".join(f"<sitemap><loc>{url}</loc></sitemap>" for url in urls)
    return f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'


def _serve(httpserver: HTTPServer, path: str, body: str | bytes, content_type="text/html") -> None:
    httpserver.expect_request(path).respond_with_data(body, content_type=content_type)


def _robots(httpserver: HTTPServer, text: str | None) -> None:
    if text is None:
        httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    else:
        _serve(httpserver, "/robots.txt", text, content_type="text/plain")


def _no_sitemap(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/sitemap.xml").respond_with_data("", status=404)


def _requested(httpserver: HTTPServer) -> list[str]:
    return [request.full_path.rstrip("?") for request, _ in httpserver.log]


def _offsite(httpserver: HTTPServer, path: str) -> str:
    # Same server, other host name: a different site as far as the crawler is concerned.
    return f"http://127.0.0.1:{httpserver.port}{path}"


@pytest.fixture
def crawl(httpserver: HTTPServer, policy: FetchPolicy):
    sleeps: list[float] = []

    def make(**kwargs) -> SiteCrawler:
        kwargs.setdefault("delay_s", 0.0)
        return SiteCrawler(httpserver.url_for("/"), policy=policy, sleep=sleeps.append, **kwargs)

    make.sleeps = sleeps  # type: ignore[attr-defined]
    return make


# -- sitemaps


def test_sitemap_index_leads_to_nested_sitemaps(httpserver: HTTPServer, crawl) -> None:
    # given robots.txt naming an index of two sitemaps, one listing an off-site URL
    url = httpserver.url_for
    _robots(httpserver, f"User-agent: *\nDisallow:\nSitemap: {url('/sitemap_index.xml')}\n")
    _serve(httpserver, "/sitemap_index.xml", _index(url("/products.xml"), url("/pages.xml")))
    _serve(
        httpserver, "/products.xml", _urlset(url("/p/1"), url("/p/2"), _offsite(httpserver, "/x"))
    )
    _serve(httpserver, "/pages.xml", _urlset(url("/faq"), url("/p/1")))
    # when
    with crawl() as crawler:
        pages = list(crawler.discover())
    # then pages come from the sitemaps alone: none is fetched during discovery
    assert pages == [url("/p/1"), url("/p/2"), url("/faq")]
    assert crawler.skipped_offsite == 1 and crawler.errors == [] and crawler.fetched == {}
    assert _requested(httpserver) == [
        "/robots.txt",
        "/sitemap_index.xml",
        "/products.xml",
        "/pages.xml",
    ]


def test_gzipped_sitemap(httpserver: HTTPServer, crawl) -> None:
    url = httpserver.url_for
    _robots(httpserver, f"Sitemap: {url('/sitemap.xml.gz')}\n")
    body = gzip.compress(_urlset(url("/a"), url("/b")).encode())
    _serve(httpserver, "/sitemap.xml.gz", body, content_type="application/gzip")
    assert list(crawl().discover()) == [url("/a"), url("/b")]


def test_sitemap_xml_is_tried_without_robots_txt(httpserver: HTTPServer, crawl) -> None:
    url = httpserver.url_for
    _robots(httpserver, None)
    _serve(httpserver, "/sitemap.xml", _urlset(url("/a")), content_type="application/xml")
    assert list(crawl().discover()) == [url("/a")]


def test_www_and_https_variants_are_the_same_site(httpserver: HTTPServer, crawl) -> None:
    # given a sitemap spelling the site's pages several ways
    port = httpserver.port
    _robots(httpserver, None)
    listed = [
        f"http://www.localhost:{port}/a",
        f"http://localhost:{port}/a",  # the same page as the www. one
        f"https://localhost:{port}/b",
        f"http://localhost:{port + 1}/c",  # another port is another site
    ]
    _serve(httpserver, "/sitemap.xml", _urlset(*listed), content_type="application/xml")
    # when
    crawler = crawl()
    pages = list(crawler.discover())
    # then
    assert pages == listed[0:1] + listed[2:3]
    assert crawler.skipped_offsite == 1


def test_sitemap_max_pages(httpserver: HTTPServer, crawl) -> None:
    url = httpserver.url_for
    _robots(httpserver, None)
    # (served as text/html, as some misconfigured servers do)
    _serve(httpserver, "/sitemap.xml", _urlset(*(url(f"/p/{n}") for n in range(10))))
    assert list(crawl(max_pages=3).discover()) == [url("/p/0"), url("/p/1"), url("/p/2")]


@pytest.mark.timeout(10)
def test_xml_bomb_sitemap_is_refused_and_the_crawl_goes_on(httpserver: HTTPServer, crawl) -> None:
    # given robots.txt pointing at a billion-laughs sitemap
    _robots(httpserver, f"Sitemap: {httpserver.url_for('/bomb.xml')}\n")
    _serve(httpserver, "/bomb.xml", BILLION_LAUGHS, content_type="application/xml")
    _serve(httpserver, "/", _page())
    # when
    crawler = crawl()
    pages = list(crawler.discover())
    # then the error is recorded and discovery falls back to following links
    assert crawler.errors == [
        (
            httpserver.url_for("/bomb.xml"),
            "invalid_sitemap",
            "unsafe XML refused: sitemaps may not declare entities or a DTD",
        )
    ]
    assert pages == [httpserver.url_for("/")]


def test_missing_declared_sitemap_is_an_error(httpserver: HTTPServer, crawl) -> None:
    _robots(httpserver, f"Sitemap: {httpserver.url_for('/gone.xml')}\n")
    httpserver.expect_request("/gone.xml").respond_with_data("", status=404)
    _serve(httpserver, "/", _page())
    crawler = crawl()
    assert list(crawler.discover()) == [httpserver.url_for("/")]
    assert [(url, code) for url, code, _ in crawler.errors] == [
        (httpserver.url_for("/gone.xml"), "http_error")
    ]


def test_html_served_as_sitemap_xml_means_no_sitemap(httpserver: HTTPServer, crawl) -> None:
    # given a shop that answers every unknown path with its home page
    _robots(httpserver, None)
    _serve(httpserver, "/sitemap.xml", _page())
    _serve(httpserver, "/", _page())
    crawler = crawl()
    assert list(crawler.discover()) == [httpserver.url_for("/")]
    assert crawler.errors == []


# -- robots.txt


def test_disallowed_pages_are_never_requested(httpserver: HTTPServer, crawl) -> None:
    # given rules for us and a stricter group for another bot
    _robots(
        httpserver,
        "User-agent: OtherBot\nDisallow: /\n\nUser-agent: AisleBot\nDisallow: /private\n",
    )
    _no_sitemap(httpserver)
    _serve(httpserver, "/", _page("/private/secret", "/public"))
    _serve(httpserver, "/public", _page("/private"))
    # when
    crawler = crawl()
    pages = list(crawler.discover())
    # then
    assert pages == [httpserver.url_for("/"), httpserver.url_for("/public")]
    assert not any(path.startswith("/private") for path in _requested(httpserver))
    assert crawler.skipped_disallowed == 2
    with pytest.raises(FetchError) as caught:
        crawler.fetch_page(httpserver.url_for("/private/secret"))
    assert caught.value.code == "robots_disallowed"
    assert not any(path.startswith("/private") for path in _requested(httpserver))


@pytest.mark.parametrize(
    ("delay_s", "robots", "expected"),
    [
        (1.0, "User-agent: *\nCrawl-delay: 7\n", 7.0),
        (10.0, "User-agent: *\nCrawl-delay: 7\n", 10.0),
        (1.0, "User-agent: *\nRequest-rate: 1/20\n", 20.0),
        (1.0, "User-agent: *\nCrawl-delay: 86400\n", 60.0),  # capped: see MAX_CRAWL_DELAY_S
    ],
)
def test_crawl_delay_is_honoured(
    httpserver: HTTPServer, crawl, delay_s: float, robots: str, expected: float
) -> None:
    # given a three-page site
    _robots(httpserver, robots)
    _serve(httpserver, "/", _page("/a"))
    _serve(httpserver, "/a", _page("/b"))
    _serve(httpserver, "/b", _page())
    # when
    crawler = crawl(delay_s=delay_s, use_sitemap=False)
    assert len(list(crawler.discover())) == 3
    # then robots.txt and three pages were fetched with a pause before each but the first
    assert len(httpserver.log) == 4
    assert len(crawl.sleeps) == 3
    assert all(expected - 0.5 < pause <= expected for pause in crawl.sleeps)


def test_robots_server_error_means_nothing_is_crawled(httpserver: HTTPServer, crawl) -> None:
    # given robots.txt failing with 503 (RFC 9309: assume complete disallow)
    httpserver.expect_request("/robots.txt").respond_with_data("down", status=503)
    # when
    crawler = crawl()
    pages = list(crawler.discover())
    # then
    assert pages == []
    assert [(url, code) for url, code, _ in crawler.errors] == [
        (httpserver.url_for("/robots.txt"), "robots_unavailable")
    ]
    with pytest.raises(FetchError) as caught:
        crawler.fetch_page(httpserver.url_for("/"))
    assert caught.value.code == "robots_disallowed"
    assert _requested(httpserver) == ["/robots.txt"]


def test_start_page_disallowed_is_reported(httpserver: HTTPServer, crawl) -> None:
    _robots(httpserver, "User-agent: *\nDisallow: /\n")
    _no_sitemap(httpserver)
    crawler = crawl()
    assert list(crawler.discover()) == []
    assert [code for _, code, _ in crawler.errors] == ["robots_disallowed"]


# -- breadth-first crawl


def test_crawl_follows_links_once_each_and_stays_on_site(httpserver: HTTPServer, crawl) -> None:
    # given pages linking to each other, with fragments, queries, files and other sites
    url = httpserver.url_for
    _robots(httpserver, None)
    _no_sitemap(httpserver)
    _serve(
        httpserver,
        "/",
        _page(
            "/a",
            "/a#reviews",
            "a",
            "/b?colour=red&amp;size=m",
            _offsite(httpserver, "/elsewhere"),
            "mailto:shop@example.com",
            "javascript:void(0)",
            "tel:+123",
            "/logo.png",
            "#top",
        ),
    )
    _serve(
        httpserver, "/a", _page("/", "/b?colour=red&size=m#x", _offsite(httpserver, "/elsewhere"))
    )
    httpserver.expect_request("/b", query_string="colour=red&size=m").respond_with_data(
        _page("/a"), content_type="text/html"
    )
    # when
    crawler = crawl()
    pages = list(crawler.discover())
    # then each page is yielded once, fragments gone, queries kept
    assert pages == [url("/"), url("/a"), url("/b?colour=red&size=m")]
    assert _requested(httpserver) == [
        "/robots.txt",
        "/sitemap.xml",
        "/",
        "/a",
        "/b?colour=red&size=m",
    ]
    assert crawler.skipped_offsite == 1  # one distinct off-site URL, linked twice
    # and the bodies fetched on the way are handed over
    assert set(crawler.fetched) == set(pages)
    assert crawler.fetched[url("/a")].data.startswith(b"<!doctype html>")


def test_crawl_stops_at_max_pages(httpserver: HTTPServer, crawl) -> None:
    _robots(httpserver, None)
    _no_sitemap(httpserver)
    _serve(httpserver, "/", _page(*(f"/p/{n}" for n in range(10))))
    for n in range(10):
        _serve(httpserver, f"/p/{n}", _page("/"))
    pages = list(crawl(max_pages=3).discover())
    assert pages == [httpserver.url_for(path) for path in ("/", "/p/0", "/p/1")]
    assert _requested(httpserver)[2:] == ["/", "/p/0", "/p/1"]


def test_redirects_inside_the_site_yield_the_final_url(httpserver: HTTPServer, crawl) -> None:
    # given two old URLs redirecting to one new page
    _robots(httpserver, None)
    _no_sitemap(httpserver)
    _serve(httpserver, "/", _page("/old-1", "/old-2"))
    for old in ("/old-1", "/old-2"):
        httpserver.expect_request(old).respond_with_data(
            "", status=301, headers={"Location": "/new"}
        )
    _serve(httpserver, "/new", _page())
    pages = list(crawl().discover())
    assert pages == [httpserver.url_for("/"), httpserver.url_for("/new")]


def test_redirect_to_another_host_is_not_followed(httpserver: HTTPServer, crawl) -> None:
    _robots(httpserver, None)
    _no_sitemap(httpserver)
    _serve(httpserver, "/", _page("/moved"))
    httpserver.expect_request("/moved").respond_with_data(
        "", status=302, headers={"Location": _offsite(httpserver, "/elsewhere")}
    )
    crawler = crawl()
    assert list(crawler.discover()) == [httpserver.url_for("/")]
    assert "/elsewhere" not in _requested(httpserver)
    assert crawler.skipped_offsite == 1 and crawler.errors == []


def test_start_page_moving_to_another_host_is_reported(httpserver: HTTPServer, crawl) -> None:
    _robots(httpserver, None)
    _no_sitemap(httpserver)
    httpserver.expect_request("/").respond_with_data(
        "", status=301, headers={"Location": _offsite(httpserver, "/")}
    )
    crawler = crawl()
    assert list(crawler.discover()) == []
    assert [code for _, code, _ in crawler.errors] == ["off_site"]


def test_failing_pages_are_recorded_and_the_crawl_goes_on(httpserver: HTTPServer, crawl) -> None:
    _robots(httpserver, None)
    _no_sitemap(httpserver)
    _serve(httpserver, "/", _page("/broken", "/ok"))
    httpserver.expect_request("/broken").respond_with_data("oops", status=500)
    _serve(httpserver, "/ok", _page())
    crawler = crawl()
    assert list(crawler.discover()) == [httpserver.url_for("/"), httpserver.url_for("/ok")]
    [(url, code, message)] = crawler.errors
    assert (url, code) == (httpserver.url_for("/broken"), "http_error") and "500" in message


def test_non_html_pages_are_not_yielded(httpserver: HTTPServer, crawl) -> None:
    _robots(httpserver, None)
    _no_sitemap(httpserver)
    _serve(httpserver, "/", _page("/download", "/manual.pdf"))
    _serve(httpserver, "/download", b"%PDF-1.7", content_type="application/pdf")
    assert list(crawl().discover()) == [httpserver.url_for("/")]
    # a link that names a file type is not even fetched
    assert "/manual.pdf" not in _requested(httpserver)


# -- fetch_page


def test_fetch_page_waits_its_turn_and_is_conditional(httpserver: HTTPServer, crawl) -> None:
    _robots(httpserver, None)
    httpserver.expect_request("/a", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304
    )
    crawler = crawl(delay_s=5.0)
    result = crawler.fetch_page(httpserver.url_for("/a"), etag='"v1"')
    assert result.not_modified
    assert len(crawl.sleeps) == 1 and 4.5 < crawl.sleeps[0] <= 5.0  # after robots.txt
    with pytest.raises(FetchError) as caught:
        crawler.fetch_page(_offsite(httpserver, "/a"))
    assert caught.value.code == "off_site"
    assert _requested(httpserver) == ["/robots.txt", "/a"]


def test_private_site_is_refused_without_requests(httpserver: HTTPServer) -> None:
    # given the production policy and a start URL on loopback
    crawler = SiteCrawler(httpserver.url_for("/"), policy=FetchPolicy(), sleep=lambda _: None)
    # when
    pages = list(crawler.discover())
    # then
    assert pages == []
    [(url, code, message)] = crawler.errors
    assert (url, code) == (httpserver.url_for("/robots.txt"), "robots_unavailable")
    assert "blocked_address" in message
    assert httpserver.log == []


def test_nested_sitemap_indexes_are_depth_limited(httpserver: HTTPServer, crawl) -> None:
    # given index -> index -> index -> urlset, one level deeper than followed
    url = httpserver.url_for
    _robots(httpserver, f"Sitemap: {url('/i0.xml')}\n")
    for level in range(3):
        _serve(httpserver, f"/i{level}.xml", _index(url(f"/i{level + 1}.xml")))
    _serve(httpserver, "/i3.xml", _urlset(url("/deep")))
    _serve(httpserver, "/", _page())
    # when
    crawler = crawl()
    pages = list(crawler.discover())
    # then the deepest sitemap is not fetched and discovery falls back to links
    assert "/i3.xml" not in _requested(httpserver)
    assert [(u, code) for u, code, _ in crawler.errors] == [(url("/i2.xml"), "invalid_sitemap")]
    assert pages == [url("/")]
