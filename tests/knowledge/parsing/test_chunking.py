"""Chunking follows the document's structure and respects the token budget."""

from __future__ import annotations

import itertools

import pytest

from apps.knowledge.chunking import ChunkDraft, approximate_tokens, chunk_blocks
from apps.knowledge.parsing import Block, parse_faq

SHIPPING = ("Shipping",)
INTERNATIONAL = ("Shipping", "International")


def _sentences(count: int, topic: str = "parcel") -> str:
    return " ".join(f"Sentence {i} about the {topic} travels far." for i in range(count))


def _bodies(chunks: list[ChunkDraft]) -> list[str]:
    return [chunk.text.split("\n", 1)[1] if chunk.heading_path else chunk.text for chunk in chunks]


def test_approximate_tokens() -> None:
    assert approximate_tokens("") == 0
    assert approximate_tokens("one two three") == 4  # ceil(3 * 1.3)


def test_heading_path_prefix_and_section_boundaries() -> None:
    blocks = [
        Block("Shipping", "heading", (), level=1),
        Block("We ship daily.", "paragraph", SHIPPING),
        Block("International", "heading", SHIPPING, level=2),
        Block("Customs apply.", "paragraph", INTERNATIONAL),
        Block("Fees vary.", "paragraph", INTERNATIONAL),
        Block("Returns", "heading", (), level=1),
        Block("Thirty days.", "paragraph", ("Returns",)),
    ]
    chunks = chunk_blocks(blocks)
    assert [c.text for c in chunks] == [
        "Shipping\nWe ship daily.",
        "Shipping > International\nCustoms apply.\nFees vary.",
        "Returns\nThirty days.",
    ]
    assert [c.heading_path for c in chunks] == [SHIPPING, INTERNATIONAL, ("Returns",)]
    assert [c.position for c in chunks] == [0, 1, 2]
    assert all(c.token_count == approximate_tokens(c.text) for c in chunks)


def test_small_blocks_are_packed_up_to_the_budget() -> None:
    blocks = [Block(f"Paragraph {i} has six words.", "paragraph", SHIPPING) for i in range(20)]
    chunks = chunk_blocks(blocks, max_tokens=40, overlap_tokens=5)
    assert len(chunks) > 1
    assert all(c.token_count <= 40 for c in chunks)
    assert sum(len(_bodies([c])[0].split("\n")) for c in chunks) == 20  # nothing lost or repeated


def test_pages_are_not_merged() -> None:
    blocks = [
        Block("Page one text.", "paragraph", (), page=1),
        Block("Page two text.", "paragraph", (), page=2),
    ]
    chunks = chunk_blocks(blocks)
    assert [(c.text, c.page) for c in chunks] == [("Page one text.", 1), ("Page two text.", 2)]


def test_long_prose_is_split_with_overlap_within_budget() -> None:
    text = _sentences(60)
    chunks = chunk_blocks([Block(text, "paragraph", SHIPPING)], max_tokens=60, overlap_tokens=15)
    assert len(chunks) > 3
    assert all(c.token_count <= 60 for c in chunks)
    bodies = _bodies(chunks)
    assert all(body.endswith(".") for body in bodies)  # cut on sentence boundaries
    for previous, following in itertools.pairwise(bodies):
        last_sentence = previous.rsplit(". ", 1)[-1]
        assert following.startswith(last_sentence.rstrip(".")), "pieces overlap"
    # Every sentence survives.
    joined = " ".join(bodies)
    assert all(f"Sentence {i} " in joined for i in range(60))


def test_run_on_text_without_punctuation_is_split_on_words_with_overlap() -> None:
    words = [f"w{i}" for i in range(500)]
    chunks = chunk_blocks(
        [Block(" ".join(words), "paragraph", ())], max_tokens=50, overlap_tokens=10
    )
    assert all(c.token_count <= 50 for c in chunks)
    pieces = [c.text.split() for c in chunks]
    for previous, following in itertools.pairwise(pieces):
        assert previous[-1] in following[:10], "pieces overlap"
    assert {word for piece in pieces for word in piece} == set(words)


def test_text_without_spaces_is_split_on_characters() -> None:
    def by_characters(text: str) -> int:
        return len(text) // 4 + 1

    text = "配送" * 2000
    chunks = chunk_blocks(
        [Block(text, "paragraph", ())], max_tokens=100, overlap_tokens=0, count_tokens=by_characters
    )
    assert all(c.token_count <= 100 for c in chunks)
    assert "".join(c.text for c in chunks) == text


