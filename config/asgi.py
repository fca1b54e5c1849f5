"""ASGI entry point (served by `python -m apps.core.daphne_server`): HTTP through Django,
WebSockets through Channels."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from apps.core.search.embeddings import warm_up_in_background  # noqa: E402
from config.routing import websocket_urlpatterns  # noqa: E402

warm_up_in_background()  # the first shopper's question should not wait for the model to load

application = ProtocolTypeRouter(
    {
        # Request bodies are limited before they are read, in apps/core/daphne_server.py.
        "http": django_asgi_app,
        # Origin checks are per route (config/routing.py): the widget runs on storefronts.
        "websocket": URLRouter(websocket_urlpatterns),
    }
)
