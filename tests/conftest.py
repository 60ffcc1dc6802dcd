"""Shared fixtures: a small corpus on disk and a deterministic fake embedder."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from pages import write_corpus  # noqa: E402

from indexer.config import Config  # noqa: E402
from indexer.embed.base import Embedder  # noqa: E402


class FakeEmbedder(Embedder):
    """Hashed bag of words: texts that share words get similar vectors. Counts what it embeds."""

    model = "sentence-transformers/all-MiniLM-L6-v2"
    dim = 64

    def __init__(self):
        self.calls: list[str] = []

    def encode(self, texts, batch_size=32, progress=False):
        self.calls.extend(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                out[i, int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)


@pytest.fixture
def fake_embedder(monkeypatch) -> FakeEmbedder:
    fake = FakeEmbedder()
    monkeypatch.setattr("indexer.embed.load_embedder", lambda model, backend="auto": fake)
    return fake


@pytest.fixture
def corpus_root(tmp_path) -> Path:
    write_corpus(tmp_path)
    return tmp_path


@pytest.fixture
def config(corpus_root) -> Config:
    return Config(root=corpus_root)
