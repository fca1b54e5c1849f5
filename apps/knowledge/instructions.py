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
