from __future__ import annotations

from apps.core.defaults import row_differs_from_defaults
from apps.widget.models import WidgetSettings
from apps.widget.origins import origin_matches


def widget_settings_find() -> WidgetSettings | None:
    """The store's widget settings row, without creating it (reads must not write)."""
    return WidgetSettings.objects.filter(pk=1).first()


def widget_settings_customised(*, settings: WidgetSettings | None) -> bool:
    """Whether the merchant changed the widget's appearance; allowed origins are the install
    step's business, not the look."""
    return row_differs_from_defaults(settings, ignore=["allowed_origins"])


def widget_origin_allowed(*, origin: str | None) -> bool:
    """Whether widget-key traffic from this Origin is accepted by the active store."""
    settings = widget_settings_find()
    return settings is not None and origin_matches(
        origin=origin, allowed=settings.allowed_origins
    )
