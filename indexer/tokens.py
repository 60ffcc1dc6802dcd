"""Count word pieces with the model's own tokenizer (fast, no torch)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from tokenizers import Tokenizer


class TokenCounter:
    """Counts the word pieces the embedding model would see for a text."""

    def __init__(self, model_dir: Path):
        path = Path(model_dir) / "tokenizer.json"
        if not path.is_file():
            raise FileNotFoundError(f"{path}: the model has no tokenizer.json")
        self._tok = Tokenizer.from_file(str(path))
        self._tok.no_truncation()
        self._tok.no_padding()

    def count(self, text: str) -> int:
        return len(self._tok.encode(text, add_special_tokens=False).ids)


@lru_cache(maxsize=4)
def counter_for(model_dir: Path) -> TokenCounter:
    return TokenCounter(model_dir)
