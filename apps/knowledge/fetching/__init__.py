"""Fetching merchant content from the web: one URL (`fetch_url`) or a whole site (`SiteCrawler`).

Modules: client (the guarded GET), addresses (SSRF guard), sitemap (safe sitemap parsing),
crawl (robots.txt, sitemaps, breadth-first discovery).
"""

from apps.knowledge.fetching.client import (
    FetchError,
    FetchPolicy,
    FetchResult,
    fetch_url,
    validate_url,
)
from apps.knowledge.fetching.crawl import SiteCrawler

__all__ = ["FetchError", "FetchPolicy", "FetchResult", "SiteCrawler", "fetch_url", "validate_url"]
