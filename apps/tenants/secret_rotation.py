"""Re-encrypting every registered secret under the newest key (`manage.py rotate_secrets`).

It lives in tenants because it works across stores: a field of a tenant app is rotated in every
store's schema (tenant_context per store), a field of a shared app once, on the public schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db.models import Model, Q

from apps.core.secrets import (
    EncryptedField,
    SecretDecryptError,
    encrypted_field_list,
    secret_rotate,
)
from apps.core.tenancy import tenant_context
from apps.tenants.selectors import store_list


@dataclass(frozen=True)
class SecretRotationFailure:
    store: str  # the store's slug, or "public"
    field: str  # "app_label.Model.field"
    pk: object


@dataclass
class SecretRotationResult:
    rotated: int = 0
    failures: list[SecretRotationFailure] = field(default_factory=list)


def secrets_rotate_everywhere() -> SecretRotationResult:
    """Re-encrypt every registered encrypted field, in every store and on the public schema,
    under the newest key. Each row is saved on its own, so a run killed mid-way leaves every
    secret decryptable (old key or new) and running again finishes the job. A secret that no
    configured key decrypts is left as it is and reported, so the others are still rotated."""
    result = SecretRotationResult()
    in_stores: list[EncryptedField] = []
    shared: list[EncryptedField] = []
    for encrypted in encrypted_field_list():
        model = apps.get_model(encrypted.model_label)
        (in_stores if _is_tenant_model(model) else shared).append(encrypted)
    for encrypted in shared:
        _rotate_field(encrypted, store="public", result=result)
    if in_stores:
        for tenant in store_list():
            with tenant_context(tenant):
                for encrypted in in_stores:
                    _rotate_field(encrypted, store=tenant.slug, result=result)
    return result


def _is_tenant_model(model: type[Model]) -> bool:
    return model._meta.app_config.name in settings.TENANT_APPS


def _rotate_field(encrypted: EncryptedField, *, store: str, result: SecretRotationResult) -> None:
    name = encrypted.field_name
    label = f"{encrypted.model_label}.{name}"
    model = apps.get_model(encrypted.model_label)
    rows = model._default_manager.filter(Q(**{f"{name}__isnull": False}) & ~Q(**{name: ""}))
    for row in rows.only("pk", name).order_by("pk").iterator():
        try:
            setattr(row, name, secret_rotate(getattr(row, name)))
        except SecretDecryptError:
            result.failures.append(SecretRotationFailure(store=store, field=label, pk=row.pk))
            continue
        row.save(update_fields=[name])
        result.rotated += 1
