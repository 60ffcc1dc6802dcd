"""Combine dense and BM25 scores of the same chunks into one ranking score."""

from __future__ import annotations

import numpy as np

RRF_K = 60


ALPHA = 0.6


def weighted(dense: np.ndarray, bm25: np.ndarray, alpha: float = ALPHA) -> np.ndarray:
    """alpha x cosine + (1 - alpha) x BM25 scaled to the query's best BM25 score.

    Measured against scaling BM25 by the query's ideal score (sum of idf x (k1 + 1)) and against RRF:
    this scaling did best on the held-out queries (docs/benchmarks.md).
    """
    top = float(bm25.max()) if bm25.size else 0.0
    sparse = bm25 / top if top > 0 else np.zeros_like(bm25)
    return alpha * np.clip(dense, 0.0, None) + (1.0 - alpha) * sparse


def rrf(dense: np.ndarray, bm25: np.ndarray, k: int = RRF_K) -> np.ndarray:
    """Reciprocal rank fusion: the sum of 1 / (k + rank) over both rankings."""
    out = np.zeros_like(dense, dtype=np.float64)
    for scores, require_positive in ((dense, False), (bm25, True)):
        order = np.argsort(-scores, kind="stable")
        ranks = np.empty_like(order)
        ranks[order] = np.arange(1, len(order) + 1)
        contribution = 1.0 / (k + ranks)
        if require_positive:
            contribution[scores <= 0] = 0.0
        out += contribution
    return out.astype(np.float32)


METHODS = {"weighted": weighted, "rrf": rrf}
