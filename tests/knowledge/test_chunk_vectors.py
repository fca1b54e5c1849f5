"""A chunk's vector is its body's, nudged toward its heading path; older vectors are redone."""

from __future__ import annotations

import numpy as np
from django.core.management import call_command

from apps.core.search import embeddings
from apps.core.tenancy import tenant_context
from apps.knowledge.chunk_vectors import EMBEDDING_VERSION, chunk_vectors, heading_and_body
from apps.knowledge.models import Chunk
from apps.knowledge.services.settings import knowledge_settings_get
from tests.knowledge.conftest import synced, text_source


def test_the_heading_line_is_split_off_only_when_the_chunk_has_a_section() -> None:
    assert heading_and_body(
        text="Returns > Boots\nWorn boots: credit.", section="Returns > Boots"
    ) == (
        "Returns > Boots",
        "Worn boots: credit.",
    )
    assert heading_and_body(text="Line one\nline two", section="") == ("", "Line one\nline two")


def test_a_short_chunk_stays_closest_to_its_own_body_not_its_heading(in_store_a) -> None:
    # given: two short chunks under one long heading path
    model = knowledge_settings_get().embedding_model
    heading = "Product care and repairs > Waterproof shell jackets > Washing and drying"
    chunks = [
        (f"{heading}\nTumble dry on low heat.", heading),
        (f"{heading}\nUse no softener.", heading),
    ]
    # when
    vectors = chunk_vectors(chunks=chunks, model_name=model)
    as_one = embeddings.embed_texts([text for text, _section in chunks], model_name=model)
    # then: unit vectors, further apart than when the heading is embedded into each text, and
    # each nearer its body than its heading
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float(vectors[0] @ vectors[1]) < float(as_one[0] @ as_one[1])
    body, heading_vector = embeddings.embed_texts(
        ["Tumble dry on low heat.", heading], model_name=model
    )
    assert float(vectors[0] @ body) > float(vectors[0] @ heading_vector)


def test_chunks_of_an_older_embedding_version_are_reembedded_by_the_command(
    tenant_a, tenant_b
) -> None:
    # given: store A has chunks embedded the old way (the text as one), store B is current
    with tenant_context(tenant_b):
        synced(text_source("# B\nStore B sells kayaks.", name="B"))
    with tenant_context(tenant_a):
        synced(text_source("# Care\n## Washing\nWash cold, tumble dry low.", name="Care"))
        model = knowledge_settings_get().embedding_model
        old = embeddings.embed_texts([Chunk.objects.get().text], model_name=model)[0]
        Chunk.objects.update(embedding=old, embedding_version=0)
    # when
    call_command("knowledge_reembed", "--now")
    # then: store A's chunk has the current version and vector; store B was left alone
    with tenant_context(tenant_a):
        chunk = Chunk.objects.get()
        expected = chunk_vectors(chunks=[(chunk.text, chunk.section)], model_name=model)[0]
        assert chunk.embedding_version == EMBEDDING_VERSION
        # (int8 activations are quantised per batch: the same text in another batch differs
        # in the third decimal)
        assert float(np.asarray(chunk.embedding) @ expected) > 0.98
    with tenant_context(tenant_b):
        assert set(Chunk.objects.values_list("embedding_version", flat=True)) == {EMBEDDING_VERSION}
