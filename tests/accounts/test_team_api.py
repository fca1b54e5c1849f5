"""Members, roles and invitations over the API, with store isolation and role checks."""

import pytest
from django.core import mail

from apps.accounts.models import Invitation, Membership
from apps.accounts.roles import Role
from apps.tenants.models import Tenant
from tests.accounts.factories import MembershipFactory
from tests.conftest import client_for


def test_me_describes_user_store_and_role(tenant_a: Tenant, owner_a) -> None:
    MembershipFactory(
        user=owner_a.user, tenant=Tenant.objects.get(slug="store-b"), role=Role.VIEWER
    )
    body = client_for(tenant_a, owner_a.user).get("/api/v1/me/").json()
    assert body["tenant"] == {"slug": "store-a", "name": "Store A", "status": "active"}
    assert body["role"] == "owner"
    assert [s["slug"] for s in body["stores"]] == ["store-a", "store-b"]
    assert body["stores"][0]["url"] == "http://localhost/stores/store-a/open/"


def test_anonymous_api_call_is_401_json(tenant_a: Tenant) -> None:
    response = client_for(tenant_a).get("/api/v1/members/")
    assert response.status_code in (401, 403)
    assert response.json()["code"] == "not_authenticated"


def test_member_list_shows_only_this_stores_members(
    tenant_a: Tenant, tenant_b: Tenant, owner_a, owner_b
) -> None:
    MembershipFactory(tenant=tenant_a, role=Role.EDITOR)
    response = client_for(tenant_a, owner_a.user).get("/api/v1/members/")
    emails = [row["user"]["email"] for row in response.json()["results"]]
    assert owner_a.user.email in emails and len(emails) == 2
    assert owner_b.user.email not in emails


def test_another_stores_member_id_is_not_found(tenant_a: Tenant, owner_a, owner_b) -> None:
    client = client_for(tenant_a, owner_a.user)
    assert client.get(f"/api/v1/members/{owner_b.pk}/").status_code == 404
    assert (
        client.patch(
            f"/api/v1/members/{owner_b.pk}/", {"role": "viewer"}, content_type="application/json"
        ).status_code
        == 404
    )
    assert Membership.objects.get(pk=owner_b.pk).role == Role.OWNER


def test_admin_changes_a_role_and_it_is_audited(tenant_a: Tenant, owner_a) -> None:
    from apps.audit.models import AuditEvent
    from apps.core.tenancy import tenant_context

    editor = MembershipFactory(tenant=tenant_a, role=Role.EDITOR)
    response = client_for(tenant_a, owner_a.user).patch(
        f"/api/v1/members/{editor.pk}/", {"role": "admin"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["role"] == "admin"
    with tenant_context(tenant_a):
        event = AuditEvent.objects.get(action="member.role_changed")
    assert event.target == editor.user.email and event.data == {"from": "editor", "to": "admin"}


@pytest.mark.parametrize("role", [Role.EDITOR, Role.VIEWER])
def test_lower_roles_cannot_change_roles(tenant_a: Tenant, role: str) -> None:
    actor = MembershipFactory(tenant=tenant_a, role=role)
    target = MembershipFactory(tenant=tenant_a, role=Role.VIEWER)
    response = client_for(tenant_a, actor.user).patch(
        f"/api/v1/members/{target.pk}/", {"role": "editor"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json()["code"] == "insufficient_role"
    assert Membership.objects.get(pk=target.pk).role == Role.VIEWER


def test_admin_cannot_make_an_owner(tenant_a: Tenant) -> None:
    admin = MembershipFactory(tenant=tenant_a, role=Role.ADMIN)
    target = MembershipFactory(tenant=tenant_a, role=Role.EDITOR)
    response = client_for(tenant_a, admin.user).patch(
        f"/api/v1/members/{target.pk}/", {"role": "owner"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_last_owner_cannot_leave_or_be_demoted(tenant_a: Tenant, owner_a) -> None:
    client = client_for(tenant_a, owner_a.user)
    demote = client.patch(
        f"/api/v1/members/{owner_a.pk}/", {"role": "admin"}, content_type="application/json"
    )
    assert demote.status_code == 400 and demote.json()["code"] == "last_owner"
    leave = client.delete(f"/api/v1/members/{owner_a.pk}/")
    assert leave.status_code == 400 and leave.json()["code"] == "last_owner"


def test_invalid_role_error_names_the_field(tenant_a: Tenant, owner_a) -> None:
    response = client_for(tenant_a, owner_a.user).post(
        "/api/v1/invitations/",
        {"email": "x@example.com", "role": "emperor"},
        content_type="application/json",
    )
    assert response.status_code == 400
    body = response.json()
    assert body["field"] == "role" and body["code"] == "invalid_choice" and body["detail"]


def test_invitation_is_emailed_and_listed_only_in_its_store(
    tenant_a: Tenant, owner_a, owner_b, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(tenant_a, owner_a.user).post(
            "/api/v1/invitations/",
            {"email": "New@Example.com", "role": "editor"},
            content_type="application/json",
        )
    assert response.status_code == 201
    assert response.json()["email"] == "new@example.com"
    assert len(mail.outbox) == 1 and "http://localhost/invitations/" in mail.outbox[0].body
    assert mail.outbox[0].to == ["new@example.com"]
    listed_b = client_for(Tenant.objects.get(slug="store-b"), owner_b.user).get(
        "/api/v1/invitations/"
    )
    assert listed_b.json()["count"] == 0


def test_editor_cannot_invite(tenant_a: Tenant) -> None:
    editor = MembershipFactory(tenant=tenant_a, role=Role.EDITOR)
    response = client_for(tenant_a, editor.user).post(
        "/api/v1/invitations/",
        {"email": "x@example.com", "role": "viewer"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_inviting_an_existing_member_is_refused(tenant_a: Tenant, owner_a) -> None:
    member = MembershipFactory(tenant=tenant_a)
    response = client_for(tenant_a, owner_a.user).post(
        "/api/v1/invitations/",
        {"email": member.user.email, "role": "viewer"},
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["code"] == "already_member"


def test_revoking_another_stores_invitation_is_not_found(
    tenant_a: Tenant, tenant_b: Tenant, owner_a, owner_b
) -> None:
    from tests.accounts.test_invitations import invitation_create

    invitation, _ = invitation_create(actor=owner_b, email="z@example.com", role="viewer")
    response = client_for(tenant_a, owner_a.user).delete(f"/api/v1/invitations/{invitation.pk}/")
    assert response.status_code == 404
    assert Invitation.objects.get(pk=invitation.pk).revoked_at is None


def test_pagination_shape(tenant_a: Tenant, owner_a) -> None:
    for _ in range(3):
        MembershipFactory(tenant=tenant_a)
    body = client_for(tenant_a, owner_a.user).get("/api/v1/members/?page_size=2").json()
    assert body["count"] == 4 and len(body["results"]) == 2 and body["next"]
