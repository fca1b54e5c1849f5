from django.urls import path

from apps.conversations.transport import playground

urlpatterns = [
    path("messages/", playground.PlaygroundMessageView.as_view(), name="api-playground-messages"),
]
