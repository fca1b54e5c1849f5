"""Discovering the pages of one merchant site, politely (robots.txt, Crawl-delay, sitemaps)."""

from __future__ import annotations

import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import replace
from html.parser import HTMLParser
from types import TracebackType
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

import httpx

from apps.knowledge.fetching.client import (
    FetchError,
    FetchPolicy,
    FetchResult,
    HopCheck,
    fetch_checked,
    make_client,
    parse_http_url,
)
from apps.knowledge.fetching.sitemap import Sitemap, SitemapError, parse_sitemap

logger = logging.getLogger(__name__)

# RFC 9309 asks crawlers to parse at least 500 KiB of robots.txt.
ROBOTS_MAX_BYTES = 512 * 1024
# A worker thread sleeps through the delay between requests; a site asking for more than this
# would hold it for hours per crawl, so the request is honoured only up to this cap.
MAX_CRAWL_DELAY_S = 60.0
# Sitemap indexes may (against the protocol) nest; follow index -> index -> urlset at most.
MAX_SITEMAP_DEPTH = 2
MAX_SITEMAP_FILES = 50
# Requests the BFS may spend per page it yields (others go to errors, non-HTML, redirects).
FETCH_BUDGET_PER_PAGE = 3
MAX_FRONTIER = 10_000
# Bodies kept in `fetched` for the pipeline; past this they are dropped and fetched again.
FETCHED_MAX_BYTES = 64 * 1024 * 1024

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Links the BFS never fetches: it only follows HTML pages, and downloading a video to learn that
# it is not HTML wastes the site's bandwidth and ours.
# fmt: off
SKIPPED_EXTENSIONS = frozenset({
    "avif", "bmp", "gif", "ico", "jpeg", "jpg", "png", "svg", "tif", "tiff", "webp",  # images
    "avi", "m4a", "mov", "mp3", "mp4", "mpeg", "ogg", "wav", "webm",  # audio, video
    "7z", "exe", "gz", "rar", "tar", "tgz", "zip",  # archives, binaries
    "css", "eot", "js", "json", "otf", "rss", "ttf", "woff", "woff2", "xml",  # assets, feeds
    "csv", "doc", "docx", "pdf", "ppt", "pptx", "xls", "xlsx",  # documents: not HTML pages
})
# fmt: on

PageKey = tuple[str, int | None, bytes]


