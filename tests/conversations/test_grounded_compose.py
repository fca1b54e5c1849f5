"""Composing grounded answers from passages (pure: no database)."""

from __future__ import annotations

from dataclasses import replace

from apps.conversations.pipeline.citations import Sources
from apps.conversations.pipeline.context import Passage
from apps.conversations.pipeline.grounded.passages import passages_answer
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
