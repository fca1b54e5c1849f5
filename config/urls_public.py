"""URLs on the root domain: landing, signup/login, store picker, invitations, operator admin,
and the API for API-key callers (the key selects the store)."""

from django.contrib import admin
from django.urls import include, path

from apps.accounts import views
from config.urls import api_v1, widget_assets

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("stores/", views.store_picker, name="store-picker"),
    path("stores/new/", views.store_new, name="store-new"),
    path("stores/<slug:slug>/open/", views.store_open, name="store-open"),
    path("invitations/<str:token>/", views.invitation_view, name="invitation"),
    path(
        "invitations/pending/<int:invitation_id>/accept/",
        views.invitation_accept_from_picker,
        name="invitation-accept-pending",
    ),
    path("console/django/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    *widget_assets,
]
