"""Pick the passage of a chunk that best shows why it matched."""

from __future__ import annotations

import re

from .text import stem

_WORD = re.compile(r"\S+")
WINDOW = 36


def snippet(text: str, query_terms: set[str], width: int = WINDOW) -> str:
    """A window of about `width` words with the most query terms; the opening when none match."""
    flat = " ".join(text.split())
    words = _WORD.findall(flat)
    if len(words) <= width:
        return flat
    hits = [_stem_of(w) in query_terms for w in words]
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
    for w in _WORD.findall(text):
        if _stem_of(w) in query_terms:
            seen.setdefault(re.sub(r"\W+", "", w.lower()), None)
    return list(seen)


def _stem_of(word: str) -> str:
    return stem(re.sub(r"[^a-z0-9']", "", word.lower()))
