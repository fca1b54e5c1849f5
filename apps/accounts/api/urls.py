from django.urls import path

from apps.accounts.api import views

urlpatterns = [
    path("me/", views.MeView.as_view(), name="api-me"),
    path("members/", views.MemberListView.as_view(), name="api-members"),
    path("members/<int:member_id>/", views.MemberDetailView.as_view(), name="api-member"),
    path("invitations/", views.InvitationListView.as_view(), name="api-invitations"),
    path(
        "invitations/<int:invitation_id>/",
        views.InvitationDetailView.as_view(),
        name="api-invitation",
    ),
    path("api-keys/", views.ApiKeyListView.as_view(), name="api-keys"),
    path("api-keys/<int:key_id>/", views.ApiKeyDetailView.as_view(), name="api-key"),
]
