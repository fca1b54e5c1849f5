"""Conversations (tenant schema): the store's assistant settings, shopper conversations and
their messages, and usage events for billing.

A Message is one turn of one speaker. An assistant message is created when generation starts
(status `streaming`) and completed in place, so a reconnecting client can ask for everything
after the last message it saw (`seq` orders a conversation's messages).
"""

from __future__ import annotations

import uuid

from django.db import models


class AssistantSettings(models.Model):
    """One row per store (`assistant_settings_get` creates it)."""

    class LanguagePolicy(models.TextChoices):
        MATCH_SHOPPER = "match", "Answer in the shopper's language"
        STORE_LANGUAGE = "store", "Always answer in the store's language"

    class Provider(models.TextChoices):
        GROUNDED = "grounded", "Built-in grounded responder (no LLM)"
        OPENAI_COMPATIBLE = "openai", "OpenAI-compatible API"

    class ApiFlavour(models.TextChoices):
        OPENAI = "openai", "OpenAI, Ollama, vLLM, LM Studio (base URL ending in /v1)"
        AZURE = "azure", "Azure OpenAI (resource endpoint, deployment name as model)"

    name = models.CharField(max_length=80, default="Assistant")
    tone = models.CharField(max_length=200, default="friendly and concise")
    language_policy = models.CharField(
        max_length=16, choices=LanguagePolicy.choices, default=LanguagePolicy.MATCH_SHOPPER
    )
    store_language = models.CharField(max_length=16, default="en")
    refused_topics = models.JSONField(default=list, blank=True)  # ["medical advice", ...]
    escalation_message = models.TextField(
        default="I'm passing this to our team; someone will reply here as soon as they can."
    )
    handoff_enabled = models.BooleanField(default=True)
    provider = models.CharField(max_length=16, choices=Provider.choices, default=Provider.GROUNDED)
    llm_api_flavour = models.CharField(
        max_length=16, choices=ApiFlavour.choices, default=ApiFlavour.OPENAI
    )
    llm_base_url = models.URLField(max_length=500, blank=True)
    llm_api_version = models.CharField(max_length=40, blank=True)  # Azure's api-version
    llm_model = models.CharField(max_length=200, blank=True)
    llm_temperature = models.FloatField(default=0.2)
    # The tenant's LLM API key, encrypted (apps/core/secrets.py); never returned by the API.
    llm_api_key_encrypted = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name


class Conversation(models.Model):
    class Channel(models.TextChoices):
        WIDGET = "widget"
        API = "api"
        PLAYGROUND = "playground"

    class Status(models.TextChoices):
        OPEN = "open"
        RESOLVED = "resolved"
        HANDED_OFF = "handed_off"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    channel = models.CharField(max_length=16, choices=Channel.choices)
    # The anonymous shopper session (the widget keeps it in localStorage); not personal data.
    session_id = models.CharField(max_length=64, db_index=True)
    locale = models.CharField(max_length=16, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    started_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(auto_now_add=True, db_index=True)
    message_count = models.PositiveIntegerField(default=0)
    # When the shopper was (last) handed to the team; kept after the conversation is resolved.
    handed_off_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_activity_at", "-id"]
        # The inbox lists by last activity, filtered by status or channel.
        indexes = [
            models.Index(fields=["status", "-last_activity_at"], name="conv_status_recent"),
            models.Index(fields=["channel", "-last_activity_at"], name="conv_channel_recent"),
        ]

    def __str__(self) -> str:
        return str(self.public_id)


class Message(models.Model):
    class Role(models.TextChoices):
        USER = "user"
        ASSISTANT = "assistant"
        AGENT = "agent"  # a human from the store's team, after a handoff

    class Status(models.TextChoices):
        STREAMING = "streaming"
        COMPLETE = "complete"
        STOPPED = "stopped"  # the shopper stopped the generation
        FAILED = "failed"

    class Feedback(models.TextChoices):
        UP = "up"
        DOWN = "down"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    seq = models.PositiveIntegerField()  # 1, 2, ... within the conversation
    role = models.CharField(max_length=16, choices=Role.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.COMPLETE)
    content = models.TextField(blank=True)
    citations = models.JSONField(default=list, blank=True)  # [{n, title, url, section, ...}]
    products = models.JSONField(default=list, blank=True)  # product cards shown with the answer
    tool_calls = models.JSONField(default=list, blank=True)  # [{name, arguments, result}]
    # Retrieved chunk/product ids and scores, provider notes (e.g. fell back to grounded).
    turn_log = models.JSONField(default=dict, blank=True)
    # The TurnConfig the answer ran with (persona, model, retrieval, tools; never the LLM key):
    # which configuration produced it, for evaluation and experiments.
    config = models.JSONField(default=dict, blank=True)
    provider = models.CharField(max_length=16, blank=True)
    model = models.CharField(max_length=200, blank=True)
    prompt_tokens = models.PositiveIntegerField(default=0)
    completion_tokens = models.PositiveIntegerField(default=0)
    retrieval_ms = models.FloatField(null=True, blank=True)
    first_token_ms = models.FloatField(null=True, blank=True)
    total_ms = models.FloatField(null=True, blank=True)
    feedback = models.CharField(max_length=8, choices=Feedback.choices, blank=True)
    feedback_comment = models.TextField(blank=True)
    # The team member's display name on role "agent" messages (kept if the member leaves).
    author_name = models.CharField(max_length=150, blank=True)
    # The closest knowledge passage or product retrieved for an assistant turn (cosine
    # similarity; null when the turn retrieved nothing), and whether the assistant said it
    # does not know: the analytics of knowledge gaps.
    best_similarity = models.FloatField(null=True, blank=True)
    unanswered = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["conversation_id", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "seq"], name="one_message_per_seq")
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id}#{self.seq}"


class UsageEvent(models.Model):
    """Metered usage for billing: one row per assistant turn (rolled up by billing later)."""

    class Kind(models.TextChoices):
        ASSISTANT_MESSAGE = "assistant_message"

    kind = models.CharField(max_length=32, choices=Kind.choices)
    message = models.ForeignKey(Message, null=True, on_delete=models.SET_NULL, related_name="+")
    quantity = models.PositiveIntegerField(default=1)
    prompt_tokens = models.PositiveIntegerField(default=0)
    completion_tokens = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.kind} x{self.quantity}"
