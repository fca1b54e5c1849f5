"""Column names and mappings, whatever the records: matching that ignores case, spacing and
punctuation, and checking a merchant's mapping {target field: column}."""

from __future__ import annotations

import re

from apps.catalog.importing.common.records import ImportFileError


def norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def squash(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


def check_mapping(
    mapping: dict[str, str], columns: list[str] | None, targets: tuple[str, ...]
) -> None:
    """Unknown target fields (of `targets`; "option:<Name>" admits any "option:…"), or columns
    the file does not have → ImportFileError."""
    options = "option:<Name>" in targets
    fixed = set(targets) - {"option:<Name>"}
    bad_targets = [
        t
        for t in mapping
        if t not in fixed and not (options and t.startswith("option:") and t[7:].strip())
    ]
    if bad_targets:
        raise ImportFileError(
            "unknown_column",
            "Unknown target field(s): "
            + ", ".join(f'"{t}"' for t in bad_targets)
            + ". Use one of: "
            + ", ".join(targets)
            + ".",
        )
    if columns is None:
        return
    known = set(columns)
    missing = sorted({c for c in mapping.values() if c not in known})
    if missing:
        raise ImportFileError(
            "unknown_column",
            "The file has no column(s) " + ", ".join(f'"{c}"' for c in missing) + ".",
        )
