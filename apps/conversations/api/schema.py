"""OpenAPI description of widget-key authentication (drf-spectacular registers it on import,
from ConversationsConfig.ready)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension

from apps.widget.keys import WIDGET_KEY_HEADER


class WidgetKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "apps.conversations.transport.auth.WidgetKeyAuthentication"
    name = "widgetKey"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": WIDGET_KEY_HEADER,
            "description": "A public widget key (`pk_...`), from one of the store's allowed "
            "origins.",
        }
