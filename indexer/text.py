"""Terms for BM25: lowercase words, English stop words dropped, Snowball-stemmed."""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

import Stemmer

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _bm25s_stopwords() -> tuple[str, ...]:
    """bm25s's English stop words, read from its module file: importing bm25s itself pulls in scipy."""
    package = importlib.util.find_spec("bm25s")
    path = Path(package.submodule_search_locations[0]) / "stopwords.py"
    spec = importlib.util.spec_from_file_location("_bm25s_stopwords", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.STOPWORDS_EN


STOPWORDS = frozenset(_bm25s_stopwords()) | {"pattern", "patterns"}
_stemmer = Stemmer.Stemmer("english")


def words(text: str) -> list[str]:
    """Lowercase word tokens, stop words removed."""
    return [w for w in _WORD.findall(text.lower().replace("’", "'")) if w not in STOPWORDS]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def terms(text: str) -> list[str]:
    """The BM25 terms of a text."""
    return [stem(w) for w in words(text)]
