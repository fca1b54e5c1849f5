from django.urls import path

from apps.widget.api import views

urlpatterns = [
    path("keys/", views.WidgetKeyListView.as_view(), name="api-widget-keys"),
    path("keys/<int:key_id>/", views.WidgetKeyDetailView.as_view(), name="api-widget-key"),
    path(
        "keys/<int:key_id>/rotate/",
        views.WidgetKeyRotateView.as_view(),
        name="api-widget-key-rotate",
    ),
    path("settings/", views.WidgetSettingsView.as_view(), name="api-widget-settings"),
    path("config/<str:key>/", views.WidgetConfigView.as_view(), name="api-widget-config"),
]
