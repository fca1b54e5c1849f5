"""WebSocket routes. The admin-site socket takes the session user and accepts only pages on the
store's own hosts (apps.accounts.consumers); the widget socket runs on storefronts anywhere and
checks the store's own allowed origins (apps.widget) once its key has named the store."""

from channels.auth import AuthMiddlewareStack
from django.urls import path

from apps.accounts.consumers import AdminEventsConsumer
from apps.conversations.transport.consumers import WidgetChatConsumer

websocket_urlpatterns = [
    path("ws/app/events/", AuthMiddlewareStack(AdminEventsConsumer.as_asgi())),
    path("ws/widget/<str:key>/", WidgetChatConsumer.as_asgi()),
]
