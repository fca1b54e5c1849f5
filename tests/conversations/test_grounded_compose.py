"""Composing grounded answers from passages (pure: no database)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from apps.conversations.pipeline.citations import Sources
from apps.conversations.pipeline.config import Retrieval
from apps.conversations.pipeline.context import Passage
from apps.conversations.pipeline.grounded.passages import (
    SentenceMeaning,
    passage_relevance,
    passages_answer,
)
from apps.conversations.pipeline.grounded.text import passage_body, sentences
from apps.knowledge.retrieval import Citation, Hit

CARE = """Care guide > Rain jackets
The DWR finish makes rain bead up and roll off the outer fabric.
When water soaks into the face fabric instead of beading, even straight after a wash:
- Tumble dry on low for 20 minutes to reactivate the finish.
Never use fabric softener: it clogs the membrane."""


def _passage(text: str, *, section: str | None = None) -> Passage:
    citation = Citation(
        document_id=1, title="Care guide", url=None, filename=None, page=None, section=section
    )
    hit = Hit(
        chunk_id=1,
        text=text,
        score=1.0,
        vector_rank=1,
        keyword_rank=1,
        citation=citation,
        source_id=1,
        source_name="Care guide",
        source_kind="text",
        looks_like_instructions=False,
    )
    return Passage(hit=hit, similarity=0.8)


def test_a_chosen_lead_in_sentence_brings_the_item_it_introduces() -> None:
    answer = passages_answer(
        question="water soaks into the face fabric after a wash, what now?",
        passages=[_passage(CARE)],
        sources=Sources(),
    )
    assert "even straight after a wash:" in answer
    assert "Tumble dry on low for 20 minutes" in answer
    assert answer.endswith("[1]")


BOOTS = "\n".join(
    [
        "Care guide > Boots and shoes > Cleaning",
        "- Remove the insoles and laces.",
        "- Brush off dried mud. For stubborn dirt on boots use a little boot cleaner.",
        "- Stuff the boots with newspaper and let them dry at room temperature. Don't put boots"
        " near a radiator, stove or campfire, because heat cracks leather.",
        "- Let wet insoles dry separately.",
    ]
)


BOOTS_SENTENCES = [s.text for s in sentences(passage_body(BOOTS, is_faq=False))]


def test_a_chosen_sentence_brings_the_rest_of_its_list_item() -> None:
    answer = passages_answer(
        question="can I dry wet boots by the fire", passages=[_passage(BOOTS)], sources=Sources()
    )
    assert "let them dry at room temperature. Don't put boots near a radiator" in answer
    assert "heat cracks leather" in answer
    assert "Remove the insoles" not in answer


def test_a_citation_names_its_section_without_repeating_the_document_title() -> None:
    sources = Sources()
    sources.add_passage(_passage(CARE, section="Care guide > Rain jackets").hit)
    sources.add_passage(replace(_passage(CARE, section="Care guide").hit, chunk_id=2))
    assert [c["section"] for c in sources.all()] == ["Rain jackets", None]


def _unit(*weights: float) -> np.ndarray:
    vector = np.zeros(384, dtype=np.float32)
    vector[: len(weights)] = weights
    return vector


def test_a_long_chunk_passes_the_gate_by_the_one_sentence_that_answers() -> None:
    # Given a passage that is a blur of many bullets (0.38 as a whole) where one bullet is
    # close to the question (0.6), with gates 0.42 (passages) and 0.50 (sentences)
    retrieval = Retrieval(
        search_language="english",
        embedding_model="m",
        passage_min_similarity=0.42,
        sentence_min_similarity=0.50,
    )
    passage = replace(_passage(BOOTS), similarity=0.38)
    close = "Let wet insoles dry separately."
    vectors = {text: _unit(0.1, 0.995) for text in BOOTS_SENTENCES} | {close: _unit(0.6, 0.8)}
    meaning = SentenceMeaning(question=_unit(1.0), vectors={1: vectors})

    # Then it counts as 0.6 shifted by the gates' gap: 0.52, above the passage gate
    assert passage_relevance(passage, meaning, retrieval) == pytest.approx(0.52, abs=1e-6)
    # and an FAQ entry (its sentences encoded under its question) counts as itself
    faq = replace(passage, hit=replace(passage.hit, source_kind="faq"))
    assert passage_relevance(faq, meaning, retrieval) == pytest.approx(0.38)
    # and without stored vectors only the passage's own similarity counts
    bare = SentenceMeaning(question=_unit(1.0), vectors={})
    assert passage_relevance(passage, bare, retrieval) == pytest.approx(0.38)


def test_sentences_are_chosen_by_meaning_when_their_vectors_are_stored() -> None:
    # Given stored vectors that make the last bullet the closest (no words shared)
    close = "Let wet insoles dry separately."
    vectors = {text: _unit(0.2, 0.98) for text in BOOTS_SENTENCES} | {close: _unit(0.9, 0.43)}
    meaning = SentenceMeaning(question=_unit(1.0), vectors={1: vectors})

    # When the question shares words with another bullet
    answer = passages_answer(
        question="how do I remove insoles and laces",
        passages=[_passage(BOOTS)],
        sources=Sources(),
        meaning=meaning,
    )

    # Then the closest in meaning is quoted, alone (the others are far behind)
    assert answer == f"{close} [1]"
