from apps.core.api.throttling import TenantUserRateThrottle
from tests.accounts.factories import MembershipFactory
from tests.conftest import client_for


def test_callers_are_throttled_per_store_with_a_json_error(tenant_a, tenant_b, monkeypatch) -> None:
    monkeypatch.setattr(TenantUserRateThrottle, "rate", "2/min", raising=False)
    member_a = MembershipFactory(tenant=tenant_a)
    MembershipFactory(tenant=tenant_b, user=member_a.user)
    client_a = client_for(tenant_a, member_a.user)
    assert [client_a.get("/api/v1/me/").status_code for _ in range(2)] == [200, 200]
    throttled = client_a.get("/api/v1/me/")
    assert throttled.status_code == 429
    assert throttled.json()["code"] == "throttled" and "Retry-After" in throttled
    # the same person in another store has their own budget
    assert client_for(tenant_b, member_a.user).get("/api/v1/me/").status_code == 200
