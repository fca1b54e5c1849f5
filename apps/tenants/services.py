from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.audit.models import AuditAction
from apps.audit.services import audit_record
from apps.core.cache import cache_forget
from apps.core.tenancy.channels import CLOSE_FORBIDDEN, CLOSE_NOT_FOUND
from apps.core.tenancy.revocation import (
    access_revoke,
    store_sockets_group,
    widget_key_sockets_group,
)
from apps.tenants import provisioning
from apps.tenants.models import Domain, Plan, Tenant, WidgetKey
from apps.tenants.selectors import (
    WIDGET_KEY_PREFIX,
    widget_key_active_first,
    widget_key_cache_key,
)
from apps.tenants.validation import (
    currency_validate,
    name_validate,
    schema_name_for,
    slug_validate,
)
from apps.widget.services import widget_config_forget

logger = logging.getLogger(__name__)


class ProvisioningFailed(Exception):
    """Provisioning failed for a reason other than the input; nothing was kept."""


def tenant_provision(*, name: str, slug: str) -> Tenant:
    """Create a store: tenant row, primary domain and a schema cloned from the template.

    Runs in one transaction (PostgreSQL DDL is transactional): when any step fails, no row and
    no schema remain. Raises ValidationError for bad or taken names, ProvisioningFailed
    otherwise. Callers that add more rows (the owner's membership) wrap this in their own
    atomic block so those roll back too.
    """
    name = name_validate(name)
    slug = slug_validate(slug)
    schema_name = schema_name_for(slug)
    if Tenant.objects.filter(slug=slug).exists():
        raise ValidationError(_("That store address is taken."), code="slug_taken")
    try:
        with transaction.atomic():
            tenant = Tenant.objects.create(
                name=name,
                slug=slug,
                schema_name=schema_name,
                plan=Plan.objects.filter(is_default=True).first(),
            )
            Domain.objects.create(
                tenant=tenant, domain=f"{slug}.{settings.BASE_DOMAIN}", is_primary=True
            )
            provisioning.schema_clone_from_template(schema_name=schema_name)
    except IntegrityError as error:
        # Lost a race for the same slug: the unique constraints caught it.
        raise ValidationError(_("That store address is taken."), code="slug_taken") from error
    except Exception as error:
        logger.exception("tenant provisioning failed", extra={"slug": slug})
        raise ProvisioningFailed(str(error)) from error
    logger.info("tenant provisioned", extra={"slug": slug})
    return tenant


# What a store's admins may change themselves. The slug is the store's host name and stays;
# status and plan belong to operators and billing.
_SETTINGS_VALIDATORS: dict[str, Callable[[str], str]] = {
    "name": name_validate,
    "currency": currency_validate,
}
STORE_SETTINGS_FIELDS = frozenset(_SETTINGS_VALIDATORS)


def _setting_validated(name: str, value: str) -> str:
    try:
        return _SETTINGS_VALIDATORS[name](value)
    except ValidationError as error:
        raise ValidationError({name: error}) from error


@transaction.atomic
def tenant_settings_update(*, tenant: Tenant, actor: Any, **fields: str) -> Tenant:
    """Change the store's own settings (STORE_SETTINGS_FIELDS); call with the store's schema
    active (audited). The public widget config and the widget-key lookups cache the store row
    (its name, its currency), so both are forgotten when something changed."""
    unknown = set(fields) - STORE_SETTINGS_FIELDS
    if unknown:
        raise TypeError(f"not store settings: {sorted(unknown)}")
    cleaned = {name: _setting_validated(name, value) for name, value in fields.items()}
    row = Tenant.objects.select_for_update().get(pk=tenant.pk)
    changed = [name for name, value in cleaned.items() if getattr(row, name) != value]
    if not changed:
        return row
    for name in changed:
        setattr(row, name, cleaned[name])
    row.save(update_fields=[*changed, "updated_at"])
    audit_record(
        action=AuditAction.STORE_SETTINGS_CHANGED,
        actor=actor,
        target=row.slug,
        data={name: cleaned[name] for name in changed},
    )
    widget_config_forget()
    _store_widget_keys_forget(tenant=row)
    return row


def tenant_suspend(*, tenant: Tenant, reason: str = "") -> Tenant:
    """Suspend the store; once committed, every open socket of the store closes."""
    tenant.status = Tenant.Status.SUSPENDED
    tenant.suspended_reason = reason[:500]
    tenant.save(update_fields=["status", "suspended_reason", "updated_at"])
    _store_widget_keys_forget(tenant=tenant)
    access_revoke(group=store_sockets_group(tenant), code=CLOSE_FORBIDDEN, reason="store_suspended")
    return tenant


def tenant_activate(*, tenant: Tenant) -> Tenant:
    tenant.status = Tenant.Status.ACTIVE
    tenant.suspended_reason = ""
    tenant.save(update_fields=["status", "suspended_reason", "updated_at"])
    _store_widget_keys_forget(tenant=tenant)
    return tenant


def _store_widget_keys_forget(*, tenant: Tenant) -> None:
    """Forget the cached lookups of all the store's keys: each holds a copy of the store row."""
    _widget_key_cache_forget(keys=list(tenant.widget_keys.values_list("key", flat=True)))


def _widget_key_cache_forget(*, keys: list[str]) -> None:
    cache_forget(keys=[widget_key_cache_key(key) for key in keys])


def widget_key_create(*, tenant: Tenant, actor: Any = None) -> WidgetKey:
    """A new widget key for the store (call with the store's schema active: it is audited)."""
    key = WidgetKey.objects.create(tenant=tenant, key=WIDGET_KEY_PREFIX + secrets.token_urlsafe(24))
    audit_record(action=AuditAction.WIDGET_KEY_CREATED, actor=actor, target=key.key)
    return key


def widget_key_revoke(*, key: WidgetKey, actor: Any = None) -> WidgetKey:
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
        _widget_key_cache_forget(keys=[key.key])
        audit_record(action=AuditAction.WIDGET_KEY_REVOKED, actor=actor, target=key.key)
        access_revoke(
            group=widget_key_sockets_group(key.tenant, key=key.key),
            code=CLOSE_NOT_FOUND,
            reason="key_revoked",
        )
    return key


@transaction.atomic
def widget_key_rotate(*, key: WidgetKey, actor: Any = None) -> WidgetKey:
    """Replace a key by a new one: the old key stops working at once (pages embedding it need
    the new snippet)."""
    widget_key_revoke(key=key, actor=actor)
    return widget_key_create(tenant=key.tenant, actor=actor)


def widget_key_ensure(*, tenant: Tenant) -> WidgetKey:
    """The store's newest active key, created when it has none (demo seeding)."""
    return widget_key_active_first(tenant=tenant) or widget_key_create(tenant=tenant)
