"""What one turn runs with: the assistant's persona and prompt rules, the model that answers,
how retrieval searches and what it counts as relevant, and which tools the model may call.

The answer pipeline reads nothing of this from the database: a `TurnConfig` is resolved at the
edge (`turn_config_for_store` for the store's own settings; an evaluation run or an experiment
passes a variant) and stored with the answer (`Message.config`), so every answer says which
configuration produced it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

from apps.conversations.models import AssistantSettings
from apps.conversations.pipeline.llm.providers import LlmConfig
from apps.conversations.services.assistant_settings import (
    assistant_llm_config,
    assistant_settings_get,
)
from apps.core.tenancy import tenant_context
from apps.knowledge.models import KnowledgeSettings
from apps.knowledge.services.settings import knowledge_settings_get
from apps.tenants.models import Tenant

ToolName = Literal["search_products", "get_product", "lookup_order", "handoff_to_human"]
TOOLS: tuple[ToolName, ...] = ("search_products", "get_product", "lookup_order")
# Cosine similarity (question vs passage/product) below which retrieval found nothing useful.
# Chosen on the chat_quality questions: answerable questions score 0.45-0.8, off-topic ones
# ("who won the world cup", "do you sell kayaks") 0.1-0.4. The passage gates are the defaults
# of a store not calibrated yet (apps.knowledge.services.gates sets its own after a sync).
PASSAGE_MIN_SIMILARITY = 0.42
# The same for a passage's best single sentence (apps.knowledge.sentences).
SENTENCE_MIN_SIMILARITY = 0.50
PRODUCT_MIN_SIMILARITY = 0.40
# A product list needs at least this similarity when the question is not phrased as shopping.
PRODUCT_ONLY_MIN_SIMILARITY = 0.50


@dataclass(frozen=True)
class Persona:
    """Who the assistant is and the merchant's rules for it (the system prompt's part)."""

    name: str
    tone: str
    language_policy: str  # AssistantSettings.LanguagePolicy
    store_language: str
    refused_topics: tuple[str, ...]
    escalation_message: str
    handoff_enabled: bool


@dataclass(frozen=True)
class Retrieval:
    """How a question's passages and products are found, and how close they must be."""

    search_language: str
    embedding_model: str
    passages_k: int = 5
    products_k: int = 6
    passage_min_similarity: float = PASSAGE_MIN_SIMILARITY
    sentence_min_similarity: float = SENTENCE_MIN_SIMILARITY
    product_min_similarity: float = PRODUCT_MIN_SIMILARITY
    product_only_min_similarity: float = PRODUCT_ONLY_MIN_SIMILARITY

    def knowledge(self) -> KnowledgeSettings:
        """The search settings as the knowledge and catalog searches take them (never saved)."""
        return KnowledgeSettings(
            search_language=self.search_language, embedding_model=self.embedding_model
        )


@dataclass(frozen=True)
class TurnConfig:
    persona: Persona
    retrieval: Retrieval
    llm: LlmConfig | None  # None: the grounded responder answers
    tools: tuple[ToolName, ...] = field(default=TOOLS)
    # Where the configuration came from: "store" (its own settings) or a variant's name.
    variant: str = "store"

    def tool_enabled(self, name: str) -> bool:
        return name in self.tools

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe, as stored on the turn log (the LLM key is never part of it)."""
        return {
            "variant": self.variant,
            "persona": {
                **asdict(self.persona),
                "refused_topics": list(self.persona.refused_topics),
            },
            "retrieval": asdict(self.retrieval),
            "llm": self.llm.to_dict() if self.llm is not None else None,
            "tools": list(self.tools),
        }

    def with_variant(self, name: str, **changes: Any) -> TurnConfig:
        """This configuration with `changes` (fields of TurnConfig), named `name`."""
        return replace(self, variant=name, **changes)


def turn_config_for_store(*, tenant: Tenant) -> TurnConfig:
    """The store's own configuration, read once from its assistant and search settings by the
    edge that admits a turn."""
    with tenant_context(tenant):
        assistant = assistant_settings_get()
        knowledge = knowledge_settings_get()
    handoff = assistant.handoff_enabled
    return TurnConfig(
        persona=Persona(
            name=assistant.name,
            tone=assistant.tone,
            language_policy=assistant.language_policy,
            store_language=assistant.store_language,
            refused_topics=tuple(str(t) for t in assistant.refused_topics),
            escalation_message=assistant.escalation_message,
            handoff_enabled=handoff,
        ),
        retrieval=Retrieval(
            search_language=knowledge.search_language,
            embedding_model=knowledge.embedding_model,
            passage_min_similarity=knowledge.passage_gate or PASSAGE_MIN_SIMILARITY,
            sentence_min_similarity=knowledge.sentence_gate or SENTENCE_MIN_SIMILARITY,
        ),
        llm=assistant_llm_config(row=assistant)
        if assistant.provider == AssistantSettings.Provider.OPENAI_COMPATIBLE
        else None,
        tools=(*TOOLS, "handoff_to_human") if handoff else TOOLS,
    )
