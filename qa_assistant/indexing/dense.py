"""The dense (vector) index: exact while that is cheap, an HNSW graph beyond."""

from __future__ import annotations

import faiss
import numpy as np

from qa_assistant.indexing import embedding
from qa_assistant.settings import Settings


def dense_index(vectors: np.ndarray, settings: Settings) -> faiss.Index:
    """Exact inner-product search while it is cheap (up to QA_DENSE_EXACT_MAX passages); beyond, an HNSW
    graph over the same vectors (exact search stays available on its storage, for filtered searches). Recall
    against exact search is measured by scripts/benchmark.py."""
    if len(vectors) <= settings.dense_exact_max:
        dense = faiss.IndexFlatIP(embedding.MODEL_DIM)
    else:
        dense = faiss.IndexHNSWFlat(embedding.MODEL_DIM, settings.dense_hnsw_m, faiss.METRIC_INNER_PRODUCT)
        dense.hnsw.efConstruction = settings.dense_hnsw_ef_construction
    dense.add(vectors)
    return dense
