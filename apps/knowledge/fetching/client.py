"""One safe GET of a merchant-supplied URL (synchronous: callers are Dramatiq worker threads).

Everything a hostile or broken server can do to a worker is bounded here: where it makes us
connect (SSRF guard on every redirect hop), how long it keeps us (per-operation timeout plus a
deadline for the whole fetch), and how much memory it makes us use (max_bytes, counted after
Content-Encoding is undone, so a gzip bomb stops at the limit too).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from apps.core.addresses import blocked_address_for

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# The per-operation timeout does not stop a server that drips a byte every few seconds; the whole
# fetch (all hops and the body) must also finish within this many timeouts.
_DEADLINE_FACTOR = 4
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str = "AisleBot/1.0 (+https://aisle.example/bot)"
    timeout_s: float = 15.0
    max_bytes: int = 25 * 1024 * 1024
    max_redirects: int = 5
    # SSRF guard: refuse loopback/private/link-local/multicast/reserved addresses unless True
    # (tests and local development fetch from 127.0.0.1).
    allow_private_addresses: bool = False


@dataclass(frozen=True)
class FetchResult:
    url: str  # final URL after redirects, without fragment
    status: int  # 2xx, or 304 when not_modified
    content_type: str | None  # media type without parameters, lower-case
    data: bytes  # b"" when not_modified
    etag: str | None
    last_modified: str | None
    not_modified: bool


class FetchError(Exception):
    """A fetch that produced no usable body. `code` is one of:

    invalid_url, blocked_address, too_many_redirects, redirect_loop, too_large, timeout,
    connection_failed, http_error (4xx/5xx and unusable 3xx; `status` is set), robots_disallowed,
    off_site (SiteCrawler only: the URL or a redirect left the crawled site).
    """

    def __init__(self, code: str, message: str, *, url: str, status: int | None = None) -> None:
        super().__init__(f"{code}: {message} ({url})")
        self.code = code
        self.message = message
        self.url = url
        self.status = status

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments defeat Exception's default pickling (result backends, retries).
        return (_rebuild_error, (self.code, self.message, self.url, self.status))


def _rebuild_error(code: str, message: str, url: str, status: int | None) -> FetchError:
    return FetchError(code, message, url=url, status=status)


HopCheck = Callable[[httpx.URL], None]
"""Called with every URL about to be requested (first and each redirect); raises FetchError to
stop. The crawler uses it to keep redirects on-site and within robots.txt."""


def make_client(policy: FetchPolicy) -> httpx.Client:
    # Redirects are followed by hand so every hop passes the SSRF guard.
    return httpx.Client(
        headers={"User-Agent": policy.user_agent},
        timeout=policy.timeout_s,
        follow_redirects=False,
    )


def fetch_url(
    url: str,
    *,
    policy: FetchPolicy,
    etag: str | None = None,
    last_modified: str | None = None,
    client: httpx.Client | None = None,
) -> FetchResult:
    """GET `url`. With `etag`/`last_modified` the request is conditional and a 304 comes back as
    `not_modified=True` with empty data. Follows up to `policy.max_redirects` redirects, checking
    each hop against the SSRF guard; a URL seen twice is a `redirect_loop`. Raises FetchError.

    Pass a shared `client` to reuse connections (and cookies) across calls; its own redirect,
    timeout and User-Agent settings are overridden per request. Without one, a client is made
    and closed for this call.
    """
    return fetch_checked(
        url, policy=policy, etag=etag, last_modified=last_modified, client=client, check_hop=None
    )


def fetch_checked(
    url: str,
    *,
    policy: FetchPolicy,
    etag: str | None = None,
    last_modified: str | None = None,
    client: httpx.Client | None = None,
    check_hop: HopCheck | None = None,
) -> FetchResult:
    """fetch_url with an extra per-hop check (see HopCheck)."""
    if client is None:
        with make_client(policy) as own_client:
            return _fetch(url, policy, etag, last_modified, own_client, check_hop)
    return _fetch(url, policy, etag, last_modified, client, check_hop)


def validate_url(url: str, *, policy: FetchPolicy) -> str:
    """The normalised URL if fetch_url would try it (http/https, has a host, resolves only to
    public addresses under `policy`); else FetchError invalid_url, blocked_address or
    connection_failed (does not resolve). For validating merchant input before queueing work;
    redirects can still lead elsewhere, and fetch_url checks every hop again."""
    parsed = parse_http_url(url)
    _guard_address(parsed, policy)
    return str(parsed)


def parse_http_url(url: str | httpx.URL) -> httpx.URL:
    """The URL without fragment, if it is an absolute http(s) URL with a host."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as error:
        raise FetchError("invalid_url", str(error), url=str(url)) from error
    if parsed.scheme not in ("http", "https"):
        raise FetchError("invalid_url", "only http and https URLs are fetched", url=str(url))
    if not parsed.raw_host:
        raise FetchError("invalid_url", "URL has no host", url=str(url))
    # Rebuilding from raw_path turns "http://h:8080" into "http://h:8080/" so one page has one
    # spelling, without re-encoding anything (%2F stays %2F).
    return parsed.copy_with(raw_path=parsed.raw_path, fragment=None)


