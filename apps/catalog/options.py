"""A product's variant options summarised as tokens, GIN-indexed on the product
(`Product.option_tokens`), so search filters on options, colours and sizes prune products with
one index-friendly array test instead of inspecting each candidate's variants row by row.

Tokens: every variant's "name:value" pair (as `Variant.option_values`), "colour~<word>" for
each word of a colour-ish option's value ("color:ember red" → colour~ember, colour~red) and
"size~<value>" for a size-ish option. A product with the tokens may still fail the filter (the
colour and the size on different variants): the summary prunes, the variant check decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The same option names search.py's variant conditions treat as colours and sizes.
COLOUR_NAMES = ("colo", "shade")
SIZE_NAMES = ("size",)
_WORD = re.compile(r"\w+")


def option_values(options: dict[str, str]) -> list[str]:
    """One variant's options as lower-cased "name:value" pairs."""
    return sorted(
        {f"{name.strip().lower()}:{value.strip().lower()}" for name, value in options.items()}
    )


def colour_token(word: str) -> str:
    return f"colour~{word.lower()}"


def size_token(value: str) -> str:
    return f"size~{value.lower()}"


def option_tokens(variant_option_values: Iterable[list[str]]) -> list[str]:
    """The product's summary from its variants' `option_values`."""
    tokens: set[str] = set()
    for values in variant_option_values:
        for pair in values:
            tokens.add(pair)
            name, _, value = pair.partition(":")
            if name.startswith(COLOUR_NAMES):
                tokens.update(colour_token(word) for word in _WORD.findall(value))
            elif name.startswith(SIZE_NAMES):
                tokens.add(size_token(value))
    return sorted(tokens)


def colour_tokens(colours: list[str]) -> list[str] | None:
    """Tokens of which a product needs one to have any of `colours`; None when a colour of
    several words ("light blue") makes the summary unable to say."""
    if not all(_WORD.fullmatch(colour) for colour in colours):
        return None
    return [colour_token(colour) for colour in colours]
