"""A chunk's sentences, as the grounded responder quotes them, and their stored vectors.

The answer layer picks the sentences of a passage that answer the question by their
embedding's similarity to it. Encoding sentences at question time would cost tens of
milliseconds per turn, so ingestion encodes every sentence of a chunk once and stores the
vectors with the chunk (half precision: ranking needs no more)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from apps.core.search.embeddings import EMBEDDING_DIMENSIONS
from apps.knowledge.chunk_vectors import chunk_vectors_with

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9$\"(])")
_STORED = np.float16


class Sentence(NamedTuple):
    text: str
    item: int | None  # the list item it belongs to (its line number), None outside lists
    line: int = 0  # the line of the body it is on


def _table_rows(lines: list[str]) -> list[str]:
    header = [cell.strip() for cell in lines[0].split("|")]
    rows = []
    for line in lines[1:]:
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) == len(header):
            rows.append(
                "; ".join(f"{name}: {value}" for name, value in zip(header, cells, strict=True))
                + "."
            )
        else:
            rows.append(line.strip())
    return rows


def passage_body(text: str, *, is_faq: bool) -> str:
    """A chunk without its heading line (and an FAQ chunk without its question)."""
    lines = text.splitlines()[1:] if "\n" in text else [text]
    if is_faq:
        answer = [line for line in lines if line.startswith("A: ")]
        if answer:
            index = lines.index(answer[0])
            lines = [answer[0][3:], *lines[index + 1 :]]
    return "\n".join(lines).strip()


def sentences(body: str) -> list[Sentence]:
    """Sentences, list items and table rows, in order."""
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    out: list[Sentence] = []
    table: list[str] = []
    for number, line in enumerate([*lines, ""]):
        if " | " in line:
            table.append(line)
            continue
        if table:
            rows = _table_rows(table) if len(table) > 1 else table
            out.extend(Sentence(row, None, number - 1) for row in rows)
            table = []
        if not line:
            continue
        item = number if line[0] in "-*•" else None
        line = line.lstrip("-*• ").strip()
        out.extend(
            Sentence(part.strip(), item, number)
            for part in _SENTENCE_END.split(line)
            if part.strip()
        )
    return out


def chunk_sentences(text: str) -> list[str]:
    """Every sentence the answer layer may quote from this chunk, whichever way it reads the
    chunk (an FAQ answer without its question, or any other passage without its heading)."""
    found: dict[str, None] = {}
    for is_faq in (False, True):
        for sentence in sentences(passage_body(text, is_faq=is_faq)):
            found[sentence.text] = None
    return list(found)


def sentence_vectors_pack(vectors: np.ndarray) -> bytes:
    return np.asarray(vectors, dtype=_STORED).tobytes()


def sentence_vectors_unpack(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=_STORED).reshape(-1, EMBEDDING_DIMENSIONS).astype(np.float32)


def _heading(text: str) -> str:
    """What a sentence is encoded after: the innermost heading of its chunk (or an FAQ
    entry's question). Alone, "Wash the jacket as described above" is about any jacket; under
    "Restoring water repellency" it is not about washing a down jacket."""
    if "\n" not in text:
        return ""
    heading = text.split("\n", 1)[0].rsplit(" > ", 1)[-1].strip()
    return f"{heading}: " if heading else ""


@dataclass(frozen=True)
class ChunkSentences:
    texts: list[str]
    vectors: np.ndarray  # one row per text


def chunks_encode(
    chunks: list[tuple[str, str]], *, model_name: str
) -> tuple[np.ndarray, list[ChunkSentences]]:
    """The `(text, section)` chunks' embeddings (chunk_vectors.py) and their sentences'
    embeddings, from one encoder call."""
    texts = [text for text, _section in chunks]
    found = [chunk_sentences(text) for text in texts]
    in_context = [
        f"{_heading(text)}{s}" for text, part in zip(texts, found, strict=True) for s in part
    ]
    chunk_rows, sentence_rows = chunk_vectors_with(
        chunks=chunks, extra=in_context, model_name=model_name
    )
    rows = iter(sentence_rows)
    per_chunk = [
        ChunkSentences(
            part, np.asarray([next(rows) for _ in part]).reshape(-1, EMBEDDING_DIMENSIONS)
        )
        for part in found
    ]
    return chunk_rows, per_chunk
