"""How close a passage must come to a question before the assistant quotes it, calibrated per
store.

A fixed threshold fits the store it was tuned on: a store whose pages are long and general
comes close to every question, one of short specific notes to none. After each sync the
store's own search is asked questions no store answers (general knowledge, chit-chat, other
trades), the way a shopper's question is searched, and the gates are set a margin above how
close those come: to whole passages, and to their best single sentences."""

from __future__ import annotations

import numpy as np

from apps.core.search import embeddings
from apps.knowledge.models import KnowledgeSettings
from apps.knowledge.retrieval import knowledge_search
from apps.knowledge.selectors import chunk_sentence_vectors
from apps.knowledge.services.settings import knowledge_settings_get

OFF_TOPIC_PROBES = (
    # general knowledge and chit-chat
    "who won the world cup in 2018",
    "what's the weather going to be like tomorrow",
    "how do I bake sourdough bread",
    "what is the capital of australia",
    "can you recommend a good movie to watch tonight",
    "how do I change the oil in my car",
    "what is the meaning of life",
    "tell me a joke",
    "how tall is mount everest",
    "what's the price of bitcoin today",
    "who is the president of france",
    "how do I fix a leaking kitchen tap",
    "what time is it in tokyo",
    "can you help me with my math homework",
    "what's a good recipe for lasagna",
    "how many planets are in the solar system",
    "do you know any good songs",
    "how do I learn to play the guitar",
    "what's the best smartphone right now",
    "how do I file my taxes",
    "translate hello into japanese",
    "what are the symptoms of the flu",
    "how do I train my puppy to sit",
    "write me a poem about the sea",
    # other trades' questions, phrased as shoppers phrase them
    "do you sell concert tickets",
    "can I book a hotel room for two nights",
    "do you deliver pizza",
    "can you repair my cracked phone screen",
    "do you sell prescription glasses",
    "can I rent a car from you",
    "do you have any used textbooks",
    "how much is a haircut",
)
# The gates sit this far above how close nearly all (the 90th percentile of) off-topic
# questions come, within these bounds: the floor keeps a store with very few chunks from
# quoting anything at all, the ceiling keeps a store of very general text answerable.
PROBE_QUANTILE = 0.9
MARGIN = 0.10
PASSAGE_GATE_BOUNDS = (0.36, 0.55)
SENTENCE_GATE_BOUNDS = (0.44, 0.62)
PASSAGES_K = 5  # as many passages as a question's retrieval brings (Retrieval.passages_k)


def _gate(closest: list[float], bounds: tuple[float, float]) -> float:
    low, high = bounds
    value = float(np.quantile(closest, PROBE_QUANTILE)) + MARGIN
    return round(min(max(value, low), high), 3)


def passage_gates_calibrate() -> KnowledgeSettings:
    """Set the active store's passage and sentence gates from its current chunks (a store
    without chunks keeps no calibration: the defaults apply)."""
    row = knowledge_settings_get()
    passage_best: list[float] = []
    sentence_best: list[float] = []
    for probe in OFF_TOPIC_PROBES:
        # The vector arm alone: the nearest chunks by meaning, at least as close as any hybrid
        # search would bring (a conservative gate).
        hits = knowledge_search(query=probe, k=PASSAGES_K, mode="vector", knowledge=row).hits
        if not hits:
            break
        question = embeddings.embed_query(probe, model_name=row.embedding_model)
        vectors = chunk_sentence_vectors(
            chunk_ids=[hit.chunk_id for hit in hits], model_name=row.embedding_model
        )
        passage_best.append(max(hit.similarity or 0.0 for hit in hits))
        # As the answer layer reads them: an FAQ entry by its whole (see passages.py).
        sentence_best.append(
            max(
                (
                    float(vector @ question)
                    for hit in hits
                    if hit.source_kind != "faq"
                    for vector in vectors.get(hit.chunk_id, {}).values()
                ),
                default=passage_best[-1],
            )
        )
    if len(passage_best) == len(OFF_TOPIC_PROBES):
        row.passage_gate = _gate(passage_best, PASSAGE_GATE_BOUNDS)
        row.sentence_gate = _gate(sentence_best, SENTENCE_GATE_BOUNDS)
    else:
        row.passage_gate = row.sentence_gate = None
    row.save(update_fields=["passage_gate", "sentence_gate", "updated_at"])
    return row
