"""Writes for the catalog: upserting products (products.py) and running imports (imports.py)."""
