from __future__ import annotations

import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts import tokens
from apps.accounts.models import ApiKey, Membership
from apps.accounts.roles import Role
from apps.accounts.services.memberships import team_manage_check
from apps.audit.models import AuditAction
from apps.audit.services import audit_record

KEY_PREFIX = "ak_"
_LAST_USED_RESOLUTION = timedelta(minutes=1)


def api_key_parse(raw: str) -> tuple[str, str] | None:
    """Split `ak_<8 hex>_<secret>` into (prefix, secret); None when it is not shaped like a key."""
    if not raw.startswith(KEY_PREFIX):
        return None
    prefix_id, sep, secret = raw[len(KEY_PREFIX) :].partition("_")
    if not sep or len(prefix_id) != 8 or not secret:
        return None
    return KEY_PREFIX + prefix_id, secret


def api_key_create(*, actor: Membership, name: str, role: str) -> tuple[ApiKey, str]:
    """Returns the key and its full secret, which is shown once and stored only hashed."""
    team_manage_check(actor=actor, target_role=Role(role))
    if Role(role) == Role.OWNER:
        raise ValidationError(
            _("API keys can have the admin, editor or viewer role."), code="invalid_role"
        )
    name = name.strip()
    if not name:
        raise ValidationError(_("Give the key a name."), code="required")
    prefix = KEY_PREFIX + secrets.token_hex(4)
    secret = tokens.new_secret()
    key = ApiKey.objects.create(
        tenant=actor.tenant,
        name=name[:100],
        prefix=prefix,
        secret_hash=tokens.digest(secret),
        role=Role(role),
        created_by=actor.user,
    )
    audit_record(
        action=AuditAction.API_KEY_CREATED,
        actor=actor.user,
        target=prefix,
        data={"name": key.name, "role": role},
    )
    return key, f"{prefix}_{secret}"


def api_key_revoke(*, actor: Membership, key: ApiKey) -> ApiKey:
    team_manage_check(actor=actor, target_role=key.role)
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
        audit_record(action=AuditAction.API_KEY_REVOKED, actor=actor.user, target=key.prefix)
    return key


def api_key_authenticate(*, raw: str) -> ApiKey | None:
    """The active key matching `raw`, or None. Marks it used (at most once a minute)."""
    parsed = api_key_parse(raw)
    if parsed is None:
        return None
    prefix, secret = parsed
    key = ApiKey.objects.select_related("tenant").filter(prefix=prefix).first()
    if key is None or not key.is_active or not tokens.digest_matches(secret, key.secret_hash):
        return None
    now = timezone.now()
    if key.last_used_at is None or now - key.last_used_at > _LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now
    return key
