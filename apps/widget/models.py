"""The storefront widget's settings (tenant schema): the origins allowed to use the store's
widget keys and the widget's appearance."""

from __future__ import annotations

from django.db import models

DEFAULT_PRIMARY_COLOR = "#1f6feb"
DEFAULT_GREETING = "Hi! How can I help?"


class WidgetSettings(models.Model):
    """One row per store (`widget_settings_get` creates it)."""

    class Position(models.TextChoices):
        RIGHT = "right"
        LEFT = "left"

    class LauncherIcon(models.TextChoices):
        CHAT = "chat"
        BAG = "bag"
        HELP = "help"
        SPARKLE = "sparkle"

    class Locale(models.TextChoices):
        BROWSER = "", "Shopper's browser language"
        EN = "en", "English"
        DE = "de", "German"
        FR = "fr", "French"
        ES = "es", "Spanish"

    # Normalised origins ("https://shop.example.com", "http://localhost:3000"): widget-key
    # traffic is accepted only from these. Empty: the widget works nowhere yet.
    allowed_origins = models.JSONField(default=list, blank=True)
    # The merchant's colour as chosen; the widget gets a contrast-corrected one (theme.py).
    primary_color = models.CharField(max_length=7, default=DEFAULT_PRIMARY_COLOR)
    position = models.CharField(max_length=5, choices=Position.choices, default=Position.RIGHT)
    launcher_icon = models.CharField(
        max_length=7, choices=LauncherIcon.choices, default=LauncherIcon.CHAT
    )
    greeting = models.CharField(max_length=300, default=DEFAULT_GREETING, blank=True)
    suggested_questions = models.JSONField(default=list, blank=True)
    locale = models.CharField(max_length=2, choices=Locale.choices, default="", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "widget settings"

    def __str__(self) -> str:
        return "widget settings"
