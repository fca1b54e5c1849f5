"""Retrieval building blocks that knowledge, catalog and conversations share: the embedding
model (`embeddings`, `onnx_encoder`) and the pieces of hybrid SQL (`hybrid`: pgvector HNSW
settings, the full-text arm, reciprocal rank fusion). Each feature app keeps its own queries;
nothing here knows about chunks or products."""
