"""The store's assistant settings: persona, policies and the LLM provider.

The LLM API key is write-only: it is stored encrypted (core/secrets.py), decrypted only to build
a provider, and never returned, logged or written to the audit log.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from asgiref.sync import async_to_sync
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.audit.models import AuditAction
from apps.audit.services import audit_record
from apps.conversations.models import AssistantSettings
from apps.conversations.pipeline.llm.base import (
    ChatMessage,
    GenerationSettings,
    Provider,
    ProviderError,
)
from apps.conversations.pipeline.llm.providers import (
    LlmConfig,
    LlmNotConfigured,
    llm_address_check,
    provider_build,
)
from apps.core.secrets import secret_encrypt
from apps.widget.services import widget_config_forget

logger = logging.getLogger(__name__)

# What the storefront widget's public config shows of these settings.
WIDGET_CONFIG_FIELDS = {"name", "handoff_enabled"}
MAX_REFUSED_TOPICS = 30
MAX_TOPIC_CHARS = 100
MAX_API_KEY_CHARS = 500
CONNECTION_TEST_TIMEOUT_S = 15.0
_API_VERSION = re.compile(r"^\d{4}-\d{2}-\d{2}(-preview)?$")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def assistant_settings_get() -> AssistantSettings:
    row, _created = AssistantSettings.objects.get_or_create(pk=1)
    return row


def _invalid(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _text(field: str, *, max_chars: int, required: bool = True) -> Any:
    def clean(value: Any) -> str:
        text = str(value).strip()
        if required and not text:
            raise _invalid(field, _("This field may not be blank."), "blank")
        if len(text) > max_chars:
            raise _invalid(field, _("At most %(n)d characters.") % {"n": max_chars}, "too_long")
        return text

    return clean


def _choice(field: str, choices: type[Any]) -> Any:
    def clean(value: Any) -> str:
        if value not in choices.values:
            raise _invalid(field, _("Not a valid choice: %(v)s.") % {"v": value}, "invalid_choice")
        return str(value)

    return clean


def _refused_topics(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise _invalid("refused_topics", _("A list of topics is expected."), "invalid")
    topics = list(dict.fromkeys(t.strip() for t in value if t.strip()))
    if len(topics) > MAX_REFUSED_TOPICS:
        raise _invalid(
            "refused_topics",
            _("At most %(n)d refused topics.") % {"n": MAX_REFUSED_TOPICS},
            "too_many",
        )
    if any(len(t) > MAX_TOPIC_CHARS for t in topics):
        raise _invalid(
            "refused_topics",
            _("Each topic is at most %(n)d characters.") % {"n": MAX_TOPIC_CHARS},
            "too_long",
        )
    return topics


def _store_language(value: Any) -> str:
    if not isinstance(value, str) or not _LANGUAGE_TAG.match(value):
        raise _invalid("store_language", _("A language code like en or pt-BR."), "invalid")
    return value


def _temperature(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 2:
        raise _invalid("llm_temperature", _("A number from 0 to 2."), "out_of_range")
    return float(value)


def _base_url(value: Any) -> str:
    url = str(value).strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _invalid("llm_base_url", _("An http:// or https:// URL is expected."), "invalid_url")
    if parts.username or parts.password:
        # The URL is shown to every member: credentials belong in the write-only API key.
        raise _invalid(
            "llm_base_url", _("Put credentials in the API key, not in the URL."), "invalid_url"
        )
    if len(url) > 500:
        raise _invalid("llm_base_url", _("At most 500 characters."), "too_long")
    return url


def _api_version(value: Any) -> str:
    version = str(value).strip()
    if version and not _API_VERSION.match(version):
        raise _invalid(
            "llm_api_version", _("An API version like 2024-10-21."), "invalid_api_version"
        )
    return version


def _boolean(field: str) -> Any:
    def clean(value: Any) -> bool:
        if not isinstance(value, bool):
            raise _invalid(field, _("true or false is expected."), "invalid")
        return value

    return clean


_CLEANERS: dict[str, Any] = {
    "name": _text("name", max_chars=80),
    "tone": _text("tone", max_chars=200),
    "language_policy": _choice("language_policy", AssistantSettings.LanguagePolicy),
    "store_language": _store_language,
    "refused_topics": _refused_topics,
    "escalation_message": _text("escalation_message", max_chars=1000),
    "handoff_enabled": _boolean("handoff_enabled"),
    "provider": _choice("provider", AssistantSettings.Provider),
    "llm_api_flavour": _choice("llm_api_flavour", AssistantSettings.ApiFlavour),
    "llm_base_url": _base_url,
    "llm_api_version": _api_version,
    "llm_model": _text("llm_model", max_chars=200, required=False),
    "llm_temperature": _temperature,
}
UPDATABLE_FIELDS = frozenset(_CLEANERS)


def _check_llm_config(row: AssistantSettings) -> None:
    """With the LLM provider selected, what it needs must be there."""
    if row.provider != AssistantSettings.Provider.OPENAI_COMPATIBLE:
        return
    if not row.llm_base_url:
        raise _invalid("llm_base_url", _("The LLM provider needs a base URL."), "required")
    if not row.llm_model:
        raise _invalid("llm_model", _("The LLM provider needs a model."), "required")
    if row.llm_api_flavour == AssistantSettings.ApiFlavour.AZURE and not row.llm_api_version:
        raise _invalid("llm_api_version", _("Azure OpenAI needs an API version."), "required")


@transaction.atomic
def assistant_settings_update(*, actor: Any, **fields: Any) -> AssistantSettings:
    unknown = set(fields) - UPDATABLE_FIELDS
    if unknown:
        raise TypeError(f"not assistant settings: {sorted(unknown)}")
    row = AssistantSettings.objects.select_for_update().get(pk=assistant_settings_get().pk)
    cleaned = {name: _CLEANERS[name](value) for name, value in fields.items()}
    changed = [name for name, value in cleaned.items() if getattr(row, name) != value]
    for name in changed:
        setattr(row, name, cleaned[name])
    _check_llm_config(row)
    if "llm_base_url" in changed:
        llm_address_check(row.llm_base_url)
    if changed:
        row.save(update_fields=[*changed, "updated_at"])
        audit_record(
            action=AuditAction.ASSISTANT_SETTINGS_CHANGED,
            actor=actor,
            target="assistant",
            data={name: getattr(row, name) for name in changed},
        )
        if WIDGET_CONFIG_FIELDS.intersection(changed):
            widget_config_forget()
    return row


def assistant_llm_key_set(*, key: str | None, actor: Any = None) -> AssistantSettings:
    """Store (or, with None, clear) the LLM API key, encrypted. Write-only."""
    row = assistant_settings_get()
    if key is not None:
        key = key.strip()
        if not key or len(key) > MAX_API_KEY_CHARS or any(c.isspace() for c in key):
            raise _invalid("key", _("Not a valid API key."), "invalid_key")
    row.llm_api_key_encrypted = secret_encrypt(key) if key else ""
    row.save(update_fields=["llm_api_key_encrypted", "updated_at"])
    audit_record(
        action=AuditAction.ASSISTANT_LLM_KEY_SET if key else AuditAction.ASSISTANT_LLM_KEY_CLEARED,
        actor=actor,
        target="assistant",
    )
    return row


def assistant_llm_config(*, row: AssistantSettings) -> LlmConfig:
    """The store's LLM endpoint as a turn configuration (its key still encrypted)."""
    return LlmConfig(
        flavour="azure" if row.llm_api_flavour == AssistantSettings.ApiFlavour.AZURE else "openai",
        base_url=row.llm_base_url,
        api_version=row.llm_api_version,
        model=row.llm_model,
        temperature=row.llm_temperature,
        api_key_encrypted=row.llm_api_key_encrypted,
    )


