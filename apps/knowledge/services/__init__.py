"""Writes for knowledge: sources and FAQ entries (sources.py), syncing a source (sync.py),
turning one document's content into stored chunks (ingest.py), store settings (settings.py)."""
