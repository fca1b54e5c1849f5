"""`manage.py bench widget`: how light the widget is on a storefront.

1. `loader_gzip_bytes`, `panel_gzip_bytes`: the build's sizes, from the widget's `npm run size`
   when it has one, else gzip (level 9) of the files manifest.json names.
2. Starts daphne on loopback and the demo storefront (apps/widget/storefront.py) on another
   loopback origin, allowed for the run, for the demo store (seeded like `make dev`). Headless
   Chromium loads the storefront RUNS times, each in a fresh context (a first visit: nothing
   cached), and measures `launcher_visible_ms`: from the start of the widget.js fetch (resource
   timing) to the first animation frame in which the launcher button inside the widget's
   shadow root has a size. Reported as p50 / p95.
3. Each run then opens the panel (`Aisle.open()`, waiting for its text box), and every
   `longtask` entry (over 50 ms) observed from navigation to then is counted: the storefront
   page runs no script of its own, so every long task is the widget's.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings

from apps.core import processes
from apps.core.demo import demo_seed
from apps.core.tenancy import tenant_context
from apps.tenants.selectors import tenant_get_by_slug
from apps.widget.services import widget_settings_get, widget_settings_update
from apps.widget.serving import widget_manifest
from apps.widget.snippet import install_snippet
from apps.widget.storefront import StorefrontServer, storefront_items, storefront_page

Log = Callable[[str], None]
RUNS = 20
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Runs in the page before any of its scripts: records long tasks and the first frame in which
# a launcher button inside a shadow root is laid out.
PROBE = """
window.__aisleBench = {longTasks: [], launcherAt: null};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__aisleBench.longTasks.push(entry.duration);
}).observe({type: 'longtask', buffered: true});
const shown = (root, selector) => [...root.querySelectorAll(selector)].some((el) => {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
});
window.__aisleBench.find = (selector) => [...document.querySelectorAll('body > *')]
  .some((el) => el.shadowRoot && shown(el.shadowRoot, selector));
const poll = () => {
  if (window.__aisleBench.find('button')) window.__aisleBench.launcherAt = performance.now();
  else requestAnimationFrame(poll);
};
requestAnimationFrame(poll);
"""


def run(*, size: int | None, quick: bool, log: Log) -> dict[str, Any]:
    runs = size or (5 if quick else RUNS)
    figures: dict[str, Any] = {**_sizes(log), "runs": runs}
    demo = demo_seed()
    tenant = tenant_get_by_slug(slug=demo.credentials.slug)
    if tenant is None:
        raise RuntimeError("the demo store is missing")
    port = processes.free_port()
    aisle = f"http://{settings.BASE_DOMAIN}:{port}"
    with tenant_context(tenant):
        items = storefront_items()
        origins = widget_settings_get().allowed_origins
    page = storefront_page(
        store_name=tenant.name,
        items=items,
        snippet=install_snippet(api_origin=aisle, key=demo.widget_key),
    )
    shop = StorefrontServer(bind="127.0.0.1", port=0, page=page).start_in_thread()
    web = None
    try:
        with tenant_context(tenant):
            widget_settings_update(allowed_origins=[*origins, shop.origin])
        env = {**os.environ, "SITE_PORT": str(port), "LOG_LEVEL": "WARNING"}
        web = processes.daphne_server(port=port, env=env)
        log(f"daphne on {aisle}, storefront on {shop.origin}")
        figures |= _measure(url=f"{shop.origin}/", script=f"{aisle}/widget.js", runs=runs, log=log)
    finally:
        if web is not None:
            processes.processes_stop([web])
        shop.shutdown()
        shop.server_close()
        with tenant_context(tenant):
            widget_settings_update(allowed_origins=origins)
    return figures


def _sizes(log: Log) -> dict[str, int]:
    widget_dir = settings.BASE_DIR / "widget"
    scripts = json.loads((widget_dir / "package.json").read_text()).get("scripts", {})
    if "size" in scripts:
        output = subprocess.run(
            ["npm", "run", "--silent", "size"],
            cwd=widget_dir,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        sizes = json.loads(output[output.index("{") : output.rindex("}") + 1])
        log("sizes: npm run size")
        return {name: int(sizes[name]) for name in ("loader_gzip_bytes", "panel_gzip_bytes")}
    manifest = widget_manifest()
    if manifest is None:
        raise RuntimeError("the widget is not built: run `cd widget && npm run build`")
    dist = Path(settings.WIDGET_DIST_DIR)
    log("sizes: gzip of widget/dist")
    return {
        "loader_gzip_bytes": _gzip_size(dist / manifest.loader),
        "panel_gzip_bytes": _gzip_size(dist / manifest.panel),
    }


def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def _measure(*, url: str, script: str, runs: int, log: Log) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    visible_ms: list[float] = []
    long_tasks: list[float] = []
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for index in range(runs + 1):  # the first run warms the server up, uncounted
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                page.add_init_script(PROBE)
                page.goto(url)
                page.wait_for_function("window.__aisleBench.launcherAt !== null", timeout=15_000)
                started = page.evaluate(
                    "(src) => performance.getEntriesByName(src)[0].startTime", script
                )
                launcher_at = page.evaluate("window.__aisleBench.launcherAt")
                page.evaluate("window.Aisle.open()")
                page.wait_for_function(
                    "window.__aisleBench.find('textarea, input')", timeout=15_000
                )
                page.wait_for_timeout(300)  # let the open's last tasks be reported
                tasks = page.evaluate("window.__aisleBench.longTasks")
                context.close()
                if index:
                    visible_ms.append(launcher_at - started)
                    long_tasks.extend(tasks)
                    log(f"run {index}: launcher {launcher_at - started:.0f} ms, long tasks {tasks}")
        finally:
            browser.close()
    return {
        "launcher_visible_p50_ms": round(statistics.median(visible_ms), 1),
        "launcher_visible_p95_ms": round(
            statistics.quantiles(visible_ms, n=100, method="inclusive")[94], 1
        ),
        "long_tasks_over_50ms": len(long_tasks),
        "long_task_max_ms": round(max(long_tasks, default=0), 1),
    }
