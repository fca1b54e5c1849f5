"""Serves the widget build (`widget/dist`): `/widget.js` (the loader, which merchants embed) and
`/widget/<panel file>` (the chat panel, content-hashed, named in manifest.json).

Both are public, for any host (root domain and store hosts), with no session, CSRF or cookies.
Files are read once per process and kept with their gzip variant and ETag; with DEBUG on they
are re-read when they change on disk, so `npm run build` shows up without a restart."""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from django.views.decorators.http import require_safe

T = TypeVar("T")

logger = logging.getLogger(__name__)

LOADER_CACHE_CONTROL = "public, max-age=3600, stale-while-revalidate=86400"
PANEL_CACHE_CONTROL = "public, max-age=31536000, immutable"


@dataclass(frozen=True)
class Manifest:
    loader: str
    panel: str


@dataclass(frozen=True)
class Asset:
    body: bytes
    gzipped: bytes
    etag: str


# path -> ((mtime_ns, size), parsed value); one process, files written only by the build.
_files: dict[Path, tuple[tuple[int, int], object]] = {}


def _read(path: Path, parse: Callable[[bytes], T]) -> T | None:
    """`parse(file bytes)`, cached for the process (re-checked on disk with DEBUG on); None when
    the file is missing (not cached: a build made after start-up is picked up)."""
    hit = _files.get(path)
    if hit is not None and not settings.DEBUG:
        return hit[1]  # type: ignore[return-value]
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    signature = (stat.st_mtime_ns, stat.st_size)
    if hit is not None and hit[0] == signature:
        return hit[1]  # type: ignore[return-value]
    value = parse(path.read_bytes())
    _files[path] = (signature, value)
    return value


def _manifest_parse(data: bytes) -> Manifest | None:
    # A broken build (truncated or hand-edited manifest) serves as "not built", not as a 500 on
    # every storefront page; the log says why.
    try:
        manifest = json.loads(data)
        return Manifest(loader=str(manifest["loader"]), panel=str(manifest["panel"]))
    except (ValueError, TypeError, KeyError) as error:
        logger.error("widget manifest.json is malformed: %r", error)
        return None


def _asset_parse(data: bytes) -> Asset:
    # mtime=0: the same bytes give the same gzip stream (and every process the same ETag).
    return Asset(
        body=data,
        gzipped=gzip.compress(data, compresslevel=9, mtime=0),
        etag='"' + hashlib.sha256(data).hexdigest()[:32] + '"',
    )


def widget_manifest() -> Manifest | None:
    """The current build's file names, or None when the widget has not been built."""
    return _read(Path(settings.WIDGET_DIST_DIR) / "manifest.json", _manifest_parse)


def _serve(request: HttpRequest, name: str, cache_control: str) -> HttpResponse:
    asset = _read(Path(settings.WIDGET_DIST_DIR) / name, _asset_parse)
    if asset is None:
        raise Http404
    etags = parse_etags(request.headers.get("If-None-Match", ""))
    if asset.etag in etags or "*" in etags:
        response = HttpResponse(status=304)
    elif "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(asset.gzipped, content_type="text/javascript; charset=utf-8")
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(asset.body, content_type="text/javascript; charset=utf-8")
    response["ETag"] = asset.etag
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    # Storefronts on any origin load these scripts, and may time them (their RUM, bench widget).
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["Timing-Allow-Origin"] = "*"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


@require_safe
def loader_js(request: HttpRequest) -> HttpResponse:
    manifest = widget_manifest()
    if manifest is None:
        raise Http404
    return _serve(request, manifest.loader, LOADER_CACHE_CONTROL)


@require_safe
def panel_js(request: HttpRequest, name: str) -> HttpResponse:
    """Only the panel the manifest names: nothing else in dist (or outside it) is reachable."""
    manifest = widget_manifest()
    if manifest is None or name != manifest.panel:
        raise Http404
    return _serve(request, manifest.panel, PANEL_CACHE_CONTROL)
