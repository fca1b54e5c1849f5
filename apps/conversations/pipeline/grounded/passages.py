"""Answering from knowledge passages: the sentences of the best one or two passages that say
what the question asks.

Sentences are chosen by meaning: each sentence's embedding (stored with its chunk at
ingestion, see apps.knowledge.sentences) against the question's, which retrieval already
computed, so "money back" finds the refund sentence. Shared words only break near-ties.
Chunks stored before sentence vectors existed are answered by shared words alone until they
are re-embedded. Sentences addressed to the store's staff or tools are never quoted."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from apps.conversations.pipeline.citations import Sources
from apps.conversations.pipeline.config import Retrieval
from apps.conversations.pipeline.context import Passage
from apps.conversations.pipeline.grounded.text import Sentence, passage_body, sentences, terms
from apps.core.search import embeddings
from apps.knowledge.instructions import (
    looks_like_instructions,
    looks_like_staff_text,
    opens_staff_note,
)
from apps.knowledge.selectors import chunk_sentence_vectors

MAX_SENTENCES = 3
# A chosen sentence brings the rest of its list item when the item is this short.
ITEM_MAX_SENTENCES = 3
# Shared words, per word (a long or numeric word counts 1.5): enough to order sentences the
# model finds about equally close, never enough to beat a clearly closer one.
OVERLAP_WEIGHT = 0.03
OPENING_BONUS = 0.02  # a passage's opening usually states its point
SECOND_PASSAGE_PENALTY = 0.05
# Sentences this close to the best one are quoted with it (up to MAX_SENTENCES).
QUOTE_MARGIN = 0.12
# The second passage only adds a sentence about as good as the best one.
SECOND_PASSAGE_MARGIN = 0.08
# Without sentence vectors: word-overlap scores (as above, per word) and their thresholds.
WORDS_SECOND_PASSAGE_WEIGHT = 0.8
WORDS_OPENING_BONUS = 0.5
WORDS_MIN_SCORE = 0.5


@dataclass(frozen=True)
class SentenceMeaning:
    """The question's embedding and the stored sentence embeddings of some chunks."""

    question: np.ndarray
    vectors: dict[int, dict[str, np.ndarray]]  # chunk id -> sentence text -> vector

    def similarity(self, *, chunk_id: int, text: str) -> float | None:
        vector = self.vectors.get(chunk_id, {}).get(text)
        return None if vector is None else float(vector @ self.question)

    def passage_best(self, passage: Passage) -> float | None:
        """The closest quotable sentence of a passage (None without stored vectors, and for
        an FAQ answer: its sentences are encoded under its question, so each is as close to
        the shopper's question as the whole entry is, whatever it says)."""
        if passage.hit.source_kind == "faq":
            return None
        scores = [
            self.similarity(chunk_id=passage.hit.chunk_id, text=sentence.text)
            for sentence in _quotable_sentences(passage)
        ]
        if not scores or None in scores:
            return None
        return max(score for score in scores if score is not None)


def sentence_meaning_load(
    *, question: str, passages: list[Passage], model_name: str
) -> SentenceMeaning:
    """Runs on a database thread. The question's vector is retrieval's (cached), not new."""
    return SentenceMeaning(
        question=embeddings.embed_query(question.strip(), model_name=model_name),
        vectors=chunk_sentence_vectors(
            chunk_ids=[p.hit.chunk_id for p in passages], model_name=model_name
        ),
    )


def _quotable_sentences(passage: Passage) -> tuple[Sentence, ...]:
    return _quotable_in(passage.hit.text, is_faq=passage.hit.source_kind == "faq")


# The same chunks answer many questions: their sentences are read once per process.
@lru_cache(maxsize=4096)
def _quotable_in(text: str, *, is_faq: bool) -> tuple[Sentence, ...]:
    body = passage_body(text, is_faq=is_faq)
    quotable = []
    noted: set[int] = set()  # lines from a staff note onward
    for sentence in sentences(body):
        if opens_staff_note(sentence.text):
            noted.add(sentence.line)
        if sentence.line in noted or looks_like_staff_text(sentence.text):
            continue
        if not looks_like_instructions(sentence.text):
            quotable.append(sentence)
    return tuple(quotable)


def _overlap(sentence: str, asked: set[str]) -> float:
    matched = terms(sentence) & asked
    return sum(1.5 if len(term) >= 6 or any(c.isdigit() for c in term) else 1.0 for term in matched)


class _Candidate(NamedTuple):
    score: float
    passage: int  # index in the passages
    position: int  # sentence number in the passage
    text: str
    item: int | None  # list item (see text.Sentence)


