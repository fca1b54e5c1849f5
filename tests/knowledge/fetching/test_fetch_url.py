import gzip
import itertools
import pickle
import socket
import time
from dataclasses import replace

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from apps.knowledge.fetching import FetchError, FetchPolicy, FetchResult, fetch_url, validate_url
from apps.knowledge.fetching import client as client_module

LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT"


def _fetch_error(url: str, policy: FetchPolicy, **kwargs) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch_url(url, policy=policy, **kwargs)
    return caught.value


def test_ok_response_reports_body_type_and_validators(httpserver: HTTPServer, policy) -> None:
    # given a page with validators
    httpserver.expect_request("/page").respond_with_data(
        "<html>hi</html>",
        content_type="Text/HTML; charset=UTF-8",
        headers={"ETag": '"v1"', "Last-Modified": LAST_MODIFIED},
    )
    # when
    result = fetch_url(httpserver.url_for("/page#section"), policy=policy)
    # then the media type is bare and lower-case, and the fragment never reaches the server
    assert result == FetchResult(
        url=httpserver.url_for("/page"),
        status=200,
        content_type="text/html",
        data=b"<html>hi</html>",
        etag='"v1"',
        last_modified=LAST_MODIFIED,
        not_modified=False,
    )
    request = httpserver.log[0][0]
    assert request.headers["User-Agent"] == policy.user_agent
    assert "If-None-Match" not in request.headers


def test_conditional_request_returns_not_modified(httpserver: HTTPServer, policy) -> None:
    # given a server that answers 304 only to the right validators
    httpserver.expect_request(
        "/page", headers={"If-None-Match": '"v1"', "If-Modified-Since": LAST_MODIFIED}
    ).respond_with_data("", status=304)
    # when
    result = fetch_url(
        httpserver.url_for("/page"), policy=policy, etag='"v1"', last_modified=LAST_MODIFIED
    )
    # then the caller's validators are kept since the 304 did not repeat them
    assert result.not_modified and result.status == 304 and result.data == b""
    assert (result.etag, result.last_modified) == ('"v1"', LAST_MODIFIED)
    httpserver.check_assertions()


def test_redirects_are_followed_and_the_final_url_reported(httpserver: HTTPServer, policy) -> None:
    # given /a -> /b (relative Location) -> /c (absolute)
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "b"})
    httpserver.expect_request("/b").respond_with_data(
        "", status=301, headers={"Location": httpserver.url_for("/c?x=1")}
    )
    httpserver.expect_request("/c", query_string="x=1").respond_with_data("final")
    # when
    result = fetch_url(httpserver.url_for("/a"), policy=policy)
    # then
    assert result.url == httpserver.url_for("/c?x=1")
    assert result.data == b"final"


@pytest.mark.parametrize("chain", [["/a", "/a"], ["/a", "/b", "/c", "/a"]])
def test_redirect_loop(httpserver: HTTPServer, policy, chain: list[str]) -> None:
    # given redirects that come back to a URL already visited
    for source, target in itertools.pairwise(chain):
        httpserver.expect_request(source).respond_with_data(
            "", status=307, headers={"Location": target}
        )
    # when
    error = _fetch_error(httpserver.url_for(chain[0]), policy)
    # then each URL was requested once
    assert error.code == "redirect_loop"
    assert len(httpserver.log) == len(chain) - 1


def _redirect_chain(httpserver: HTTPServer, hops: int) -> None:
    for hop in range(hops):
        httpserver.expect_request(f"/r{hop}").respond_with_data(
            "", status=302, headers={"Location": f"/r{hop + 1}"}
        )
    httpserver.expect_request(f"/r{hops}").respond_with_data("end")


def test_six_redirects_are_too_many(httpserver: HTTPServer, policy) -> None:
    # given six redirects before the content, with the default limit of five
    _redirect_chain(httpserver, hops=6)
    # when
    error = _fetch_error(httpserver.url_for("/r0"), policy)
    # then the last hop is never requested
    assert error.code == "too_many_redirects"
    assert [request.path for request, _ in httpserver.log] == [f"/r{hop}" for hop in range(6)]


def test_five_redirects_are_fine(httpserver: HTTPServer, policy) -> None:
    _redirect_chain(httpserver, hops=5)
    assert fetch_url(httpserver.url_for("/r0"), policy=policy).data == b"end"


def test_declared_length_over_the_limit_is_refused(httpserver: HTTPServer, policy) -> None:
    # given a response whose Content-Length exceeds max_bytes
    httpserver.expect_request("/big").respond_with_data(b"x" * 2000)
    # when
    error = _fetch_error(httpserver.url_for("/big"), replace(policy, max_bytes=1000))
    # then
    assert error.code == "too_large" and "Content-Length 2000" in error.message


def test_streamed_body_over_the_limit_is_aborted(httpserver: HTTPServer, policy) -> None:
    # given a streamed response without Content-Length, 64 KiB in all
    def stream(request: Request) -> Response:
        response = Response((b"x" * 1024 for _ in range(64)), content_type="text/plain")
        assert "Content-Length" not in response.headers
        return response

    httpserver.expect_request("/stream").respond_with_handler(stream)
    # when
    error = _fetch_error(httpserver.url_for("/stream"), replace(policy, max_bytes=10_000))
    # then
    assert error.code == "too_large" and "exceeds 10000" in error.message


