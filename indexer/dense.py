"""The FAISS index: inner product over unit vectors (cosine similarity), its type chosen by size.

Below EXACT_LIMIT vectors an exact flat index answers in a few milliseconds and is always right.
Above it, HNSW (graph search) keeps latency flat as the corpus grows; its parameters follow the size.
"""

from __future__ import annotations

import faiss
import numpy as np

faiss.omp_set_num_threads(1)

EXACT_LIMIT = 50_000


def hnsw_params(n: int) -> dict[str, int]:
    """Graph degree and search breadth for n vectors, chosen for recall@10 of about 0.95 (bench/).

    Chunk embeddings crowd: at 100k the 10th and 11th neighbours of a query differ by ~0.001 cosine,
    so a narrow search swaps near-ties. Measured with M=48, efConstruction=200: efSearch 512 gave
    0.955 at 100k (1.3 ms); at 1M it gave 0.74, and 4096 was needed for 0.945 (14 ms, against 57 ms
    for exact search).
    """
    return {"M": 48, "efConstruction": 200, "efSearch": 512 if n <= 200_000 else 4096}


def build(vectors: np.ndarray, exact_limit: int = EXACT_LIMIT) -> faiss.Index:
    """An inner-product index over `vectors` (rows in chunk order): flat when small, HNSW when large."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    n, d = vectors.shape
    if n <= exact_limit:
        index = faiss.IndexFlatIP(d)
    else:
        p = hnsw_params(n)
        index = faiss.IndexHNSWFlat(d, p["M"], faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = p["efConstruction"]
        index.hnsw.efSearch = p["efSearch"]
    if n:
        index.add(vectors)
    return index


def search(index: faiss.Index, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Scores and row ids of the k nearest vectors (ids are -1 where fewer exist)."""
    k = max(1, min(k, index.ntotal))
    scores, ids = index.search(np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32), k)
    return scores[0], ids[0]


def kind(index: faiss.Index) -> str:
    return "hnsw" if isinstance(index, faiss.IndexHNSW) else "flat"


def to_bytes(index: faiss.Index) -> bytes:
    return faiss.serialize_index(index).tobytes()


def from_bytes(data: bytes) -> faiss.Index:
    index = faiss.deserialize_index(np.frombuffer(data, dtype=np.uint8))
    if isinstance(index, faiss.IndexHNSW):
        index.hnsw.efSearch = hnsw_params(index.ntotal)["efSearch"]
    return index


def vectors_of(index: faiss.Index) -> np.ndarray:
    """All stored vectors, in insertion order."""
    if index.ntotal == 0:
        return np.zeros((0, index.d), dtype=np.float32)
    return index.reconstruct_n(0, index.ntotal)
