"""The FAISS index: inner product over unit vectors (cosine similarity)."""

from __future__ import annotations

import faiss
import numpy as np

faiss.omp_set_num_threads(1)


def build(vectors: np.ndarray) -> faiss.Index:
    """An exact inner-product index over `vectors` (rows in chunk order)."""
    index = faiss.IndexFlatIP(vectors.shape[1])
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def to_bytes(index: faiss.Index) -> bytes:
    return faiss.serialize_index(index).tobytes()


def from_bytes(data: bytes) -> faiss.Index:
    return faiss.deserialize_index(np.frombuffer(data, dtype=np.uint8))


def vectors_of(index: faiss.Index) -> np.ndarray:
    """All stored vectors, in insertion order."""
    if index.ntotal == 0:
        return np.zeros((0, index.d), dtype=np.float32)
    return index.reconstruct_n(0, index.ntotal)
