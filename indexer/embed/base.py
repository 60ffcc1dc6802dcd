"""The interface every embedding backend implements."""

from __future__ import annotations

from abc import ABC, abstractmethod

import numpy as np


class Embedder(ABC):
    """Turns texts into L2-normalised float32 vectors."""

    model: str
    dim: int

    @abstractmethod
    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        """Embed `texts` as an (n, dim) float32 array of unit vectors."""

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]
