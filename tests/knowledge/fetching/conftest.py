import pytest

from apps.knowledge.fetching import FetchPolicy


@pytest.fixture
def policy() -> FetchPolicy:
    # The test server listens on localhost, which the SSRF guard would (rightly) refuse.
    return FetchPolicy(allow_private_addresses=True, timeout_s=5.0)
