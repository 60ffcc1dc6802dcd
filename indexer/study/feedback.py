"""Which key points an answer addressed: embedding similarity between its sentences and each point.

A key point counts as covered when some sentence of the answer (or two adjacent sentences) reaches
COVERED cosine similarity with it, and that sentence is about this point rather than another: it must
be within MARGIN of its best-matching key point, so one on-topic sentence cannot tick every point of
the page. PARTLY marks a near miss. Thresholds were calibrated on written answers: docs/study.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .cards import KeyPoint

COVERED = 0.40
PARTLY = 0.30
MARGIN = 0.05
MAX_SENTENCES = 160
_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+\s*(?:[-*•]|\d+[.)])?\s*")


@dataclass
class PointResult:
    point: KeyPoint
    score: float
    verdict: str
    evidence: str


@dataclass
class Feedback:
    points: list[PointResult]
    note: str = ""

    @property
    def covered(self) -> int:
        return sum(p.verdict == "covered" for p in self.points)


def sentences(answer: str) -> tuple[list[str], bool]:
    """Answer sentences (and adjacent pairs) to compare; True when the answer was cut short."""
    parts = [s.strip() for s in _SPLIT.split(answer) if s and len(s.strip().split()) >= 3]
    cut = len(parts) > MAX_SENTENCES
    parts = parts[:MAX_SENTENCES]
    pairs = [f"{a} {b}" for a, b in zip(parts, parts[1:], strict=False)]
    return parts + pairs, cut


def feedback(answer: str, points: list[KeyPoint], embedder) -> Feedback:
    """Score every key point against the answer; an empty answer misses them all."""
    if not points:
        return Feedback([], "This card has no key points to compare against.")
    units, cut = sentences(answer)
    if not units:
        missed = [PointResult(p, 0.0, "missed", "") for p in points]
        return Feedback(missed, "No answer to compare yet: every key point is listed as missed.")
    vectors = embedder.encode(units + [p.text for p in points], batch_size=32)
    answer_vecs, point_vecs = vectors[: len(units)], vectors[len(units) :]
    sims = point_vecs @ answer_vecs.T
    own = sims >= sims.max(axis=0, keepdims=True) - MARGIN
    results = []
    for i, point in enumerate(points):
        mine = np.where(own[i], sims[i], -1.0)
        j = int(np.argmax(mine))
        score = float(max(mine[j], 0.0))
        verdict = "covered" if score >= COVERED else "partly" if score >= PARTLY else "missed"
        results.append(PointResult(point, round(score, 3), verdict, units[j] if verdict != "missed" else ""))
    note = f"Only the first {MAX_SENTENCES} sentences were compared." if cut else ""
    return Feedback(results, note)
