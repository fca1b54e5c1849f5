"""`make dev`'s second demo store (Brightwell Home) belongs to the demo owner."""

from __future__ import annotations

from apps.accounts.demo import DEMO_EMAIL, SECOND_DEMO_SLUG, second_demo_store_ensure
from apps.accounts.models import Membership, User
from apps.accounts.roles import Role


def test_the_second_demo_store_is_provisioned_once_for_the_demo_owner(db: None) -> None:
    # given the demo owner
    owner = User.objects.create(email=DEMO_EMAIL, name="Demo Owner")
    # when the second store is ensured twice (every `make dev`)
    first = second_demo_store_ensure()
    again = second_demo_store_ensure()
    # then it is one store, slug brightwell, with the demo owner as its only owner
    assert first.pk == again.pk and first.slug == SECOND_DEMO_SLUG
    memberships = Membership.objects.filter(tenant=first)
    assert [(m.user_id, m.role) for m in memberships] == [(owner.pk, Role.OWNER)]