def _candidates(
    passages: list[Passage], asked: set[str], meaning: SentenceMeaning | None
) -> tuple[list[_Candidate], bool]:
    """Every quotable sentence of the passages, scored by meaning when every one of them has
    a stored vector, else by shared words (one scale for all, or the scores don't compare)."""
    read = []
    for passage in passages:
        parts = list(_quotable_sentences(passage))
        meanings = [
            meaning.similarity(chunk_id=passage.hit.chunk_id, text=s.text) if meaning else None
            for s in parts
        ]
        if parts and len(parts[0].text.split()) < 4 and len(parts) > 1:  # "Yes." + what follows
            parts = [parts[0]._replace(text=f"{parts[0].text} {parts[1].text}"), *parts[2:]]
            meanings = meanings[1:]
        read.append((parts, meanings))
    by_meaning = all(m is not None for _, meanings in read for m in meanings)
    candidates = []
    for index, (parts, meanings) in enumerate(read):
        for position, (sentence, similarity) in enumerate(zip(parts, meanings, strict=True)):
            words = _overlap(sentence.text, asked)
            opening = index == 0 and position == 0
            if by_meaning:
                assert similarity is not None
                score = similarity + OVERLAP_WEIGHT * words + OPENING_BONUS * opening
                score -= SECOND_PASSAGE_PENALTY * index
            else:
                score = words * (WORDS_SECOND_PASSAGE_WEIGHT if index else 1.0)
                score += WORDS_OPENING_BONUS * opening
            candidates.append(_Candidate(score, index, position, sentence.text, sentence.item))
    return candidates, by_meaning


def passages_answer(
    *,
    question: str,
    passages: list[Passage],
    sources: Sources,
    meaning: SentenceMeaning | None = None,
) -> str:
    """Up to three sentences from the best one or two passages, each group with its marker."""
    candidates, by_meaning = _candidates(passages[:2], terms(question), meaning)
    best = sorted(candidates, key=lambda c: (-c.score, c.passage, c.position))
    if by_meaning and best:
        top = best[0].score
        chosen = [c for c in best if c.score >= top - QUOTE_MARGIN][:MAX_SENTENCES]
        chosen = [c for c in chosen if c.passage == 0 or c.score >= top - SECOND_PASSAGE_MARGIN]
    else:
        chosen = [c for c in best if c.score > WORDS_MIN_SCORE][:MAX_SENTENCES] or best[:2]
        if chosen:
            chosen = [c for c in chosen if c.passage == 0 or c.score >= chosen[0].score * 0.8]
    chosen += _completions(chosen, candidates)
    groups: list[str] = []
    for index in sorted({c.passage for c in chosen}):
        marker = sources.add_passage(passages[index].hit)
        text = " ".join(
            c.text for c in sorted(chosen, key=lambda c: c.position) if c.passage == index
        )
        groups.append(f"{text} [{marker}]")
    return " ".join(groups)


def _completions(chosen: list[_Candidate], candidates: list[_Candidate]) -> list[_Candidate]:
    """What a chosen sentence is nothing without: the item after a sentence that introduces a
    list ("...even straight after a wash:"), and the rest of a short list item (a step's
    "Don't put boots near a stove, because heat cracks leather" after its instruction)."""
    taken = {(c.passage, c.position) for c in chosen}
    wanted: list[_Candidate] = []
    for c in chosen:
        same_passage = [f for f in candidates if f.passage == c.passage]
        if c.text.rstrip().endswith(":"):
            wanted += [f for f in same_passage if f.position == c.position + 1]
        siblings = [f for f in same_passage if c.item is not None and f.item == c.item]
        if len(siblings) <= ITEM_MAX_SENTENCES:
            wanted += siblings
    completions = {(f.passage, f.position): f for f in wanted}
    return [f for place, f in completions.items() if place not in taken]


def passage_relevance(passage: Passage, meaning: SentenceMeaning, retrieval: Retrieval) -> float:
    """How well a passage answers, on the passage similarity scale: its own similarity, or its
    best sentence's when that is higher once shifted by the gap between the two gates. A long
    chunk of many bullets is a blur of all of them, while one bullet may answer exactly. A
    passage with nothing quotable (all of it written for staff) answers nothing."""
    if not _quotable_sentences(passage):
        return 0.0
    best = meaning.passage_best(passage)
    if best is None:
        return passage.similarity
    shift = retrieval.sentence_min_similarity - retrieval.passage_min_similarity
    return max(passage.similarity, best - shift)