def _fetch(
    url: str,
    policy: FetchPolicy,
    etag: str | None,
    last_modified: str | None,
    client: httpx.Client,
    check_hop: HopCheck | None,
) -> FetchResult:
    deadline = time.monotonic() + policy.timeout_s * _DEADLINE_FACTOR
    headers = {
        "User-Agent": policy.user_agent,
        "Accept": _ACCEPT,
        # Only zlib encodings: httpx inflates them one network chunk at a time, so a bomb grows
        # memory by at most ~1000x a chunk before max_bytes stops it.
        "Accept-Encoding": "gzip, deflate",
    }
    # Validators go on every hop: they belong to whatever this URL ends up serving.
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified

    current = parse_http_url(url)
    visited = {str(current)}
    while True:
        _guard_address(current, policy)
        if check_hop is not None:
            check_hop(current)
        try:
            with client.stream(
                "GET", current, headers=headers, follow_redirects=False, timeout=policy.timeout_s
            ) as response:
                location = response.headers.get("location")
                if response.status_code not in _REDIRECTS or not location:
                    return _read(response, str(current), policy, deadline, etag, last_modified)
                # Leaving the block without reading the redirect's body closes the connection,
                # which is cheaper than downloading a body nobody wants.
        except httpx.TimeoutException as error:
            raise FetchError(
                "timeout", f"no response within {policy.timeout_s}s", url=str(current)
            ) from error
        except httpx.HTTPError as error:
            raise FetchError("connection_failed", _describe(error), url=str(current)) from error

        try:
            joined = current.join(location)
        except httpx.InvalidURL as error:
            raise FetchError("invalid_url", f"bad redirect Location: {error}", url=url) from error
        target = parse_http_url(joined)
        if str(target) in visited:
            raise FetchError("redirect_loop", f"redirects back to {target}", url=url)
        if len(visited) > policy.max_redirects:
            raise FetchError(
                "too_many_redirects", f"more than {policy.max_redirects} redirects", url=url
            )
        if time.monotonic() > deadline:
            raise FetchError("timeout", "redirect chain took too long", url=url)
        visited.add(str(target))
        current = target


def _guard_address(url: httpx.URL, policy: FetchPolicy) -> None:
    if policy.allow_private_addresses:
        return
    host = url.raw_host.decode("ascii")
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        blocked = blocked_address_for(host, port)
    except (OSError, UnicodeError) as error:
        raise FetchError(
            "connection_failed", f"cannot resolve {host}: {error}", url=str(url)
        ) from error
    if blocked is not None:
        raise FetchError(
            "blocked_address", f"{host} resolves to non-public {blocked}", url=str(url)
        )


def _read(
    response: httpx.Response,
    url: str,
    policy: FetchPolicy,
    deadline: float,
    etag: str | None,
    last_modified: str | None,
) -> FetchResult:
    status = response.status_code
    content_type = _media_type(response.headers.get("content-type"))
    if status == 304:
        return FetchResult(
            url=url,
            status=304,
            content_type=content_type,
            data=b"",
            # A 304 may omit validators that did not change; keep the caller's then.
            etag=response.headers.get("etag") or etag,
            last_modified=response.headers.get("last-modified") or last_modified,
            not_modified=True,
        )
    if status >= 300:  # 4xx/5xx, or a 3xx we cannot follow (300, 304 unasked, no Location)
        message = f"HTTP {status} {response.reason_phrase}".strip()
        raise FetchError("http_error", message, url=url, status=status)

    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError("too_large", f"Content-Length {declared} > {policy.max_bytes}", url=url)
    body = bytearray()
    for chunk in response.iter_bytes():  # decoded: the limit applies to the expanded body
        body += chunk
        if len(body) > policy.max_bytes:
            raise FetchError("too_large", f"body exceeds {policy.max_bytes} bytes", url=url)
        if time.monotonic() > deadline:
            raise FetchError("timeout", "body download took too long", url=url)
    return FetchResult(
        url=url,
        status=status,
        content_type=content_type,
        data=bytes(body),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        not_modified=False,
    )


def _media_type(header: str | None) -> str | None:
    media_type = (header or "").split(";", 1)[0].strip().lower()
    return media_type or None


def _describe(error: httpx.HTTPError) -> str:
    """What went wrong, in words (the source's error is shown to the merchant)."""
    if isinstance(error, httpx.ConnectError):
        what = "could not connect to the server"
    elif isinstance(error, httpx.RemoteProtocolError):
        what = "the server broke the HTTP protocol"
    elif isinstance(error, httpx.ReadError | httpx.WriteError):
        what = "the connection was cut"
    else:
        what = "the request failed"
    return f"{what} ({error})" if str(error) else what
