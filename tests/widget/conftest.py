from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.catalog.conftest import in_store_a, source  # noqa: F401 - fixtures

LOADER = "(()=>{/* loader */})();\n" * 20
PANEL = "(()=>{/* panel */})();\n" * 200
PANEL_FILE = "panel-abc123.js"


@pytest.fixture
def widget_dist(tmp_path: Path, settings) -> Path:
    """A widget build in a temporary folder (unit tests never depend on a real build)."""
    (tmp_path / "loader.js").write_text(LOADER)
    (tmp_path / PANEL_FILE).write_text(PANEL)
    (tmp_path / "secret.txt").write_text("not served")
    (tmp_path / "manifest.json").write_text(
        json.dumps({"loader": "loader.js", "panel": PANEL_FILE})
    )
    settings.WIDGET_DIST_DIR = tmp_path
    return tmp_path
