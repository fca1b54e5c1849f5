"""`manage.py bench widget`: how light the widget is on a storefront.

1. `loader_gzip_bytes`, `panel_gzip_bytes`: the build's sizes, from the widget's `npm run size`.
2. Starts daphne on loopback and the demo storefront (apps/widget/storefront.py) on another
   loopback origin, allowed for the run, for the demo store (seeded like `make dev`). Headless
   Chromium loads the storefront RUNS times, each in a fresh context (a first visit: nothing
   cached), and measures `launcher_visible_ms`: from the start of the widget.js fetch (resource
   timing) to the first animation frame in which the launcher button inside the widget's
   shadow root has a size (looked for only once the widget's element is in the page, so the
   probe costs the page nothing before). Reported as p50 / p95, with where the time went:
   `loader_fetch_p50_ms` (widget.js), `config_fetch_p50_ms` (the config request, from its start)
   and `after_config_p50_ms` (config received → launcher laid out: DOM ready, drawing).
   Browser and server share this machine's cores, so the server's answers wait for the CPU the
   browser is using, which a remote server would not: `server_wait_p50_ms` (request sent →
   first byte, widget.js and config together; both send Timing-Allow-Origin) and
   `launcher_visible_less_server_wait_p95_ms` tell the widget's own time from the server's.
3. Each run then opens the panel (`Aisle.open()`, waiting for its text box). Long tasks (over
   50 ms) from navigation to then count as the widget's (`long_tasks_over_50ms`,
   `long_task_max_ms`) when widget code ran in them (a script of Aisle's origin in the
   long-animation-frame attribution) or when they began after the open (the page is idle by
   then: drawing the panel is the widget's). The storefront's own parsing, style and layout
   make long tasks too on a busy machine; they are counted apart (`page_long_tasks_over_50ms`).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from collections.abc import Callable
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
from bench.common import percentile

Log = Callable[[str], None]
RUNS = 20
# Runs in the page before any of its scripts: records long tasks, the scripts that ran in long
# animation frames (with their source, for attribution), and the first frame in which a launcher
# button inside a shadow root is laid out. That frame is looked for from the moment an element
# with a shadow root joins the page: polling every frame from navigation would add work.
PROBE = """
const bench = window.__aisleBench = {longTasks: [], scripts: [], launcherAt: null};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.duration]);
}).observe({type: 'longtask', buffered: true});
new PerformanceObserver((list) => {
  for (const frame of list.getEntries()) {
    for (const script of frame.scripts) {
      bench.scripts.push([script.startTime, script.duration, script.sourceURL]);
    }
  }
}).observe({type: 'long-animation-frame', buffered: true});
const shown = (root, selector) => [...root.querySelectorAll(selector)].some((el) => {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
});
bench.find = (selector) => [...document.querySelectorAll('body > *')]
  .some((el) => el.shadowRoot && shown(el.shadowRoot, selector));
const poll = () => {
  if (bench.find('button')) bench.launcherAt = performance.now();
  else requestAnimationFrame(poll);
};
new MutationObserver((records, observer) => {
  if (!records.some((record) => [...record.addedNodes].some((node) => node.shadowRoot))) return;
  observer.disconnect();
  requestAnimationFrame(poll);
}).observe(document, {childList: true, subtree: true});
"""
# Resource timing of one request (the last with this URL prefix): [start, end, server wait].
FETCH_JS = """(prefix) => {
  const entry = performance.getEntriesByType('resource').filter((e) => e.name.startsWith(prefix))
    .pop();
  return [entry.startTime, entry.responseEnd, entry.responseStart - entry.requestStart];
}"""


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
    # The widget's own measure, so the figure matches its 3,000-byte loader budget exactly
    # (Node's zlib and Python's compress the same file to different sizes).
    if widget_manifest() is None:
        raise RuntimeError("the widget is not built: run `cd widget && npm run build`")
    output = subprocess.run(
        ["npm", "run", "--silent", "size"],
        cwd=settings.BASE_DIR / "widget",
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sizes = json.loads(output[output.index("{") : output.rindex("}") + 1])
    log("sizes: npm run size")
    return {name: int(sizes[name]) for name in ("loader_gzip_bytes", "panel_gzip_bytes")}


def _widgets(task: list[float], scripts: list[list[Any]], aisle: str, opened_at: float) -> bool:
    """Whether the long task [start, duration] is the widget's: it began after the open, or a
    script of Aisle's origin started inside it."""
    start, duration = task
    return start >= opened_at or any(
        str(source).startswith(aisle) and start <= begun < start + duration
        for begun, _length, source in scripts
    )


