from __future__ import annotations

from apps.widget.models import WidgetSettings
from apps.widget.origins import origin_matches


def widget_origin_allowed(*, origin: str | None) -> bool:
    """Whether widget-key traffic from this Origin is accepted by the active store."""
    settings = WidgetSettings.objects.filter(pk=1).first()
    return settings is not None and origin_matches(
        origin=origin, allowed=settings.allowed_origins
    )
