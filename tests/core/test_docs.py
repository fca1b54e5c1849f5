"""The documentation names real files: every repository path in README.md and docs/*.md exists."""

import re
from pathlib import Path

from django.conf import settings

REPO = Path(settings.BASE_DIR)
PATH_ROOTS = (
    "apps/",
    "bench/",
    "config/",
    "docs/",
    "frontend/",
    "static/",
    "templates/",
    "tests/",
    "tools/",
    "widget/",
)
TOP_LEVEL_FILES = {
    ".dockerignore",
    ".env.example",
    "Dockerfile",
    "Makefile",
    "README.md",
    "compose.yaml",
    "manage.py",
    "pyproject.toml",
    "uv.lock",
}
# Build outputs the docs describe: they exist only after `make dev` / `make test` built them.
BUILD_OUTPUTS = ("frontend/dist", "widget/dist")
# A code span, or the target of a relative Markdown link.
CODE_SPAN = re.compile(r"`([^`\n]+)`")
LINK_TARGET = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def _documents() -> list[Path]:
    return [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def _named_path(span: str) -> str | None:
    """The repository path a code span names, if it names one: `apps/x.py:symbol` → apps/x.py."""
    path = span.split(":", 1)[0]
    if re.search(r"[\s<>*{}$]", path):
        return None  # a pattern or a placeholder (`tests/<app>/factories.py`), not one path
    if path.startswith(PATH_ROOTS) or path in TOP_LEVEL_FILES:
        return path
    return None


def test_every_path_the_docs_name_exists() -> None:
    # given every code span and relative link of the documentation
    assert len(_documents()) > 1
    missing = []
    for doc in _documents():
        text = doc.read_text(encoding="utf-8")
        named = {p for span in CODE_SPAN.findall(text) if (p := _named_path(span))}
        linked = {
            str((doc.parent / target).resolve().relative_to(REPO))
            for target in LINK_TARGET.findall(text)
            if "://" not in target and not target.startswith("mailto:")
        }
        # when each is looked up in the repository
        for path in sorted(named | linked):
            if not path.startswith(BUILD_OUTPUTS) and not (REPO / path).exists():
                missing.append(f"{doc.relative_to(REPO)}: {path}")
    # then none is missing (all are listed at once, to fix in one go)
    assert not missing, "paths named in the docs do not exist:\n" + "\n".join(missing)
