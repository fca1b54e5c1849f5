"""JSON from untrusted clients: bounded nesting and finite numbers only.

Python's json module turns `1e999999` into infinity and recurses once per nesting level, so a
10,000-level array raises RecursionError (a 500 where it escapes). Every JSON body and frame that
arrives from outside goes through `json_loads_untrusted`, which refuses both with a clear reason.
"""

from __future__ import annotations

import json
import math
from typing import Any

MAX_DEPTH = 64


class UntrustedJSONError(ValueError):
    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise UntrustedJSONError("number_out_of_range", f"The number {text[:40]} is out of range.")
    return value


def _refuse_constant(name: str) -> Any:
    raise UntrustedJSONError("number_out_of_range", f"{name} is not a JSON number.")


def _depth_check(value: Any, *, max_depth: int) -> None:
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: list[Any] = list(node.values())
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > max_depth:
            raise UntrustedJSONError(
                "too_deeply_nested", f"The JSON is nested deeper than {max_depth} levels."
            )
        stack.extend((child, depth + 1) for child in children)


def json_loads_untrusted(raw: str | bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON from a client. Raises UntrustedJSONError (a ValueError) with a stable `code`:
    `invalid_json`, `too_deeply_nested` or `number_out_of_range`."""
    try:
        value = json.loads(raw, parse_float=_finite_float, parse_constant=_refuse_constant)
    except UntrustedJSONError:
        raise
    except RecursionError as error:
        raise UntrustedJSONError(
            "too_deeply_nested", f"The JSON is nested deeper than {max_depth} levels."
        ) from error
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise UntrustedJSONError("invalid_json", "The body is not valid JSON.") from error
    _depth_check(value, max_depth=max_depth)
    return value
