"""Writes for the catalog: upserting products (products.py) and orders (orders.py), file imports
(imports.py) and the run loop every import feeds (runs.py)."""
