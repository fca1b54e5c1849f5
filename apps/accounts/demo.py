"""The demo stores `make dev` creates: tenant `demo` with a verified owner account, and the
second demo store `brightwell` (Brightwell Home, the yardstick nobody tuned on) owned by the same
account.

The owner's password is generated once and kept in demo-credentials.json in the data directory
(`.data/`, ignored by git) so every `make dev` prints the same credentials."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from allauth.account.models import EmailAddress
from django.db import transaction

from apps.accounts.models import User
from apps.accounts.roles import Role
from apps.accounts.services.memberships import membership_create
from apps.tenants.models import Tenant
from apps.tenants.selectors import tenant_get_by_slug, tenant_url
from apps.tenants.services import tenant_provision
from config import embedded_services

DEMO_SLUG = "demo"
DEMO_NAME = "Demo Outfitters"
DEMO_EMAIL = "owner@demo.test"
SECOND_DEMO_SLUG = "brightwell"
SECOND_DEMO_NAME = "Brightwell Home"


@dataclass(frozen=True)
class DemoCredentials:
    email: str
    password: str
    url: str
    slug: str = DEMO_SLUG


def _credentials_file() -> Path:
    # Next to the embedded database it belongs to (AISLE_DATA_DIR).
    return embedded_services.DATA_DIR / "demo-credentials.json"


def demo_store_ensure() -> DemoCredentials:
    path = _credentials_file()
    stored = json.loads(path.read_text()) if path.exists() else {}
    with transaction.atomic():
        user = User.objects.filter(email=DEMO_EMAIL).first()
        password = stored.get("password")
        if user is None or not password or not user.check_password(password):
            password = secrets.token_urlsafe(12)
            user = user or User(email=DEMO_EMAIL, name="Demo Owner")
            user.set_password(password)
            user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=DEMO_EMAIL, defaults={"verified": True, "primary": True}
        )
        tenant = tenant_get_by_slug(slug=DEMO_SLUG) or tenant_provision(
            name=DEMO_NAME, slug=DEMO_SLUG
        )
        membership_create(user=user, tenant=tenant, role=Role.OWNER)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"email": DEMO_EMAIL, "password": password}))
    path.chmod(0o600)
    return DemoCredentials(email=DEMO_EMAIL, password=password, url=tenant_url(tenant=tenant))


def second_demo_store_ensure() -> Tenant:
    """Brightwell Home, owned by the demo owner (call after `demo_store_ensure`)."""
    with transaction.atomic():
        owner = User.objects.get(email=DEMO_EMAIL)
        tenant = tenant_get_by_slug(slug=SECOND_DEMO_SLUG) or tenant_provision(
            name=SECOND_DEMO_NAME, slug=SECOND_DEMO_SLUG
        )
        membership_create(user=owner, tenant=tenant, role=Role.OWNER)
    return tenant


def demo_credentials_get() -> DemoCredentials | None:
    """The demo owner's sign-in as `demo_store_ensure` last stored it (None before that)."""
    path = _credentials_file()
    tenant = tenant_get_by_slug(slug=DEMO_SLUG)
    if tenant is None or not path.exists():
        return None
    stored = json.loads(path.read_text())
    return DemoCredentials(
        email=stored["email"], password=stored["password"], url=tenant_url(tenant=tenant)
    )
