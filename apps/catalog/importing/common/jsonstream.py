"""Streaming the items of a JSON product (or order) list with the standard library only.

Accepts a top-level array of objects, or an object holding the array under "products" (Shopify's
Admin API shape; "orders" for order files), "items" or "data", or a single product
({"product": {...}} or a bare product object). The file is decoded in 1 MB pieces and each item
is parsed with `json.JSONDecoder.raw_decode` as soon as it is complete, so memory holds one item
(plus a piece of text), not the file. An item larger than MAX_ITEM_CHARS is refused ("too_large")
rather than buffered. Floats are read as Decimal (prices stay exact); NaN/Infinity become Decimal
NaN/Infinity for the price checks to refuse.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from apps.catalog.importing.common.records import ImportFileError

CHUNK_BYTES = 1024 * 1024
MAX_ITEM_CHARS = 50 * 1024 * 1024


@dataclass(frozen=True)
class ItemKind:
    noun: str  # "product": the list may sit under "products", a single item under "product"
    identifying: tuple[str, ...]  # a bare single item has one of these keys

    @property
    def array_keys(self) -> tuple[str, ...]:
        return (f"{self.noun}s", "items", "data")


PRODUCTS = ItemKind("product", ("title", "name"))
ORDERS = ItemKind("order", ("number",))

_DECODER = json.JSONDecoder(parse_float=Decimal, parse_constant=Decimal)
_WHITESPACE = re.compile(r"[ \t\n\r]*")


class _Text:
    def __init__(self, path: Path) -> None:
        self.handle = open(path, "rb")  # noqa: SIM115 - closed by iter_items
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
        self.text = ""
        self.pos = 0
        self.eof = False
        self.bytes_read = 0
        self.lines_dropped = 0

    def more(self) -> bool:
        if self.eof:
            return False
        chunk = self.handle.read(CHUNK_BYTES)
        pending = len(self.decoder.getstate()[0])
        try:
            decoded = self.decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            offset = max(self.bytes_read - pending + error.start, 0)
            raise ImportFileError(
                "encoding",
                f"The JSON file is not valid UTF-8: unreadable bytes at byte {offset:,}.",
            ) from None
        self.bytes_read += len(chunk)
        if not chunk:
            self.eof = True
        self.text += decoded
        return True

    def compact(self) -> None:
        if self.pos > CHUNK_BYTES:
            self.lines_dropped += self.text.count("\n", 0, self.pos)
            self.text = self.text[self.pos :]
            self.pos = 0

    def peek(self) -> str:
        while True:
            self.pos = _WHITESPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text) or not self.more():
                return self.text[self.pos] if self.pos < len(self.text) else ""

    def fail(self, position: int, what: str) -> ImportFileError:
        line = self.lines_dropped + self.text.count("\n", 0, position) + 1
        column = position - self.text.rfind("\n", 0, position)
        return ImportFileError(
            "invalid_json", f"Invalid JSON at line {line}, column {column}: {what}."
        )

    def expect(self, char: str) -> None:
        if self.peek() != char:
            found = self.text[self.pos : self.pos + 1] or "end of file"
            raise self.fail(self.pos, f'expected "{char}", found "{found}"')
        self.pos += 1

    def value(self) -> Any:
        self.peek()
        start = self.pos
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as error:
                if len(self.text) - start > MAX_ITEM_CHARS:
                    raise ImportFileError(
                        "too_large",
                        f"A JSON item is larger than {MAX_ITEM_CHARS // (1024 * 1024)} MB.",
                    ) from None
                if self.more():
                    continue
                raise self.fail(error.pos, error.msg) from None
            if end == len(self.text) and self.more():
                continue  # a number cut at the end of the buffer may go on
            self.pos = end
            return value

    def close(self) -> None:
        self.handle.close()


def _array(text: _Text) -> Iterator[Any]:
    text.expect("[")
    if text.peek() == "]":
        text.pos += 1
        return
    while True:
        text.compact()
        yield text.value()
        separator = text.peek()
        text.pos += 1
        if separator == "]":
            return
        if separator != ",":
            raise text.fail(text.pos - 1, f'expected "," or "]", found "{separator or "end"}"')


def iter_items(path: Path, kind: ItemKind = PRODUCTS) -> Generator[Any, None, None]:
    """The product (or order) objects of the file, in order, one at a time."""
    noun = kind.noun
    text = _Text(path)
    try:
        first = text.peek()
        if first == "[":
            yield from _array(text)
        elif first == "{":
            text.pos += 1
            kept: dict[str, Any] = {}
            found = False
            if text.peek() == "}":
                text.pos += 1
            else:
                while True:
                    key = text.value()
                    if not isinstance(key, str):
                        raise text.fail(text.pos, "object keys must be strings")
                    text.expect(":")
                    if not found and key in kind.array_keys and text.peek() == "[":
                        found = True
                        yield from _array(text)
                    elif not found and key == noun and text.peek() == "{":
                        found = True
                        yield text.value()
                    else:
                        kept[key] = text.value()
                    separator = text.peek()
                    text.pos += 1
                    if separator == "}":
                        break
                    if separator != ",":
                        raise text.fail(text.pos - 1, f'expected "," or "}}", found "{separator}"')
            if not found:
                if not any(key in kept for key in kind.identifying):
                    raise ImportFileError(
                        "invalid_json",
                        f"The JSON file holds no {noun} list: expected an array of {noun}s or "
                        f'{{"{noun}s": [...]}}.',
                    )
                yield kept
        else:
            raise text.fail(text.pos, f"expected an array of {noun}s")
        if text.peek():
            raise text.fail(text.pos, f"unexpected data after the {noun} list")
    finally:
        text.close()


def text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, default=str)
