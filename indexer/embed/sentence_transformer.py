"""Embedding with sentence-transformers: any model it can load from local files."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from .base import Embedder


class SentenceTransformerEmbedder(Embedder):
    """The reference backend; imports torch, so it costs seconds to start."""

    def __init__(self, model: str, model_dir: Path):
        from sentence_transformers import SentenceTransformer

        self.model = model
        self._st = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
        self.dim = int(self._st.get_embedding_dimension())

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._st.encode(
            texts,
            batch_size=batch_size,
            show_progress_bar=progress and sys.stderr.isatty(),
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)
