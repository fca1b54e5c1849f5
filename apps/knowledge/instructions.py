"""Spotting text that addresses an AI assistant ("ignore previous instructions ...").

Documents are data. A page that tries to instruct the assistant is stored and retrievable like
any other text, but its chunks are flagged so the answer layer can quote them as untrusted
content and never follow them.
"""

from __future__ import annotations

import re

_PATTERNS = [
    r"\b(ignore|disregard|forget|override)\b[^.\n]{0,40}\b(previous|prior|above|earlier|all|your)\b"
    r"[^.\n]{0,20}\b(instructions?|prompts?|rules|directions)\b",
    r"\byou are (now )?(an? )?(ai|assistant|chatbot|language model|gpt)\b",
    r"\b(system|developer) (prompt|message|instructions?)\b",
    r"\bdo not (tell|reveal|mention)\b[^.\n]{0,40}\b(user|customer|shopper)s?\b",
    r"\b(new|updated) instructions?\s*:",
    r"\bact as\b[^.\n]{0,30}\b(assistant|ai|admin|developer)\b",
]
_INSTRUCTION_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)


def looks_like_instructions(text: str) -> bool:
    return _INSTRUCTION_RE.search(text) is not None


# Text written for the store's support staff or its bots rather than for shoppers. A policy
# page often mixes both ("As an agent you must verify the user's identity. Returns are
# accepted within 30 days."): the facts are quotable, these sentences are not. Unlike
# instruction-like text they are no attack, so they only drop out of quotes; the chunk stays.
_STAFF_PATTERNS = [
    # tools and function calls
    r"\b(tool|function)[ _-]?calls?\b",
    r"\b(make|making|use|using|call|calling|invoke|invoking)\b[^.\n]{0,30}\b(tools?|functions?)\b",
    # the reader's role
    r"\bas an? ([\w-]+ )?(agent|assistant|ai|bot|representative|rep|staff member)\b",
    # "you" (the reader) doing something to or for "the user" (the shopper in third person)
    r"\byou\b[^.\n]{0,80}\b(users?|customers?|callers?|shoppers?)\b(?!\s+(service|support|care"
    r"|team|portal|account page|reviews?))",
    r"\b(users?|customers?|callers?|shoppers?)\b(?!\s+(service|support|care|team|portal))"
    r"[^.\n]{0,80}\byou (must|should|have to|need to|can|cannot|can't|may)\b",
    # instructions about answering itself
    r"\b(do not|don't|never|should not|shouldn't)\s+(make up|invent|fabricate|guess|hallucinate"
    r"|speculate)\b",
    r"\b(transfer|escalate|hand (it )?over|route|hand off)\b\s+(the\s+)?(users?|customers?|callers?"
    r"|shoppers?|conversation|chat|ticket)\b",
    r"\bexplicit (user |customer )?confirmation\b",
    r"\b(deny|refuse|reject)\b\s+(the\s+)?(users?|customers?)'?s?\s+requests?\b",
    # an order to the reader about the shopper ("Never read the address back to the customer")
    r"^\W*(never|always|do not|don't|ask|tell|confirm|check|verify|offer|escalate|hand|read"
    r"|give|make sure|remind|refer|apologi[sz]e)\b[^.\n]{0,120}\b(customers?|users?|callers?"
    r"|shoppers?)\b(?!\s+(service|support|care|team))",
    r"\b(hand|pass|escalate|transfer|route)\b[^.\n]{0,20}\b(chat|conversation|ticket|case)\b",
    r"#[\w-]+ channel\b|\b(slack|internal) channel\b",
    r"\b(internal|this) (handbook|playbook|runbook)\b",
]
_STAFF_RE = re.compile("|".join(f"(?:{p})" for p in _STAFF_PATTERNS), re.IGNORECASE)


def looks_like_staff_text(text: str) -> bool:
    return _STAFF_RE.search(text) is not None


# A note for staff ("Agent note: ...", "Internal only:") covers the rest of its line, however
# ordinary its later sentences read ("Confirm only the city.").
_STAFF_NOTE_RE = re.compile(
    r"^\W*(agents?|staff|internal|support|desk|team|admin)[ -]?(notes?|only|tips?|reminders?)\b"
    r"\s*:|^\W*(note|reminder) (to|for) (agents?|staff)\b",
    re.IGNORECASE,
)


def opens_staff_note(sentence: str) -> bool:
    return _STAFF_NOTE_RE.search(sentence) is not None
