from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer

from tests.conversations.llm_server import LlmServer


@pytest.fixture(scope="session")
def _llm_http() -> Iterator[HTTPServer]:
    # Threaded: a stalled stream must not block the next request.
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def llm_server(_llm_http: HTTPServer) -> Iterator[LlmServer]:
    server = LlmServer(_llm_http)
    yield server
    server.release.set()
    _llm_http.clear()
