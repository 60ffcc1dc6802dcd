"""Pick the passage of a chunk that best shows why it matched."""

from __future__ import annotations

import re
from functools import lru_cache

from .text import stem

_WORD = re.compile(r"\S+")
_CLEAN = re.compile(r"[^a-z0-9']")
WINDOW = 36


def snippet(text: str, query_terms: set[str], width: int = WINDOW) -> str:
    """A window of about `width` words with the most query terms; the opening when none match."""
    words, stems = _tokens(text)
    if len(words) <= width:
        return " ".join(words)
    hits = [s in query_terms for s in stems]
    best, best_start = -1, 0
    running = sum(hits[:width])
    for start in range(len(words) - width + 1):
        if start:
            running += hits[start + width - 1] - hits[start - 1]
        if running > best:
            best, best_start = running, start
    if best <= 0:
        best_start = 0
    else:
        first_hit = next(i for i in range(best_start, best_start + width) if hits[i])
        best_start = max(0, min(first_hit - 6, len(words) - width))
    out = " ".join(words[best_start : best_start + width])
    prefix = "… " if best_start else ""
    suffix = " …" if best_start + width < len(words) else ""
    return prefix + out + suffix


def matched_terms(text: str, query_terms: set[str]) -> list[str]:
    """The surface words of `text` whose stems are query terms, in order of first use."""
    seen: dict[str, None] = {}
    for w, s in zip(*_tokens(text), strict=True):
        if s in query_terms:
            seen.setdefault(re.sub(r"\W+", "", w.lower()), None)
    return list(seen)


@lru_cache(maxsize=32768)
def _tokens(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of a chunk and their stems, computed once per chunk text."""
    words = tuple(_WORD.findall(text))
    return words, tuple(stem(_CLEAN.sub("", w.lower())) for w in words)
