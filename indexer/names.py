"""Recognise a pattern named in a query by its name, slug, tags or aliases, one-letter typos included."""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import process
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
        self.starting: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for phrase in self.phrases:
            self.starting[phrase[0]].append(phrase)
        self.vocab = sorted({t for phrase in self.phrases for t in phrase})

    @staticmethod
    def _add(phrases: dict, text: str, slug: str, weight: float) -> None:
        toks = tuple(tokens(text))
        content = [t for t in toks if t not in STOPWORDS]
        if not content or max(len(t) for t in content) < 3:
            return
        phrases[toks][slug] = max(weight, phrases[toks].get(slug, 0.0))
        if len(toks) == 2:
            joined = ("".join(toks),)
            phrases[joined][slug] = max(weight, phrases[joined].get(slug, 0.0))

    def match(self, query: str) -> dict[str, float]:
        """Slug -> strength in (0, 1]: how much of the query a name or alias of the slug covers."""
        q = tokens(query)
        content = [t for t in q if t not in STOPWORDS] or q
        if not content:
            return {}
        found: dict[str, float] = {}
        direct = self._occurring(q)
        split = self._occurring([a + b for a, b in zip(q, q[1:], strict=False)], single=True) - direct
        for phrase in direct | split:
            owners = self.phrases[phrase]
            words = 2 if phrase in split else len([t for t in phrase if t not in STOPWORDS])
            covered = words / len(content)
            specificity = 1.0 / len(owners) ** 0.5
            for slug, weight in owners.items():
                strength = min(1.0, covered) * weight * specificity
                if covered >= 0.5 or weight == NAME_WEIGHT:
                    found[slug] = max(found.get(slug, 0.0), strength)
        return found

    def _near(self, word: str) -> list[str]:
        """Name words equal to `word` or one edit from it."""
        if len(word) < 4:
            return [word] if word in self.starting or word in self.vocab else []
        hits = process.extract(word, self.vocab, scorer=OSA.distance, score_cutoff=1, limit=None)
        return [h[0] for h in hits if _close(h[0], word)]

    def _occurring(self, q: list[str], single: bool = False) -> set[tuple[str, ...]]:
        """Phrases that occur contiguously in the query words (`single`: one-word phrases only)."""
        found = set()
        for start, word in enumerate(q):
            for first in self._near(word):
                for phrase in self.starting.get(first, []):
                    if single and len(phrase) > 1:
                        continue
                    window = q[start : start + len(phrase)]
                    if len(window) == len(phrase) and all(
                        _close(p, w) for p, w in zip(phrase, window, strict=True)
                    ):
                        found.add(phrase)
        return found


def _names(meta: dict) -> set[str]:
    title = meta.get("title", "")
    names = {title, meta.get("name", ""), meta["slug"].replace("_", " ")}
    if "(" in title:
        names.add(title.split("(")[0])
        names.add(title[title.index("(") + 1 : title.rfind(")")])
    return {n for n in names if n.strip()}
