"""Cards built from the pages at every rebuild; a card's id depends on pattern and slot, never on text."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from ..chunk import plain
from ..model import Pattern

LEVELS = ("Small", "Medium", "Large")
KINDS = ("scenario", "recall", "drill")
MAX_KEY_POINTS = 14
_BULLET = re.compile(r"^\s*[-*]\s+(?:\*\*)?([^*:]+?)(?:\*\*)?\s*:\s*(.*)", re.S)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9`])")


@dataclass
class KeyPoint:
    """One thing a strong answer covers, and the section that explains it."""

    section: str
    text: str


@dataclass
class Card:
    id: str
    kind: str
    pattern: str
    title: str
    category: str
    level: str
    prompt: str
    validate: str = ""
    key_points: list[KeyPoint] = field(default_factory=list)
    confused_with: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Card:
        points = [KeyPoint(**p) for p in data.get("key_points", [])]
        return cls(**{**data, "key_points": points})


def labelled(pattern: Pattern, number: str) -> dict[str, str]:
    """A section's '- **Label**: text' bullets as label -> plain text."""
    section = pattern.section(number)
    out = {}
    for block in section.blocks if section else []:
        if m := _BULLET.match(block.text):
            out[m.group(1).strip()] = plain(m.group(2))
    return out


def key_points(pattern: Pattern) -> list[KeyPoint]:
    """Core concept, key tradeoff, pitfalls, capacity and each item of the Validate line."""
    points: list[KeyPoint] = []
    core = pattern.section("5")
    for block in core.blocks[:1] if core else []:
        for line in block.text.splitlines()[1:]:
            if line.strip().startswith(("-", "*")):
                points.append(KeyPoint("5", _first_sentence(plain(line))))
    tradeoff = labelled(pattern, "1").get("Key tradeoff")
    if tradeoff:
        points.append(KeyPoint("10", tradeoff))
    for block in _items(pattern, "12")[:3]:
        points.append(KeyPoint("12", _first_sentence(plain(block))))
    for block in _items(pattern, "15")[:2]:
        points.append(KeyPoint("15", _first_sentence(plain(block))))
    validate = labelled(pattern, "22").get("Validate", "")
    for item in re.split(r";\s+", validate.rstrip(".")):
        if len(item.split()) >= 2:
            points.append(KeyPoint("22", item.strip()))
    unique = list({p.text: p for p in points if p.text}.values())
    return unique[:MAX_KEY_POINTS]


def build_cards(patterns: list[Pattern]) -> list[Card]:
    """Every card of every page, in a stable order."""
    return [card for p in sorted(patterns, key=lambda p: p.slug) for card in _page_cards(p)]


def _page_cards(p: Pattern) -> list[Card]:
    """A page's scenario, recall and drill cards."""
    cards: list[Card] = []
    scenarios = labelled(p, "22")
    tldr = labelled(p, "1")
    points = key_points(p)
    confused = [
        ln.target.rsplit("/", 1)[-1].removesuffix(".md") for ln in p.links if ln.relation == "confused with"
    ]
    base = {"pattern": p.slug, "title": p.title, "category": p.category}

    def add(card_id: str, kind: str, level: str, prompt: str, validate: str, **extra) -> None:
        cards.append(
            Card(**base, **extra, id=card_id, kind=kind, level=level, prompt=prompt, validate=validate)
        )

    for level in LEVELS:
        if scenarios.get(level):
            add(
                f"{p.slug}:scenario:{level.lower()}",
                "scenario",
                level,
                scenarios[level],
                scenarios.get("Validate", ""),
                key_points=points,
            )
    if tldr.get("Problem"):
        prompt = f"Which pattern addresses this? {tldr['Problem']}"
        add(f"{p.slug}:recall", "recall", "Recall", prompt, tldr.get("Solution (essence)", ""))
    if scenarios.get("Small"):
        add(
            f"{p.slug}:drill",
            "drill",
            "Drill",
            scenarios["Small"],
            tldr.get("Use when", ""),
            confused_with=confused,
        )
    return cards


def _items(pattern: Pattern, number: str) -> list[str]:
    section = pattern.section(number)
    return [b.text for b in section.blocks if b.kind == "item"] if section else []


def _first_sentence(text: str) -> str:
    return _SENTENCE.split(text, maxsplit=1)[0][:300]
