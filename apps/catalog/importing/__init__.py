"""Reading records to import, in three parts: `common` (file sources, JSON streaming, cell values,
column mappings, compact indexes, and the RowError / ImportFileError / Preview every reader
shares), `products` (product files: Shopify, WooCommerce, generic tables, JSON) and `orders`
(order files). Pure: no database, no network. Records go to the run loop (services/runs.py)."""