class SiteCrawler:
    """Discovers the pages of one site. Not thread-safe; one crawler per crawl.

    The site is the host of `start_url` with or without "www.", over http or https (sites
    redirect one to the other; treating them as different sites would lose every page), on the
    same port. robots.txt is read once from the start URL's origin. Every request the crawler
    makes (robots.txt, sitemaps, pages, fetch_page) waits its turn: at least the delay
    (max(delay_s, Crawl-delay)) after the previous one ended.

    Use as a context manager (or call close()) when no client is passed in.
    """

    errors: list[tuple[str, str, str]]
    skipped_offsite: int

    def __init__(
        self,
        start_url: str,
        *,
        policy: FetchPolicy,
        max_pages: int = 200,
        delay_s: float = 1.0,
        use_sitemap: bool = True,
        client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._start = parse_http_url(start_url)  # FetchError("invalid_url") for a bad URL
        self.start_url = str(self._start)
        self.policy = policy
        self.max_pages = max_pages
        self.delay_s = delay_s
        self.use_sitemap = use_sitemap
        self.sleep = sleep
        # (url, code, message): pages/sitemaps that failed; the crawl went on without them.
        self.errors = []
        self.skipped_offsite = 0  # distinct off-site URLs seen in links, sitemaps and redirects
        self.skipped_disallowed = 0  # on-site URLs robots.txt kept us from
        # Bodies of pages discover() fetched anyway (BFS), by yielded URL. Pop them as you use
        # them: the crawler never evicts on its own.
        self.fetched: dict[str, FetchResult] = {}
        self._site = _site_key(self._start)
        self._origin = str(self._start.copy_with(raw_path=b"/"))
        self._robots: RobotFileParser | None = None
        self._robots_unavailable = False
        self._effective_delay_s = delay_s
        self._last_request_end: float | None = None
        self._offsite: set[str] = set()
        self._owns_client = client is None
        self._client = client if client is not None else make_client(policy)

    # -- lifecycle

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> SiteCrawler:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- public API

    def discover(self) -> Iterator[str]:
        """Yields absolute on-site page URLs, each once, at most max_pages.

        Sitemaps first (robots.txt `Sitemap:` lines, else /sitemap.xml); only if they yield no
        page, a breadth-first crawl of HTML links from start_url. Failures go to `errors`.
        """
        if not self._load_robots():
            return
        emitted: set[PageKey] = set()
        if self.use_sitemap:
            for page in self._sitemap_pages():
                key = _page_key(page)
                if key in emitted:
                    continue
                emitted.add(key)
                yield str(page)
                if len(emitted) >= self.max_pages:
                    return
        if not emitted:
            yield from self._crawl(emitted)

    def fetch_page(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """fetch_url with the crawler's policy and client, after waiting its turn. Raises
        FetchError: robots_disallowed (also when robots.txt could not be read), off_site (the
        URL or one of its redirects leaves the site), or any fetch_url code."""
        target = parse_http_url(url)
        if not self._load_robots():
            raise FetchError(
                "robots_disallowed", "robots.txt unavailable: assuming full disallow", url=url
            )
        self._check_page_hop(target)  # before waiting: no point sleeping for a refusal
        return self._request(
            str(target), check_hop=self._check_page_hop, etag=etag, last_modified=last_modified
        )

    # -- robots.txt

    def _load_robots(self) -> bool:
        """Reads robots.txt on first use; False when nothing may be fetched."""
        if self._robots is None:
            self._robots = self._read_robots()
        return not self._robots_unavailable

    def _read_robots(self) -> RobotFileParser:
        robots_url = self._origin + "robots.txt"
        rules = RobotFileParser(robots_url)
        small = replace(self.policy, max_bytes=min(self.policy.max_bytes, ROBOTS_MAX_BYTES))
        try:
            # Redirects are followed even off-site (RFC 9309 2.3.1.2); no hop check.
            result = self._request(robots_url, check_hop=None, policy=small)
        except FetchError as error:
            if error.code == "http_error" and error.status is not None and error.status < 500:
                rules.parse([])  # RFC 9309 2.3.1.3: 4xx means no restrictions
            else:
                # RFC 9309 2.3.1.4: a server error or an unreachable file means full disallow.
                self._robots_unavailable = True
                detail = f"robots.txt unavailable ({error.code}: {error.message}); nothing crawled"
                self._record(robots_url, "robots_unavailable", detail)
            return rules
        text = result.data.decode("utf-8", errors="replace").removeprefix("\ufeff")
        rules.parse(text.splitlines())

        agent = self.policy.user_agent
        wanted = float(rules.crawl_delay(agent) or 0)
        rate = rules.request_rate(agent)
        if rate is not None and rate.requests > 0:
            wanted = max(wanted, rate.seconds / rate.requests)
        self._effective_delay_s = max(self.delay_s, min(wanted, MAX_CRAWL_DELAY_S))
        return rules

    def _allowed(self, url: httpx.URL) -> bool:
        assert self._robots is not None, "robots.txt is read before any page"
        # The stdlib matcher takes the user agent's product token ("aislebot") from the header.
        return self._robots.can_fetch(self.policy.user_agent, str(url))

    # -- sitemaps

    def _sitemap_pages(self) -> Iterator[httpx.URL]:
        assert self._robots is not None
        declared = self._robots.site_maps() or []
        # (location, depth, declared): a declared sitemap that fails is an error; the guessed
        # /sitemap.xml missing is just a site without one.
        queue: deque[tuple[str | None, int, bool]] = deque((url, 0, True) for url in declared)
        if not queue:
            queue.append((self._origin + "sitemap.xml", 0, False))
        seen: set[str] = set()
        while queue:
            location, depth, was_declared = queue.popleft()
            if location is None:
                continue
            try:
                url = parse_http_url(location)
            except FetchError as error:
                self._record(location, error.code, error.message)
                continue
            if str(url) in seen:
                continue
            if len(seen) >= MAX_SITEMAP_FILES:
                message = f"more than {MAX_SITEMAP_FILES} sitemap files; the rest were ignored"
                self._record(location, "invalid_sitemap", message)
                return
            seen.add(str(url))
            sitemap = self._read_sitemap(url, was_declared)
            if sitemap is None:
                continue
            if sitemap.is_index:
                if depth >= MAX_SITEMAP_DEPTH:
                    message = f"sitemap index nested deeper than {MAX_SITEMAP_DEPTH}; not followed"
                    self._record(str(url), "invalid_sitemap", message)
                    continue
                queue.extend((_join(url, loc), depth + 1, True) for loc in sitemap.locations)
                continue
            for location in sitemap.locations:
                page = self._on_site(_join(url, location), skip_files=False)
                if page is None:
                    continue
                if not self._allowed(page):
                    self.skipped_disallowed += 1
                    continue
                yield page

    def _read_sitemap(self, url: httpx.URL, declared: bool) -> Sitemap | None:
        """The parsed sitemap, or None after recording why not. The guessed /sitemap.xml being
        absent, disallowed or an HTML "soft 404" (the shop's home page served for any path) only
        means the site has no sitemap there, and is not an error."""
        try:
            self._check_sitemap_hop(url)  # before waiting: no point sleeping for a refusal
            result = self._request(str(url), check_hop=self._check_sitemap_hop)
        except FetchError as error:
            absent = error.code == "robots_disallowed" or (
                error.code == "http_error" and error.status is not None and error.status < 500
            )
            if declared or not absent:
                self._record(str(url), error.code, error.message)
            return None
        try:
            return parse_sitemap(result.data, max_bytes=self.policy.max_bytes)
        except SitemapError as error:
            if declared or result.content_type not in HTML_TYPES:
                self._record(str(url), error.code, str(error))
            return None

    def _check_sitemap_hop(self, url: httpx.URL) -> None:
        # Sitemaps may live on another host (cross-submission via robots.txt); robots.txt rules
        # are ours to apply only on this site.
        if _site_key(url) == self._site and not self._allowed(url):
            raise FetchError("robots_disallowed", "disallowed by robots.txt", url=str(url))

    # -- breadth-first crawl

    def _crawl(self, emitted: set[PageKey]) -> Iterator[str]:
        queue = deque([self._start])
        queued = {_page_key(self._start)}
        budget = self.max_pages * FETCH_BUDGET_PER_PAGE
        while queue and len(emitted) < self.max_pages and budget > 0:
            url = queue.popleft()
            is_start = url is self._start
            if not self._allowed(url):
                self.skipped_disallowed += 1
                if is_start:
                    self._record(str(url), "robots_disallowed", "robots.txt disallows start page")
                continue
            budget -= 1
            try:
                result = self._request(str(url), check_hop=self._check_page_hop)
            except FetchError as error:
                if error.code == "off_site":
                    self._note_offsite(error.url)
                elif error.code == "robots_disallowed":
                    self.skipped_disallowed += 1
                # Every other page failure is recorded; so is the start page leaving the site,
                # since then nothing at all is found and the merchant should use the new address.
                if is_start or error.code not in ("off_site", "robots_disallowed"):
                    self._record(str(url), error.code, error.message)
                continue
            if not _is_html(result):
                continue
            final = parse_http_url(result.url)
            key = _page_key(final)
            if key in emitted:  # two URLs redirected to the same page
                continue
            emitted.add(key)
            queued.add(key)
            for link in _links(result.data, base=result.url):
                target = self._on_site(link, skip_files=True)
                if target is None:
                    continue
                target_key = _page_key(target)
                if target_key not in queued and len(queued) < MAX_FRONTIER:
                    queued.add(target_key)
                    queue.append(target)
            self._keep(str(final), result)
            yield str(final)

    def _check_page_hop(self, url: httpx.URL) -> None:
        if _site_key(url) != self._site:
            raise FetchError("off_site", "leaves the crawled site", url=str(url))
        if not self._allowed(url):
            raise FetchError("robots_disallowed", "disallowed by robots.txt", url=str(url))

    def _keep(self, url: str, result: FetchResult) -> None:
        held = sum(len(kept.data) for kept in self.fetched.values())
        if held + len(result.data) <= FETCHED_MAX_BYTES:
            self.fetched[url] = result

    # -- helpers

    def _on_site(self, location: str | None, *, skip_files: bool) -> httpx.URL | None:
        """The URL if it is an on-site page worth visiting; off-site URLs are counted, other
        schemes (mailto:, javascript:, tel:) and malformed URLs ignored."""
        if location is None:
            return None
        try:
            url = parse_http_url(location)
        except FetchError:
            return None
        if _site_key(url) != self._site:
            self._note_offsite(str(url))
            return None
        if skip_files and url.path.rpartition(".")[2].lower() in SKIPPED_EXTENSIONS:
            return None
        return url

    def _note_offsite(self, url: str) -> None:
        self._offsite.add(url)
        self.skipped_offsite = len(self._offsite)

    def _request(
        self,
        url: str,
        *,
        check_hop: HopCheck | None,
        policy: FetchPolicy | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchResult:
        if self._last_request_end is not None:
            # Time spent parsing since the last request counts towards the delay.
            remaining = self._effective_delay_s - (time.monotonic() - self._last_request_end)
            if remaining > 0:
                self.sleep(remaining)
        try:
            return fetch_checked(
                url,
                policy=policy or self.policy,
                etag=etag,
                last_modified=last_modified,
                client=self._client,
                check_hop=check_hop,
            )
        finally:
            self._last_request_end = time.monotonic()

    def _record(self, url: str, code: str, message: str) -> None:
        logger.info("crawl problem", extra={"url": url, "code": code, "detail": message})
        self.errors.append((url, code, message))


def _site_key(url: httpx.URL) -> tuple[str, int | None]:
    # httpx gives the IDNA (punycode) host and None for the scheme's default port.
    return url.raw_host.decode("ascii").lower().removeprefix("www."), url.port


def _page_key(url: httpx.URL) -> PageKey:
    """What makes two URLs the same page: scheme and "www." do not, the query does."""
    host, port = _site_key(url)
    return host, port, url.raw_path


def _join(base: httpx.URL | str, location: str) -> str | None:
    try:
        return urljoin(str(base), location.strip())
    except ValueError:  # e.g. an unbalanced "[" in the host part
        return None


def _is_html(result: FetchResult) -> bool:
    if result.content_type is not None:
        return result.content_type in HTML_TYPES
    head = result.data[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if not href:
            return
        if tag in ("a", "area"):
            self.hrefs.append(href)
        elif tag == "base" and self.base is None:
            self.base = href


def _links(data: bytes, *, base: str) -> list[str | None]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # Link targets are almost always ASCII; cp1252 at least keeps the bytes distinct.
        text = data.decode("cp1252", errors="replace")
    parser = _LinkParser()
    # html.parser raises AssertionError on some malformed markup; keep the links found so far.
    with contextlib.suppress(AssertionError):
        parser.feed(text)
        parser.close()
    if parser.base:  # <base href> changes what relative links are relative to
        declared = _join(base, parser.base)
        if declared is not None and declared.startswith(("http://", "https://")):
            base = declared
    return [_join(base, href) for href in parser.hrefs]
