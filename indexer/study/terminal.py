"""`python -m indexer study`: the same session in a terminal."""

from __future__ import annotations

import sys
import textwrap
import time
from collections.abc import Callable

from ..store import IndexData
from .cards import Card
from .feedback import feedback
from .progress import progress
from .schedule import Study, rating_of
from .session import drill_choices

WIDTH = 88


def run(
    data: IndexData,
    study: Study,
    cards: list[Card],
    embedder,
    ask: Callable[[str], str] = input,
    say: Callable[[str], None] = print,
) -> int:
    """Study `cards` one by one; returns how many were graded. EOF or 'q' ends the session."""
    graded = 0
    for n, card in enumerate(cards, start=1):
        say(f"\n[{n}/{len(cards)}] {heading(card)}")
        say(_wrap(card.prompt))
        started = time.monotonic()
        try:
            if card.kind == "drill":
                choices = drill_choices(data, card)
                for i, slug in enumerate(choices, start=1):
                    say(f"  {i}. {data.patterns[slug]['title']}")
                pick = ask("Which pattern fits best? (number) ")
                answer = pick
                chosen = (
                    choices[int(pick) - 1] if pick.strip().isdigit() and 0 < int(pick) <= len(choices) else ""
                )
                say("Right." if chosen == card.pattern else f"The best fit is {card.title}.")
                for slug in choices:
                    if slug != card.pattern:
                        reason = _reason(data, card.pattern, slug)
                        say(f"  - {data.patterns[slug]['title']}: {reason}")
            else:
                say("Write your answer; finish with an empty line (q to stop).")
                lines = []
                while (line := ask("> ")) != "":
                    if line.strip().lower() == "q" and not lines:
                        return graded
                    lines.append(line)
                answer = "\n".join(lines)
            if card.validate:
                say("\nA strong answer: " + _wrap(card.validate))
            result = feedback(answer, card.key_points, embedder) if card.key_points else None
            if result:
                for p in result.points:
                    mark = {"covered": "✓", "partly": "~", "missed": "✗"}[p.verdict]
                    say(f"  {mark} §{p.point.section} {_clip(p.point.text)}")
                if result.note:
                    say(result.note)
            grade = _ask_grade(ask, say)
        except EOFError:
            break
        if grade is None:
            break
        study.review(
            card,
            grade,
            duration_ms=int((time.monotonic() - started) * 1000),
            covered=result.covered if result else None,
            key_points=len(result.points) if result else None,
        )
        graded += 1
    stats = progress(study.db, set(study.cards))
    say(
        f"\nGraded {graded}. Due now: {stats.due_now}; due this week: {stats.due_week}; "
        f"retention (30 days): {stats.retention:.0%}."
    )
    return graded


def heading(card: Card) -> str:
    """What the learner sees above a prompt; recall and drill cards hide the answer."""
    if card.kind == "scenario":
        return f"{card.title} · {card.level} scenario"
    return "Which pattern fits?" if card.kind == "drill" else "Name the pattern"


def _ask_grade(ask, say):
    while True:
        raw = ask("Grade: again / hard / good / easy (1-4, q to stop) ")
        if raw.strip().lower() == "q":
            return None
        try:
            return rating_of(raw)
        except ValueError as e:
            say(str(e))


def _reason(data: IndexData, right: str, other: str) -> str:
    for ln in data.patterns[right]["links"]:
        if ln["target"] == other and ln["reason"]:
            return ln["reason"]
    return data.patterns[other].get("problem", "") or "solves a different problem"


def _wrap(text: str) -> str:
    return textwrap.fill(text, WIDTH)


def _clip(text: str, n: int = 110) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def main(data: IndexData, study: Study, cards: list[Card], embedder) -> int:
    if not cards:
        print("No cards match: try another scope, or `--due` later.", file=sys.stderr)
        return 0
    run(data, study, cards, embedder)
    return 0