@dataclass(frozen=True)
class ConnectionTestResult:
    ok: bool
    detail: str
    model: str
    latency_ms: float | None


async def _probe(provider: Provider, settings: GenerationSettings) -> None:
    question = ChatMessage(role="user", content="Reply with the single word OK.")
    async for _chunk in provider.stream(messages=[question], tools=[], settings=settings):
        pass


def assistant_connection_test() -> ConnectionTestResult:
    """A tiny real completion with the saved LLM settings (whether or not the LLM provider is
    selected yet, so it can be tried before switching). Never raises for provider failures."""
    row = assistant_settings_get()
    llm = assistant_llm_config(row=row)
    try:
        provider = provider_build(llm=llm)
    except LlmNotConfigured as error:
        return ConnectionTestResult(
            ok=False, detail=str(error), model=row.llm_model, latency_ms=None
        )
    probe_settings = replace(
        llm.generation(),
        max_tokens=5,
        timeout_s=CONNECTION_TEST_TIMEOUT_S,
        first_token_timeout_s=CONNECTION_TEST_TIMEOUT_S,
    )
    started = time.monotonic()
    try:
        async_to_sync(_probe)(provider, probe_settings)
    except ProviderError as error:
        return ConnectionTestResult(
            ok=False, detail=error.detail, model=row.llm_model, latency_ms=None
        )
    latency_ms = round((time.monotonic() - started) * 1000, 1)
    return ConnectionTestResult(
        ok=True, detail=_("The model answered."), model=row.llm_model, latency_ms=latency_ms
    )
