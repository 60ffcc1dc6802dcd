"""Embedding backends behind one small interface; `load_embedder` picks one for a model."""

from __future__ import annotations

from .base import Embedder


def load_embedder(model: str, backend: str = "auto") -> Embedder:
    """An embedder for `model`. 'auto' uses the lean NumPy encoder where the model allows it."""
    from ..config import resolve_model_dir

    model_dir = resolve_model_dir(model)
    if backend in ("auto", "numpy"):
        from .numpy_bert import NumpyBertEmbedder, supports

        if supports(model_dir):
            return NumpyBertEmbedder(model, model_dir)
        if backend == "numpy":
            raise ValueError(f"{model}: the NumPy encoder supports BERT models with mean pooling only")
    from .sentence_transformer import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(model, model_dir)


__all__ = ["Embedder", "load_embedder"]
