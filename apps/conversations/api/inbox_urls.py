from django.urls import path

from apps.conversations.api import inbox

urlpatterns = [
    path("", inbox.ConversationListView.as_view(), name="api-conversations"),
    path(
        "<uuid:conversation_id>/", inbox.ConversationDetailView.as_view(), name="api-conversation"
    ),
    path(
        "<uuid:conversation_id>/resolve/",
        inbox.ConversationResolveView.as_view(),
        name="api-conversation-resolve",
    ),
    path(
        "<uuid:conversation_id>/reopen/",
        inbox.ConversationReopenView.as_view(),
        name="api-conversation-reopen",
    ),
    path(
        "<uuid:conversation_id>/replies/",
        inbox.ConversationReplyView.as_view(),
        name="api-conversation-replies",
    ),
]
