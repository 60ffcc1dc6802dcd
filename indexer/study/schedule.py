"""Which cards to study next and what a grade does to them, with FSRS (the `fsrs` package)."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler

from .cards import Card
from .db import StudyDB, now

RATINGS = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}
SCOPES = ("all", "category", "pattern", "due", "weakest")
DIFFICULTIES = ("any", "Small", "Medium", "Large", "Recall", "Drill")


def rating_of(value: str | int) -> Rating:
    """'good', 'g', 3 or '3' -> Rating.Good."""
    text = str(value).strip().lower()
    if text.isdigit() and 1 <= int(text) <= 4:
        return Rating(int(text))
    for name, rating in RATINGS.items():
        if text and name.startswith(text):
            return rating
    raise ValueError(f"'{value}' is not a grade: use again, hard, good or easy (or 1-4)")


class Study:
    """A learner's schedule over a set of cards."""

    def __init__(self, db: StudyDB, cards: list[Card], scheduler: Scheduler | None = None):
        self.db = db
        self.cards = {c.id: c for c in cards}
        self.scheduler = scheduler or Scheduler(enable_fuzzing=False)

    def state(self, card_id: str) -> FsrsCard | None:
        row = self.db.conn.execute("SELECT fsrs FROM card_state WHERE card_id = ?", (card_id,)).fetchone()
        return FsrsCard.from_dict(json.loads(row["fsrs"])) if row else None

    def review(
        self,
        card: Card,
        rating: Rating | str | int,
        when: datetime | None = None,
        duration_ms: int | None = None,
        covered: int | None = None,
        key_points: int | None = None,
    ) -> FsrsCard:
        """Grade a card: its FSRS state and the review log are written in one transaction."""
        rating = rating if isinstance(rating, Rating) else rating_of(rating)
        when = when or now()
        with self.db.transaction() as conn:
            row = conn.execute("SELECT fsrs FROM card_state WHERE card_id = ?", (card.id,)).fetchone()
            current = FsrsCard.from_dict(json.loads(row["fsrs"])) if row else FsrsCard(due=when)
            updated, _ = self.scheduler.review_card(current, rating, review_datetime=when)
            conn.execute(
                "INSERT INTO card_state (card_id, fsrs, due, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (card_id) DO UPDATE SET fsrs = excluded.fsrs, due = excluded.due, "
                "updated_at = excluded.updated_at",
                (card.id, json.dumps(updated.to_dict()), updated.due.isoformat(), when.isoformat()),
            )
            conn.execute(
                "INSERT INTO review (card_id, pattern, category, rating, reviewed_at, duration_ms, covered, "
                "key_points) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    card.id,
                    card.pattern,
                    card.category,
                    int(rating),
                    when.isoformat(),
                    duration_ms,
                    covered,
                    key_points,
                ),
            )
        return updated

    def due_ids(self, at: datetime | None = None) -> list[str]:
        at = at or now()
        rows = self.db.conn.execute(
            "SELECT card_id FROM card_state WHERE due <= ? ORDER BY due", (at.isoformat(),)
        ).fetchall()
        return [r["card_id"] for r in rows if r["card_id"] in self.cards]

    def queue(
        self,
        scope: str = "all",
        value: str = "",
        difficulty: str = "any",
        limit: int = 5,
        at: datetime | None = None,
    ) -> list[Card]:
        """Cards for a session: due ones first (earliest first), then new ones, then the rest."""
        if scope not in SCOPES:
            raise ValueError(f"scope must be one of {', '.join(SCOPES)}")
        if difficulty not in DIFFICULTIES:
            raise ValueError(f"difficulty must be one of {', '.join(DIFFICULTIES)}")
        pool = [c for c in self.cards.values() if difficulty == "any" or c.level == difficulty]
        if scope == "category":
            pool = [c for c in pool if c.category == value]
        elif scope == "pattern":
            pool = [c for c in pool if c.pattern == value]
        elif scope == "weakest":
            weak = set(self.weakest_patterns())
            pool = [c for c in pool if c.pattern in weak] or pool
        due = [self.cards[i] for i in self.due_ids(at) if self.cards[i] in pool]
        if scope == "due":
            return due[:limit]
        due_at = {r["card_id"]: r["due"] for r in self.db.conn.execute("SELECT card_id, due FROM card_state")}
        new = sorted((c for c in pool if c.id not in due_at), key=lambda c: c.id)
        rest = sorted((c for c in pool if c.id in due_at and c not in due), key=lambda c: due_at[c.id])
        return (due + new + rest)[:limit]

    def weakest_patterns(self, n: int = 3) -> list[str]:
        """Patterns with the lowest share of Good/Easy grades (at least one review each)."""
        stats: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for row in self.db.conn.execute("SELECT pattern, rating FROM review"):
            stats[row["pattern"]][0] += 1
            stats[row["pattern"]][1] += row["rating"] >= Rating.Good
        ranked = sorted(stats, key=lambda p: (stats[p][1] / stats[p][0], -stats[p][0], p))
        return ranked[:n]