def test_faq_is_atomic_even_over_budget() -> None:
    faq = parse_faq(question="Can I return sale items?", answer=_sentences(40)).blocks[0]
    blocks = [faq, Block("Unrelated note.", "paragraph", ("Can I return sale items?",))]
    chunks = chunk_blocks(blocks, max_tokens=50, overlap_tokens=10)
    assert len(chunks) == 2
    assert chunks[0].text == f"Can I return sale items?\n{faq.text}"
    assert chunks[0].token_count > 50
    assert chunks[1].text.endswith("Unrelated note.")


def test_table_rows_are_grouped_with_the_header_repeated() -> None:
    path = ("Products",)
    header = Block("SKU | Name | Price", "table_row", path, anchor="Products!A1")
    rows = [
        Block(
            f"SKU: A-{i}; Name: Product {i}; Price: {i}", "table_row", path, anchor=f"Products!A{i}"
        )
        for i in range(2, 30)
    ]
    chunks = chunk_blocks([header, *rows], max_tokens=60, overlap_tokens=10)
    assert len(chunks) > 2
    for chunk in chunks:
        lines = chunk.text.split("\n")
        assert lines[:2] == ["Products", "SKU | Name | Price"]
        assert len(lines) > 3  # several rows per chunk, not one
        assert chunk.token_count <= 60
        assert chunk.anchor == f"Products!A{lines[2].split(';')[0].split('-')[1]}"
    data_lines = [line for c in chunks for line in c.text.split("\n")[2:]]
    assert data_lines == [row.text for row in rows]  # each row once, in order, never split


def test_a_table_of_just_a_header_is_kept() -> None:
    chunks = chunk_blocks([Block("Size | Chest", "table_row", ())])
    assert [c.text for c in chunks] == ["Size | Chest"]


def test_a_list_stays_with_its_lead_in() -> None:
    blocks = [
        Block("We deliver to:", "paragraph", INTERNATIONAL),
        Block("Canada", "list_item", INTERNATIONAL),
        Block("Mexico", "list_item", INTERNATIONAL),
        Block("Japan", "list_item", INTERNATIONAL),
    ]
    chunks = chunk_blocks(blocks)
    assert [c.text for c in chunks] == [
        "Shipping > International\nWe deliver to:\n- Canada\n- Mexico\n- Japan"
    ]


def test_a_list_too_long_for_the_open_chunk_starts_a_new_one() -> None:
    blocks = [
        Block(_sentences(5), "paragraph", ()),
        *[Block(f"Item number {i}", "list_item", ()) for i in range(6)],
    ]
    chunks = chunk_blocks(blocks, max_tokens=60, overlap_tokens=10)
    assert len(chunks) == 2
    assert chunks[1].text.startswith("- Item number 0")
    assert chunks[1].text.count("\n- ") == 5


def test_a_heading_without_content_is_kept() -> None:
    blocks = [
        Block("Contact", "heading", (), level=1),
        Block("Email: help@example.com", "heading", ("Contact",), level=2),
        Block("Hours", "heading", ("Contact",), level=2),
        Block("Nine to five.", "paragraph", ("Contact", "Hours")),
    ]
    assert [c.text for c in chunk_blocks(blocks)] == [
        "Contact\nEmail: help@example.com",
        "Contact > Hours\nNine to five.",
    ]


def test_chunk_keeps_page_and_anchor_of_its_first_block() -> None:
    blocks = [
        Block("First.", "paragraph", ("Costs",), page=3, anchor="costs"),
        Block("Second.", "paragraph", ("Costs",), page=3, anchor="other"),
    ]
    [chunk] = chunk_blocks(blocks)
    assert (chunk.page, chunk.anchor) == (3, "costs")


def test_code_is_split_on_lines() -> None:
    code = "\n".join(f"step_{i} = run({i})" for i in range(80))
    chunks = chunk_blocks([Block(code, "code", ())], max_tokens=40, overlap_tokens=0)
    assert all(c.token_count <= 40 for c in chunks)
    assert "\n".join(c.text for c in chunks) == code


def test_deterministic_and_contiguous() -> None:
    blocks = [
        Block("Shipping", "heading", (), level=1),
        Block(_sentences(50), "paragraph", SHIPPING),
        Block("Zone | Price", "table_row", SHIPPING),
        *[Block(f"Zone: Z{i}; Price: {i}", "table_row", SHIPPING) for i in range(30)],
        Block("Short tail.", "paragraph", SHIPPING),
    ]
    first = chunk_blocks(blocks, max_tokens=50, overlap_tokens=10)
    assert first == chunk_blocks(blocks, max_tokens=50, overlap_tokens=10)
    assert [c.position for c in first] == list(range(len(first)))


def test_budget_arguments_are_checked() -> None:
    with pytest.raises(ValueError):
        chunk_blocks([], max_tokens=10, overlap_tokens=10)
    assert chunk_blocks([]) == []
