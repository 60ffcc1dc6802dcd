"""Terms for BM25: lowercase words, English stop words dropped, Snowball-stemmed."""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_EN

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STOPWORDS = frozenset(STOPWORDS_EN) | {"pattern", "patterns"}
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
