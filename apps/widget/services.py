from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from apps.audit.models import AuditAction
from apps.audit.services import audit_record
from apps.core.cache import cache_forget
from apps.core.origins import origin_normalize
from apps.widget.config_cache import widget_config_cache_key
from apps.widget.models import WidgetSettings

MAX_ALLOWED_ORIGINS = 50
UPDATABLE_FIELDS = {
    "allowed_origins",
    "primary_color",
    "position",
    "launcher_icon",
    "greeting",
    "suggested_questions",
    "locale",
}


def widget_settings_get() -> WidgetSettings:
    settings, _created = WidgetSettings.objects.get_or_create(pk=1)
    return settings


def _origins_normalize(allowed_origins: list[str]) -> list[str]:
    if len(allowed_origins) > MAX_ALLOWED_ORIGINS:
        raise ValidationError(
            {"allowed_origins": _("At most %(n)d origins.") % {"n": MAX_ALLOWED_ORIGINS}}
        )
    try:
        return list(dict.fromkeys(origin_normalize(value) for value in allowed_origins))
    except ValidationError as error:
        raise ValidationError({"allowed_origins": error.messages[0]}) from error


def widget_settings_update(*, actor: Any = None, **fields: Any) -> WidgetSettings:
    """Change some of the widget settings (values validated by the API's input serializer;
    origins are normalised here). Audited; the cached public config is cleared."""
    unknown = set(fields) - UPDATABLE_FIELDS
    if unknown:
        raise TypeError(f"not widget settings: {sorted(unknown)}")
    if "allowed_origins" in fields:
        fields["allowed_origins"] = _origins_normalize(fields["allowed_origins"])
    settings = widget_settings_get()
    changed = [name for name, value in fields.items() if getattr(settings, name) != value]
    for name in changed:
        setattr(settings, name, fields[name])
    if changed:
        settings.save(update_fields=[*changed, "updated_at"])
        audit_record(
            action=AuditAction.WIDGET_SETTINGS_CHANGED,
            actor=actor,
            data={name: fields[name] for name in changed},
        )
        widget_config_forget()
    return settings


def widget_config_forget() -> None:
    """Drop the active store's cached public config (now and after commit: cache_forget)."""
    cache_forget(keys=[widget_config_cache_key()])
