"""One study session's logic, shared by the terminal and the app: choices, reveal, feedback."""

from __future__ import annotations

import random

from ..related import centroids
from ..store import IndexData
from .cards import Card
from .db import StudyDB
from .schedule import Study


def load_cards(data: IndexData) -> list[Card]:
    return [Card.from_dict(c) for c in data.cards]


def open_study(data: IndexData, db: StudyDB | None = None) -> Study:
    return Study(db or StudyDB(), load_cards(data))


def drill_choices(data: IndexData, card: Card, n: int = 4, seed: int | None = None, cache=None) -> list[str]:
    """The right pattern plus the patterns it is confused with, topped up with nearest neighbours."""
    slugs, vecs = cache if cache is not None else centroids(data)
    others = [s for s in card.confused_with if s in data.patterns and s != card.pattern]
    if card.pattern in slugs:
        sims = vecs @ vecs[slugs.index(card.pattern)]
        for i in sims.argsort()[::-1]:
            if len(others) >= n - 1:
                break
            if slugs[i] not in others and slugs[i] != card.pattern:
                others.append(slugs[i])
    choices = [card.pattern, *others[: n - 1]]
    random.Random(seed if seed is not None else card.id).shuffle(choices)
    return choices
