"""Hybrid retrieval: both arms contribute, citations are exact, filters and stores isolate."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.core.tenancy import tenant_context
from apps.knowledge.models import Chunk, ChunkTerm, FaqEntry, Source
from apps.knowledge.retrieval import Filters, knowledge_search
from tests.knowledge.conftest import synced, text_source

RETURNS = """# Returns

## Return window
You can return unworn items within 60 days of delivery for a full refund.

## Worn gear
Boots and packs that were used outdoors fall under the Trail Tested Promise: store credit only.
"""
CODES = """# Order references

Every order number starts with DO- followed by seven digits, for example DO-2048117.
"""


def _seed() -> tuple[Source, Source]:
    return synced(text_source(RETURNS, name="Returns")), synced(text_source(CODES, name="Codes"))


def test_semantic_question_finds_the_passage_with_its_citation(in_store_a) -> None:
    returns, _codes = _seed()
    hits = knowledge_search(query="can I send back hiking boots I already wore?", k=3).hits
    top = hits[0]
    assert "Trail Tested Promise" in top.text
    assert top.citation.title == "Returns" and top.citation.section == "Returns > Worn gear"
    assert top.source_id == returns.pk and top.vector_rank is not None


def test_exact_codes_are_found_by_the_keyword_arm(in_store_a) -> None:
    _seed()
    hits = knowledge_search(query="DO-2048117", k=3).hits
    assert "DO-2048117" in hits[0].text and hits[0].keyword_rank == 1


def test_modes_and_filters(in_store_a) -> None:
    _returns, codes = _seed()
    keyword_only = knowledge_search(query="refund", mode="keyword").hits
    assert keyword_only and all(hit.vector_rank is None for hit in keyword_only)
    vector_only = knowledge_search(query="refund", mode="vector").hits
    assert vector_only and all(hit.keyword_rank is None for hit in vector_only)
    only_codes = knowledge_search(query="refund", filters=Filters(source_ids=(codes.pk,))).hits
    assert {hit.source_id for hit in only_codes} == {codes.pk}
    faq = Source.objects.create(kind=Source.Kind.FAQ, name="FAQ")
    FaqEntry.objects.create(source=faq, question="Refund timing?", answer="Within 5 days.")
    synced(faq)
    faq_hits = knowledge_search(query="refund", filters=Filters(kinds=("faq",))).hits
    assert {hit.source_kind for hit in faq_hits} == {"faq"}


def test_exact_and_index_search_agree_on_a_small_store(in_store_a) -> None:
    _seed()
    exact = [
        h.chunk_id for h in knowledge_search(query="return window", mode="vector", exact=True).hits
    ]
    indexed = [
        h.chunk_id for h in knowledge_search(query="return window", mode="vector", exact=False).hits
    ]
    assert exact == indexed


def test_another_stores_knowledge_is_invisible(tenant_a, tenant_b) -> None:
    with tenant_context(tenant_b):
        synced(text_source("# Secret\nStore B's wholesale price list code is ZETA-991.", name="B"))
        assert knowledge_search(query="ZETA-991").hits
    with tenant_context(tenant_a):
        synced(text_source("# Hello\nStore A sells tents.", name="A"))
        hits = knowledge_search(query="ZETA-991 wholesale price list", k=20).hits
        assert all("ZETA" not in hit.text for hit in hits)
        assert all(hit.source_name != "B" for hit in hits)


def test_blank_query_returns_nothing(in_store_a) -> None:
    assert knowledge_search(query="   ").hits == []


def _search_queries(**kwargs) -> list[str]:
    """The statements one search sends, savepoints (the test's transaction) left out."""
    with CaptureQueriesContext(connection) as captured:
        assert knowledge_search(query="return window", **kwargs).hits
    return [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]


def test_a_chat_sized_search_costs_few_queries(in_store_a) -> None:
    # given a small store (the chat searches once per shopper message), settings row created
    _seed()
    knowledge_search(query="warm-up")
    # then an exact scan is: settings, then the search itself
    work = [sql for sql in _search_queries(exact=True) if not sql.startswith("SET search_path")]
    assert len(work) == 2 and work[-1].startswith("WITH fused")
    # and an index scan adds one round trip for its HNSW settings
    work = [sql for sql in _search_queries(exact=False) if not sql.startswith("SET search_path")]
    assert len(work) == 3 and "hnsw.ef_search" in work[1]
    # and the schema, already set on this connection, is not set again
    assert not [sql for sql in _search_queries() if sql.startswith("SET search_path")]


def test_hits_carry_their_cosine_similarity_to_the_query(in_store_a) -> None:
    import numpy as np

    from apps.core.search import embeddings
    from apps.knowledge.models import Chunk

    _seed()
    question = "can I send back hiking boots I already wore?"
    hits = knowledge_search(query=question, k=3).hits
    vector = embeddings.embed_query(question, model_name=Chunk.objects.first().embedding_model)
    for hit in hits:
        expected = float(np.dot(vector, np.array(Chunk.objects.get(pk=hit.chunk_id).embedding)))
        assert abs(hit.similarity - expected) < 1e-4
    assert all(h.similarity is None for h in knowledge_search(query=question, mode="keyword").hits)


def test_a_sync_rebuilds_the_stores_own_term_statistics(tenant_a, tenant_b) -> None:
    # given: each store syncs its own text
    with tenant_context(tenant_b):
        synced(text_source("# Secret\nStore B's wholesale code is ZETA-991.", name="B"))
    with tenant_context(tenant_a):
        _seed()
        # then: the totals and each lexeme's document count describe store A's chunks only
        totals = ChunkTerm.objects.get(lexeme="")
        assert totals.documents == Chunk.objects.count()
        refund = ChunkTerm.objects.get(lexeme="refund")
        assert refund.documents == Chunk.objects.filter(text__icontains="refund").count()
        assert not ChunkTerm.objects.filter(lexeme__startswith="zeta").exists()


def test_keyword_ranking_counts_rare_words_and_repeats(in_store_a) -> None:
    # given: "tent" is in every passage, "guyline" in one; "stake" is repeated in one
    synced(
        text_source(
            "# Tents\n"
            "## Pitching\nEvery tent pitches in minutes.\n"
            "## Guylines\nEach tent ships with a reflective guyline.\n"
            "## Stakes\nA tent stake, a spare stake and a stake bag come with each tent.\n"
            "## Poles\nTent poles are aluminium; one stake is included.",
            name="Tents",
        )
    )
    # when
    rare = knowledge_search(query="tent guyline", mode="keyword").hits
    repeated = knowledge_search(query="stake", mode="keyword").hits
    # then
    assert "reflective guyline" in rare[0].text
    assert "spare stake" in repeated[0].text and "one stake" in repeated[1].text
