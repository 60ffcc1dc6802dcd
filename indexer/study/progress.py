"""What the learner has done: reviews per day, retention, due counts, strongest and weakest areas."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .db import StudyDB, now

GOOD = 3


@dataclass
class Progress:
    reviews: int
    retention: float
    due_now: int
    due_week: int
    per_day: list[tuple[str, int]] = field(default_factory=list)
    categories: list[dict] = field(default_factory=list)


def progress(db: StudyDB, card_ids: set[str], days: int = 30, at: datetime | None = None) -> Progress:
    """Figures over the last `days` days; only cards that still exist count as due."""
    at = at or now()
    since = (at - timedelta(days=days)).isoformat()
    rows = db.conn.execute(
        "SELECT reviewed_at, rating, category FROM review WHERE reviewed_at >= ? ORDER BY reviewed_at",
        (since,),
    ).fetchall()
    per_day = Counter(r["reviewed_at"][:10] for r in rows)
    good = sum(r["rating"] >= GOOD for r in rows)
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        by_cat[r["category"]][0] += 1
        by_cat[r["category"]][1] += r["rating"] >= GOOD
    categories = sorted(
        ({"category": c, "reviews": n, "retention": round(g / n, 3)} for c, (n, g) in by_cat.items()),
        key=lambda d: (-d["retention"], -d["reviews"], d["category"]),
    )
    due = db.conn.execute("SELECT card_id, due FROM card_state").fetchall()
    week = (at + timedelta(days=7)).isoformat()
    return Progress(
        reviews=len(rows),
        retention=round(good / len(rows), 3) if rows else 0.0,
        due_now=sum(1 for r in due if r["card_id"] in card_ids and r["due"] <= at.isoformat()),
        due_week=sum(1 for r in due if r["card_id"] in card_ids and r["due"] <= week),
        per_day=sorted(per_day.items()),
        categories=categories,
    )
