"""Serving the widget build: /widget.js and the panel named in manifest.json."""

from __future__ import annotations

import gzip
import json

import pytest
from django.test import Client

from tests.widget.conftest import LOADER, PANEL, PANEL_FILE


@pytest.mark.parametrize("host", ["localhost", "store-a.localhost"])
def test_the_loader_is_served_on_every_host_without_cookies(tenant_a, widget_dist, host) -> None:
    response = Client(HTTP_HOST=host).get("/widget.js")
    assert response.status_code == 200
    assert response.content.decode() == LOADER
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=3600, stale-while-revalidate=86400"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert response["Timing-Allow-Origin"] == "*"
    assert not response.cookies


def test_the_panel_is_immutable_and_gzipped_when_accepted(tenant_a, widget_dist) -> None:
    response = Client(HTTP_HOST="store-a.localhost").get(
        f"/widget/{PANEL_FILE}", HTTP_ACCEPT_ENCODING="gzip, deflate, br"
    )
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content).decode() == PANEL
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_an_unchanged_file_answers_304(db, widget_dist) -> None:
    client = Client(HTTP_HOST="localhost")
    etag = client.get("/widget.js")["ETag"]
    again = client.get("/widget.js", HTTP_IF_NONE_MATCH=etag)
    assert (again.status_code, again.content, again["ETag"]) == (304, b"", etag)
    assert client.get("/widget.js", HTTP_IF_NONE_MATCH='"other"').status_code == 200


@pytest.mark.parametrize(
    "name", ["loader.js", "manifest.json", "secret.txt", "panel-old.js", "..%2Fsecret.txt"]
)
def test_only_the_manifests_panel_is_served_under_widget(db, widget_dist, name) -> None:
    assert Client(HTTP_HOST="localhost").get(f"/widget/{name}").status_code == 404


def test_nothing_is_served_without_a_build(db, settings, tmp_path) -> None:
    settings.WIDGET_DIST_DIR = tmp_path
    assert Client(HTTP_HOST="localhost").get("/widget.js").status_code == 404


def test_a_new_build_is_picked_up_in_debug(db, widget_dist, settings) -> None:
    # Given a process that served one build
    settings.DEBUG = True
    client = Client(HTTP_HOST="localhost")
    assert client.get(f"/widget/{PANEL_FILE}").status_code == 200
    # When the widget is rebuilt with a new panel
    (widget_dist / "panel-new.js").write_text("/* new */")
    manifest = {"loader": "loader.js", "panel": "panel-new.js"}
    (widget_dist / "manifest.json").write_text(json.dumps(manifest, indent=1))
    # Then the new panel is served and the old one no longer
    assert client.get("/widget/panel-new.js").content == b"/* new */"
    assert client.get(f"/widget/{PANEL_FILE}").status_code == 404


@pytest.mark.parametrize("manifest", ["{", "[]", '{"loader": "loader.js"}'])
def test_a_malformed_manifest_serves_as_not_built(db, widget_dist, manifest) -> None:
    # given a build whose manifest.json is broken
    (widget_dist / "manifest.json").write_text(manifest)
    # when a storefront asks for the loader
    response = Client(HTTP_HOST="localhost").get("/widget.js")
    # then it is not found rather than a server error
    assert response.status_code == 404
