"""The storefront widget's settings (tenant schema). Appearance fields come with the widget
configuration UI; today it holds the origins allowed to use the store's widget keys."""

from __future__ import annotations

from django.db import models


class WidgetSettings(models.Model):
    """One row per store (`widget_settings_get` creates it)."""

    # Normalised origins ("https://shop.example.com", "http://localhost:3000"): widget-key
    # traffic is accepted only from these. Empty: the widget works nowhere yet.
    allowed_origins = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "widget settings"

    def __str__(self) -> str:
        return "widget settings"