def test_limit_applies_to_the_decoded_body(httpserver: HTTPServer, policy) -> None:
    # given a gzip bomb: 4 MiB of zeros in a few KiB of Content-Encoding: gzip
    bomb = gzip.compress(b"\0" * (4 * 1024 * 1024))
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, headers={"Content-Encoding": "gzip"}, content_type="text/html"
    )
    assert len(bomb) < 100_000
    # when
    error = _fetch_error(httpserver.url_for("/bomb"), replace(policy, max_bytes=100_000))
    # then
    assert error.code == "too_large"


def test_slow_response_times_out(httpserver: HTTPServer, policy) -> None:
    # given a server that takes a second to answer
    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    # when
    started = time.monotonic()
    error = _fetch_error(httpserver.url_for("/slow"), replace(policy, timeout_s=0.2))
    # then we gave up well before the answer
    assert error.code == "timeout"
    assert time.monotonic() - started < 0.9


@pytest.mark.parametrize("status", [404, 410, 500, 503])
def test_error_statuses_raise_http_error(httpserver: HTTPServer, policy, status: int) -> None:
    httpserver.expect_request("/page").respond_with_data("nope", status=status)
    error = _fetch_error(httpserver.url_for("/page"), policy)
    assert (error.code, error.status) == ("http_error", status)
    assert str(status) in error.message and error.url == httpserver.url_for("/page")


def test_connection_refused_is_connection_failed(policy) -> None:
    # given a port that was free a moment ago and has no listener
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # when
    error = _fetch_error(f"http://127.0.0.1:{port}/", policy)
    # then
    assert error.code == "connection_failed"


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/file",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "mailto:shop@example.com",
        "/relative/path",
        "http:///no-host",
        "http://[::1/broken",
    ],
)
def test_only_absolute_http_urls_are_fetched(policy, url: str) -> None:
    assert _fetch_error(url, policy).code == "invalid_url"


def test_redirect_to_another_scheme_is_refused(httpserver: HTTPServer, policy) -> None:
    httpserver.expect_request("/a").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"}
    )
    assert _fetch_error(httpserver.url_for("/a"), policy).code == "invalid_url"


# -- SSRF guard


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]"])
def test_loopback_is_refused_before_any_request(httpserver: HTTPServer, host: str) -> None:
    # given the default policy, which forbids private addresses
    url = f"http://{host}:{httpserver.port}/"
    httpserver.expect_request("/").respond_with_data("internal")
    # when
    error = _fetch_error(url, FetchPolicy())
    # then
    assert error.code == "blocked_address"
    assert httpserver.log == []


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://10.0.0.1/",
        "http://[::1]:6379/",
        "http://0.0.0.0:8000/",
        "http://2130706433/",  # 127.0.0.1 as a decimal number
    ],
)
def test_private_addresses_are_refused(url: str) -> None:
    assert _fetch_error(url, FetchPolicy()).code == "blocked_address"


def test_private_addresses_allowed_when_the_policy_says_so(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_data("dev")
    url = f"http://127.0.0.1:{httpserver.port}/"
    assert fetch_url(url, policy=FetchPolicy(allow_private_addresses=True)).data == b"dev"


def test_every_redirect_hop_passes_the_guard(httpserver: HTTPServer, monkeypatch) -> None:
    # given "localhost" treated as public, redirecting to the metadata address
    real = client_module.blocked_address_for
    monkeypatch.setattr(
        client_module,
        "blocked_address_for",
        lambda host, port: None if host == "localhost" else real(host, port),
    )
    httpserver.expect_request("/innocent").respond_with_data(
        "", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    # when
    error = _fetch_error(httpserver.url_for("/innocent"), FetchPolicy())
    # then the first hop was fetched, the second refused
    assert error.code == "blocked_address" and "169.254.169.254" in error.url
    assert len(httpserver.log) == 1


def test_fetch_error_survives_pickling() -> None:
    error = FetchError("http_error", "HTTP 503", url="https://shop.example/", status=503)
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert (copy.code, copy.message, copy.url, copy.status) == (
        "http_error",
        "HTTP 503",
        "https://shop.example/",
        503,
    )


def test_validate_url_for_merchant_input(httpserver: HTTPServer) -> None:
    # given URLs a merchant might submit, checked before any work is queued
    with pytest.raises(FetchError) as caught:
        validate_url("http://169.254.169.254/", policy=FetchPolicy())
    assert caught.value.code == "blocked_address"
    with pytest.raises(FetchError) as caught:
        validate_url("shop.example", policy=FetchPolicy())
    assert caught.value.code == "invalid_url"
    # then an acceptable URL comes back normalised, without contacting it
    allowed = FetchPolicy(allow_private_addresses=True)
    assert validate_url(f"http://LOCALHOST:{httpserver.port}#x", policy=allowed) == (
        f"http://localhost:{httpserver.port}/"
    )
    assert httpserver.log == []
