"""Recognise a pattern named in a query by its name, slug, tags or aliases, one-letter typos included."""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz.distance import OSA

from .text import STOPWORDS

_TOKEN = re.compile(r"[a-z0-9]+")
NAME_WEIGHT = 1.0
ALIAS_WEIGHT = 0.9


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("'", ""))


def _close(a: str, b: str) -> bool:
    """Equal, or one edit apart (insert, delete, substitute or swap) for words of 4+ letters."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    return OSA.distance(a, b, score_cutoff=1) <= 1


class NameMatcher:
    """Phrases that name each pattern, and which patterns a query names."""

    def __init__(self, patterns: dict[str, dict]):
        phrases: dict[tuple[str, ...], dict[str, float]] = defaultdict(dict)
        for slug, meta in patterns.items():
            for name in _names(meta):
                self._add(phrases, name, slug, NAME_WEIGHT)
            for tag in meta.get("tags", []):
                self._add(phrases, tag, slug, ALIAS_WEIGHT)
        self.phrases = dict(phrases)

    @staticmethod
    def _add(phrases: dict, text: str, slug: str, weight: float) -> None:
        toks = tuple(tokens(text))
        content = [t for t in toks if t not in STOPWORDS]
        if not content or max(len(t) for t in content) < 3:
            return
        phrases[toks][slug] = max(weight, phrases[toks].get(slug, 0.0))

    def match(self, query: str) -> dict[str, float]:
        """Slug -> strength in (0, 1]: how much of the query a name or alias of the slug covers."""
        q = tokens(query)
        content = [t for t in q if t not in STOPWORDS] or q
        if not content:
            return {}
        found: dict[str, float] = {}
        for phrase, owners in self.phrases.items():
            if len(phrase) > len(q) or not _occurs(phrase, q):
                continue
            covered = len([t for t in phrase if t not in STOPWORDS]) / len(content)
            specificity = 1.0 / len(owners) ** 0.5
            for slug, weight in owners.items():
                strength = min(1.0, covered) * weight * specificity
                if covered >= 0.5 or weight == NAME_WEIGHT:
                    found[slug] = max(found.get(slug, 0.0), strength)
        return found


def _names(meta: dict) -> set[str]:
    title = meta.get("title", "")
    names = {title, meta.get("name", ""), meta["slug"].replace("_", " ")}
    if "(" in title:
        names.add(title.split("(")[0])
        names.add(title[title.index("(") + 1 : title.rfind(")")])
    return {n for n in names if n.strip()}


def _occurs(phrase: tuple[str, ...], q: list[str]) -> bool:
    n = len(phrase)
    for start in range(len(q) - n + 1):
        if all(_close(p, w) for p, w in zip(phrase, q[start : start + n], strict=True)):
            return True
    return False
