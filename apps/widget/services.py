from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from apps.audit.services import audit_record
from apps.widget.models import WidgetSettings
from apps.widget.origins import origin_normalize

MAX_ALLOWED_ORIGINS = 50


def widget_settings_get() -> WidgetSettings:
    settings, _created = WidgetSettings.objects.get_or_create(pk=1)
    return settings


def widget_settings_update(*, allowed_origins: list[str], actor: Any = None) -> WidgetSettings:
    if len(allowed_origins) > MAX_ALLOWED_ORIGINS:
        raise ValidationError(
            {"allowed_origins": _("At most %(n)d origins.") % {"n": MAX_ALLOWED_ORIGINS}}
        )
    try:
        normalized = list(dict.fromkeys(origin_normalize(value) for value in allowed_origins))
    except ValidationError as error:
        raise ValidationError({"allowed_origins": error.messages[0]}) from error
    settings = widget_settings_get()
    settings.allowed_origins = normalized
    settings.save(update_fields=["allowed_origins", "updated_at"])
    audit_record(action="widget.settings_changed", actor=actor, data={"allowed_origins": normalized})
    return settings
