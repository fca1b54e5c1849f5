"""Accepting invitations: single use, expiry, revocation, addressed to one email."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from apps.accounts.models import Invitation, Membership
from apps.accounts.services import invitations
from apps.core.tenancy import tenant_context
from apps.tenants.models import Tenant
from tests.accounts.factories import UserFactory


def invitation_create(*, actor, email: str, role: str):
    with tenant_context(actor.tenant):
        return invitations.invitation_create(actor=actor, email=email, role=role)


def invitation_revoke(*, actor, invitation):
    with tenant_context(actor.tenant):
        return invitations.invitation_revoke(actor=actor, invitation=invitation)


@pytest.fixture
def invitation(owner_a):
    invitation, token = invitation_create(actor=owner_a, email="guest@example.com", role="editor")
    return invitation, token


def _root(user=None) -> Client:
    client = Client(HTTP_HOST="localhost")
    if user:
        client.force_login(user)
    return client


def test_invitee_accepts_and_lands_in_the_store(invitation, tenant_a: Tenant) -> None:
    _, token = invitation
    guest = UserFactory(email="guest@example.com")
    client = _root(guest)
    assert b"Join Store A" in client.get(f"/invitations/{token}/").content
    response = client.post(f"/invitations/{token}/")
    assert (
        response.status_code == 302
        and response["Location"] == "http://localhost/stores/store-a/open/"
    )
    assert Membership.objects.get(user=guest, tenant=tenant_a).role == "editor"


def test_token_is_single_use(invitation) -> None:
    _, token = invitation
    guest = UserFactory(email="guest@example.com")
    _root(guest).post(f"/invitations/{token}/")
    again = _root(guest).post(f"/invitations/{token}/")
    assert again.status_code == 410 and b"already been used" in again.content


def test_expired_invitation_is_refused(invitation) -> None:
    record, token = invitation
    Invitation.objects.filter(pk=record.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    guest = UserFactory(email="guest@example.com")
    response = _root(guest).post(f"/invitations/{token}/")
    assert response.status_code == 410 and b"expired" in response.content
    assert not Membership.objects.filter(user=guest).exists()


def test_revoked_invitation_is_refused(invitation, owner_a) -> None:
    record, token = invitation
    invitation_revoke(actor=owner_a, invitation=record)
    response = _root(UserFactory(email="guest@example.com")).get(f"/invitations/{token}/")
    assert response.status_code == 410 and b"withdrawn" in response.content


def test_unknown_token_is_404(db: None) -> None:
    assert _root().get("/invitations/not-a-real-token/").status_code == 404


def test_someone_else_cannot_accept(invitation, tenant_a: Tenant) -> None:
    _, token = invitation
    intruder = UserFactory(email="intruder@example.com")
    response = _root(intruder).post(f"/invitations/{token}/")
    assert response.status_code == 403 and b"guest@example.com" in response.content
    assert not Membership.objects.filter(user=intruder, tenant=tenant_a).exists()


def test_anonymous_accept_is_sent_to_sign_in(invitation) -> None:
    _, token = invitation
    response = _root().post(f"/invitations/{token}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_reinviting_replaces_the_open_invitation(owner_a, invitation) -> None:
    first, first_token = invitation
    _, second_token = invitation_create(actor=owner_a, email="guest@example.com", role="viewer")
    assert Invitation.objects.get(pk=first.pk).status == "revoked"
    assert _root().get(f"/invitations/{first_token}/").status_code == 410
    assert _root().get(f"/invitations/{second_token}/").status_code == 200


def test_invitations_for_my_verified_email_show_on_the_store_picker(invitation, tenant_a) -> None:
    # given someone who signed up with the invited address (e.g. from the invitation link)
    guest = UserFactory(email="guest@example.com")
    client = _root(guest)
    page = client.get("/stores/").content.decode()
    assert "Invitations for you" in page and "Store A" in page
    # when they accept there
    record, _ = invitation
    response = client.post(f"/invitations/pending/{record.pk}/accept/")
    # then they are in, and the invitation is used up
    assert response.status_code == 302
    assert Membership.objects.get(user=guest, tenant=tenant_a).role == "editor"
    assert Invitation.objects.get(pk=record.pk).status == "accepted"
    assert "Invitations for you" not in client.get("/stores/").content.decode()


def test_unverified_or_other_addresses_cannot_accept_from_the_picker(invitation) -> None:
    record, _ = invitation
    unverified = UserFactory(email="guest@example.com", verified=False)
    other = UserFactory(email="other@example.com")
    for user in (unverified, other):
        client = _root(user)
        assert "Invitations for you" not in client.get("/stores/").content.decode()
        assert client.post(f"/invitations/pending/{record.pk}/accept/").status_code == 404
    assert Invitation.objects.get(pk=record.pk).status == "pending"
