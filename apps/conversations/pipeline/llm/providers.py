"""Which LLM answers a turn: the configuration of an OpenAI-compatible endpoint, and building
its provider. The API key travels encrypted inside the configuration and is decrypted only
here, when the provider is built: it is never part of what a turn log stores."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from apps.conversations.pipeline.llm.base import GenerationSettings, Provider
from apps.conversations.pipeline.llm.openai_compatible import OpenAICompatibleProvider
from apps.core.addresses import blocked_address_for
from apps.core.secrets import SecretDecryptError, secret_decrypt

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LlmConfig:
    flavour: Literal["openai", "azure"]
    base_url: str
    api_version: str
    model: str
    temperature: float
    api_key_encrypted: str = field(default="", repr=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe, without the key."""
        return {
            "flavour": self.flavour,
            "base_url": self.base_url,
            "api_version": self.api_version,
            "model": self.model,
            "temperature": self.temperature,
        }

    def generation(self) -> GenerationSettings:
        """How the model generates; the pipeline may tighten limits."""
        return GenerationSettings(model=self.model, temperature=self.temperature)


class LlmNotConfigured(Exception):
    pass


def llm_address_check(url: str) -> None:
    """SSRF guard: unless LLM_ALLOW_PRIVATE_URLS, the LLM host must resolve to public
    addresses only (see apps/core/addresses.py for the limits of this check). Raises
    ValidationError on the `llm_base_url` field."""
    if not url or settings.LLM_ALLOW_PRIVATE_URLS:
        return
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        blocked = blocked_address_for(host, parts.port or (443 if parts.scheme == "https" else 80))
    except (OSError, UnicodeError) as error:
        raise ValidationError(
            {
                "llm_base_url": ValidationError(
                    _("%(host)s does not resolve.") % {"host": host}, code="unresolvable"
                )
            }
        ) from error
    if blocked is not None:
        raise ValidationError(
            {
                "llm_base_url": ValidationError(
                    _("%(host)s is a private or local address.") % {"host": host},
                    code="blocked_address",
                )
            }
        )


def provider_build(*, llm: LlmConfig) -> OpenAICompatibleProvider:
    """The provider for `llm`, its key decrypted. Raises LlmNotConfigured."""
    if not llm.base_url or not llm.model:
        raise LlmNotConfigured(_("Set the LLM base URL and model first."))
    if llm.flavour == "azure" and not llm.api_version:
        raise LlmNotConfigured(_("Set the Azure OpenAI API version first."))
    try:
        llm_address_check(llm.base_url)  # DNS may have changed since the URL was saved
        api_key = secret_decrypt(llm.api_key_encrypted) if llm.api_key_encrypted else ""
    except ValidationError as error:
        raise LlmNotConfigured(error.messages[0]) from error
    except SecretDecryptError as error:
        raise LlmNotConfigured(
            _("The stored API key cannot be decrypted; set it again.")
        ) from error
    return OpenAICompatibleProvider(
        base_url=llm.base_url,
        api_key=api_key,
        flavour=llm.flavour,
        api_version=llm.api_version or None,
    )


def turn_provider(*, llm: LlmConfig | None) -> Provider | None:
    """The provider that answers a turn, or None for the grounded responder (no LLM
    configured, or it is misconfigured: then the reason is logged)."""
    if llm is None:
        return None
    try:
        return provider_build(llm=llm)
    except LlmNotConfigured as error:
        logger.warning("assistant LLM not usable, answering grounded: %s", error)
        return None
