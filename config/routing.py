"""WebSocket routes. Admin-site sockets accept only ALLOWED_HOSTS origins and the session user;
the widget socket runs on storefronts anywhere and checks the store's own allowed origins
(apps.widget) once its key has named the store."""

from typing import Any

from channels.auth import AuthMiddlewareStack
from channels.security.websocket import AllowedHostsOriginValidator
from django.urls import path

from apps.accounts.consumers import AdminEventsConsumer
from apps.conversations.transport.consumers import WidgetChatConsumer


def staff_socket(app: Any) -> Any:
    return AllowedHostsOriginValidator(AuthMiddlewareStack(app))


websocket_urlpatterns = [
    path("ws/app/events/", staff_socket(AdminEventsConsumer.as_asgi())),
    path("ws/widget/<str:key>/", WidgetChatConsumer.as_asgi()),
]
