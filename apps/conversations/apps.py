from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "apps.conversations"
    label = "conversations"

    def ready(self) -> None:
        from apps.conversations.api import schema  # noqa: F401  (registers the OpenAPI scheme)
        from apps.core.secrets import encrypted_field_register

        encrypted_field_register(
            model_label="conversations.AssistantSettings", field_name="llm_api_key_encrypted"
        )
