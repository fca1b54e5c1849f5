from django.urls import path

from apps.conversations.transport import chat

urlpatterns = [
    path("messages/", chat.ChatMessageView.as_view(), name="api-chat-messages"),
    path("stream/", chat.ChatStreamView.as_view(), name="api-chat-stream"),
    path(
        "conversations/<uuid:conversation_id>/messages/",
        chat.ChatHistoryView.as_view(),
        name="api-chat-history",
    ),
]
