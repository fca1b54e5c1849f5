from django.test import Client

from apps.tenants.models import Tenant
from tests.accounts.factories import MembershipFactory, UserFactory


def test_staff_see_stores_with_status_and_member_counts(tenant_a: Tenant, tenant_b: Tenant) -> None:
    MembershipFactory(tenant=tenant_a)
    MembershipFactory(tenant=tenant_a)
    client = Client(HTTP_HOST="localhost")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get("/console/django/tenants/tenant/").content.decode()
    assert "Store A" in page and "Store B" in page
    assert '<td class="field-member_count">2</td>' in page
    assert "Active" in page


def test_staff_can_suspend_a_store_and_data_is_kept(tenant_a: Tenant) -> None:
    member = MembershipFactory(tenant=tenant_a)
    client = Client(HTTP_HOST="localhost")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    client.post(
        "/console/django/tenants/tenant/", {"action": "suspend", "_selected_action": [tenant_a.pk]}
    )
    tenant_a.refresh_from_db()
    assert tenant_a.status == "suspended"
    assert tenant_a.memberships.filter(pk=member.pk).exists()


def test_the_console_is_for_staff_only(tenant_a: Tenant) -> None:
    client = Client(HTTP_HOST="localhost")
    client.force_login(UserFactory())
    assert client.get("/console/django/tenants/tenant/").status_code == 302


def test_the_console_is_not_served_on_store_hosts(tenant_a: Tenant) -> None:
    client = Client(HTTP_HOST="store-a.localhost")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/console/django/").status_code in (403, 404)
