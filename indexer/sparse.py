"""The BM25 index over chunk text: built with bm25s, queried with NumPy from its saved arrays."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .text import terms


@dataclass(frozen=True)
class SparseIndex:
    """bm25s's precomputed scores in CSC form: column t holds term t's score in each document."""

    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray
    vocab_dict: dict[str, int]
    num_docs: int


def build(texts: list[str]):
    """A bm25s index over `texts` in order; document i is chunk i."""
    import bm25s

    corpus = [terms(t) or [""] for t in texts]
    index = bm25s.BM25()
    index.index(corpus, show_progress=False)
    return index


def save(index, directory: Path) -> None:
    index.save(str(directory), show_progress=False)
    vocab = directory / "vocab.index.json"
    vocab.write_text(json.dumps(json.loads(vocab.read_text()), sort_keys=True, indent=0))


def load(directory: Path) -> SparseIndex:
    """Read the arrays bm25s saved, without importing bm25s (and scipy) on the query path."""
    params = json.loads((directory / "params.index.json").read_text())
    return SparseIndex(
        data=np.load(directory / "data.csc.index.npy"),
        indices=np.load(directory / "indices.csc.index.npy"),
        indptr=np.load(directory / "indptr.csc.index.npy"),
        vocab_dict=json.loads((directory / "vocab.index.json").read_text()),
        num_docs=int(params["num_docs"]),
    )


def scores(index: SparseIndex, query_terms: list[str]) -> np.ndarray:
    """BM25 score of every chunk: the sum of each known query term's column (repeats count again)."""
    out = np.zeros(index.num_docs, dtype=np.float32)
    for term in query_terms:
        t = index.vocab_dict.get(term)
        if t is None:
            continue
        start, end = index.indptr[t], index.indptr[t + 1]
        out[index.indices[start:end]] += index.data[start:end]
    return out
