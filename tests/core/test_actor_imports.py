"""The rule between actors and services, which import-linter cannot see (it counts an import
inside a function like one at the top):

    A service imports the actors it enqueues at the top of its module; an actor imports the
    service it calls inside its own body.

One direction has to be lazy, or `services` and `tasks` import each other in a cycle. Keeping
it in the actor means a service's module header lists every job it can start, and loading the
actors (the worker does that first) never loads the services behind them."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

APPS = settings.BASE_DIR / "apps"
SERVICES = re.compile(r"^apps\.\w+\.services(\.|$)")
TASKS = re.compile(r"^apps\.\w+\.tasks(\.|$)")


def _modules(kind: str) -> list[Path]:
    return sorted([*APPS.glob(f"*/{kind}.py"), *APPS.glob(f"*/{kind}/**/*.py")])


def _imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    # `from apps.x import services` names the module in the alias, not in `module`.
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def _imports(tree: ast.Module) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import with whether it runs when the module loads (outside any function)."""

    def walk(node: ast.AST, top: bool) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                yield child, top
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue  # a type is not a dependency at run time
            else:
                inner = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
                yield from walk(child, top and not inner)

    return walk(tree, True)


def _offences(kind: str, target: re.Pattern[str], *, at_top: bool) -> list[str]:
    found = []
    for path in _modules(kind):
        for node, top in _imports(ast.parse(path.read_text(), filename=str(path))):
            if top == at_top and any(target.match(name) for name in _imported(node)):
                where = path.relative_to(settings.BASE_DIR)
                found.append(f"{where}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_actors_import_services_inside_their_bodies() -> None:
    # given every actor module; when its module-level imports are read
    offences = _offences("tasks", SERVICES, at_top=True)

    # then none loads a services module
    assert not offences, (
        "An actor imports its service inside the actor's body, not at the top of tasks.py:\n"
        + "\n".join(offences)
    )


def test_services_import_actors_at_the_top() -> None:
    # given every services module; when its function-level imports are read
    offences = _offences("services", TASKS, at_top=False)

    # then none imports an actor module lazily
    assert not offences, (
        "A service imports the actors it enqueues at the top of its module:\n" + "\n".join(offences)
    )
