"""URLs on a store's host (<slug>.<BASE_DOMAIN>): admin SPA, store API, auth pages."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from apps.accounts.views import store_handoff
from apps.core import spa
from apps.widget import serving
from apps.widget.views import widget_preview

api_v1 = [
    path("", include("apps.accounts.api.urls")),
    path("", include("apps.audit.api.urls")),
    path("store/", include("apps.tenants.api.urls")),
    path("knowledge/", include("apps.knowledge.api.urls")),
    path("catalog/", include("apps.catalog.api.urls")),
    path("assistant/", include("apps.conversations.api.assistant_settings")),
    path("chat/", include("apps.conversations.transport.chat_urls")),
    path("conversations/", include("apps.conversations.api.inbox_urls")),
    path("playground/", include("apps.conversations.transport.playground_urls")),
    path("widget/", include("apps.widget.api.urls")),
    path("onboarding/", include("apps.onboarding.api.urls")),
    path("analytics/", include("apps.conversations.api.analytics")),
]

# The widget's script and panel, served on every host (storefronts load them from any of them).
widget_assets = [
    path("widget.js", serving.loader_js, name="widget-loader"),
    path("widget/<str:name>", serving.panel_js, name="widget-panel"),
]

urlpatterns = [
    path("accounts/handoff/", store_handoff, name="store-handoff"),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", include(api_v1)),
    *widget_assets,
    path("widget/preview/", widget_preview, name="widget-preview"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    re_path(r"^app/(?P<path>.*)$", spa.spa_index, name="spa"),
    path("", spa.spa_index),
]
