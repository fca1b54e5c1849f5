"""Cell checks shared by every record kind: each records a RowError instead of raising, so a
reader can report every problem of an item at once."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from apps.catalog.importing.common.records import RowError
from apps.catalog.importing.common.values import (
    BadValue,
    looks_like_formula,
    parse_count,
    parse_price,
    quote,
)

T = TypeVar("T")


class CellChecks:
    """Cell checks that record a RowError (in `self.errors`) instead of raising."""

    errors: list[RowError]

    def error(self, line: int, column: str | None, code: str, message: str) -> None:
        self.errors.append(RowError(line=line, column=column, code=code, message=message))

    def bad(self, line: int, column: str, raw: object, problem: BadValue) -> None:
        self.error(line, column, problem.code, f"{column} {quote(str(raw))} {problem.reason}")

    def text(self, raw: object, line: int, column: str, *, strip: bool = True) -> str:
        """A field shoppers see: trimmed (unless `strip=False`), refused if it is a formula."""
        value = str(raw) if raw is not None else ""
        if strip:
            value = value.strip()
        if looks_like_formula(value.strip()):
            start = value.strip()[0]
            shown = {"\t": "tab", "\r": "carriage return"}.get(start, f'"{start}"')
            self.error(
                line,
                column,
                "formula",
                f"{column} {quote(value)} looks like a spreadsheet formula; shoppers see this "
                f"field and spreadsheets would run it — remove the leading {shown}",
            )
        return value

    def texts(self, values: list[str], line: int, column: str) -> list[str]:
        return [self.text(v, line, column) for v in values]

    def price(self, raw: object, line: int, column: str, currency: str) -> Decimal | None:
        try:
            return parse_price(raw, currency=currency)
        except BadValue as problem:
            self.bad(line, column, raw, problem)
            return None

    def count(self, raw: object, line: int, column: str) -> int | None:
        try:
            return parse_count(raw)
        except BadValue as problem:
            self.bad(line, column, raw, problem)
            return None

    def parsed(self, parse: Callable[[object], T], raw: object, line: int, column: str) -> T | None:
        try:
            return parse(raw)
        except BadValue as problem:
            self.bad(line, column, raw, problem)
            return None
