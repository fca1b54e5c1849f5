from django.urls import path

from apps.tenants.api import views

urlpatterns = [
    path("", views.StoreSettingsView.as_view(), name="api-store"),
]