def _measure(*, url: str, script: str, runs: int, log: Log) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    aisle = script.rsplit("/", 1)[0]
    visible_ms: list[float] = []
    loader_ms: list[float] = []
    config_ms: list[float] = []
    after_config_ms: list[float] = []
    server_wait_ms: list[float] = []
    widget_tasks: list[float] = []
    page_tasks: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=processes.CHROMIUM_PATH, args=processes.CHROMIUM_ARGS
        )
        try:
            for index in range(runs + 1):  # the first run warms the server up, uncounted
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                page.add_init_script(PROBE)
                page.goto(url)
                page.wait_for_function("window.__aisleBench.launcherAt !== null", timeout=15_000)
                loader = page.evaluate(FETCH_JS, script)
                config = page.evaluate(FETCH_JS, f"{aisle}/api/v1/widget/config/")
                launcher_at = page.evaluate("window.__aisleBench.launcherAt")
                opened_at = page.evaluate(
                    "() => { const now = performance.now(); window.Aisle.open(); return now; }"
                )
                page.wait_for_function(
                    "window.__aisleBench.find('textarea, input')", timeout=15_000
                )
                page.wait_for_timeout(300)  # let the open's last tasks be reported
                tasks, scripts = page.evaluate(
                    "[window.__aisleBench.longTasks, window.__aisleBench.scripts]"
                )
                context.close()
                ours = [task for task in tasks if _widgets(task, scripts, aisle, opened_at)]
                if index:
                    visible_ms.append(launcher_at - loader[0])
                    server_wait_ms.append(loader[2] + config[2])
                    loader_ms.append(loader[1] - loader[0])
                    config_ms.append(config[1] - config[0])
                    after_config_ms.append(launcher_at - config[1])
                    widget_tasks.extend(duration for _start, duration in ours)
                    page_tasks.extend(task[1] for task in tasks if task not in ours)
                    log(
                        f"run {index}: launcher {launcher_at - loader[0]:.0f} ms (widget.js "
                        f"{loader[1] - loader[0]:.0f}, config {config[1] - config[0]:.0f}, "
                        f"server wait {loader[2] + config[2]:.0f}), "
                        f"long tasks: widget {[round(d) for _s, d in ours]}, all "
                        f"{[round(d) for _s, d in tasks]}"
                    )
        finally:
            browser.close()
    own_ms = [visible - wait for visible, wait in zip(visible_ms, server_wait_ms, strict=True)]
    return {
        "launcher_visible_p50_ms": round(statistics.median(visible_ms), 1),
        "launcher_visible_p95_ms": percentile(visible_ms, pct=95),
        "loader_fetch_p50_ms": round(statistics.median(loader_ms), 1),
        "config_fetch_p50_ms": round(statistics.median(config_ms), 1),
        "after_config_p50_ms": round(statistics.median(after_config_ms), 1),
        "server_wait_p50_ms": round(statistics.median(server_wait_ms), 1),
        "launcher_visible_less_server_wait_p95_ms": percentile(own_ms, pct=95),
        "long_tasks_over_50ms": len(widget_tasks),
        "long_task_max_ms": round(max(widget_tasks, default=0), 1),
        "page_long_tasks_over_50ms": len(page_tasks),
    }
