from django.db import models


class AuditAction(models.TextChoices):
    """Every action written to a store's audit log; a feature adds its actions here."""

    STORE_SETTINGS_CHANGED = "store.settings_changed"
    WIDGET_KEY_CREATED = "widget_key.created"
    WIDGET_KEY_REVOKED = "widget_key.revoked"
    WIDGET_SETTINGS_CHANGED = "widget.settings_changed"
    API_KEY_CREATED = "api_key.created"
    API_KEY_REVOKED = "api_key.revoked"
    INVITATION_CREATED = "invitation.created"
    INVITATION_REVOKED = "invitation.revoked"
    MEMBER_ROLE_CHANGED = "member.role_changed"
    MEMBER_REMOVED = "member.removed"
    ASSISTANT_SETTINGS_CHANGED = "assistant.settings_changed"
    ASSISTANT_LLM_KEY_SET = "assistant.llm_key_set"
    ASSISTANT_LLM_KEY_CLEARED = "assistant.llm_key_cleared"


class AuditEvent(models.Model):
    """Who did what in this store. Tenant schema; the actor is denormalised so the log
    survives user deletion."""

    action = models.CharField(max_length=64, choices=AuditAction.choices, db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_email = models.CharField(max_length=254, blank=True)
    target = models.CharField(max_length=254, blank=True)
    data = models.JSONField(default=dict, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.action
