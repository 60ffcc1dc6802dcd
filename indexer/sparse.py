"""The BM25 index (bm25s) over chunk text."""

from __future__ import annotations

import json
from pathlib import Path

import bm25s
import numpy as np

from .text import terms


def build(texts: list[str]) -> bm25s.BM25:
    """A BM25 index over `texts` in order; document i is chunk i."""
    corpus = [terms(t) or [""] for t in texts]
    index = bm25s.BM25()
    index.index(corpus, show_progress=False)
    return index


def save(index: bm25s.BM25, directory: Path) -> None:
    index.save(str(directory), show_progress=False)
    vocab = directory / "vocab.index.json"
    vocab.write_text(json.dumps(json.loads(vocab.read_text()), sort_keys=True, indent=0))


def load(directory: Path) -> bm25s.BM25:
    return bm25s.BM25.load(str(directory), show_progress=False, verbosity=0)


def scores(index: bm25s.BM25, query_terms: list[str]) -> np.ndarray:
    """BM25 score of every chunk for the query terms that the corpus knows."""
    known = [t for t in query_terms if t in index.vocab_dict]
    if not known:
        return np.zeros(index.scores["num_docs"], dtype=np.float32)
    return np.asarray(index.get_scores(known), dtype=np.float32)
