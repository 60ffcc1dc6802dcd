"""Export the cards as an Anki deck (.apkg) with genanki; each card links back to its page."""

from __future__ import annotations

import html
import os
from pathlib import Path

import genanki

from .cards import Card

DECK_ID = 1_730_400_001
MODEL_ID = 1_730_400_002
APP_URL = os.environ.get("PATTERN_GUIDE_URL", "http://127.0.0.1:8501")

MODEL = genanki.Model(
    MODEL_ID,
    "System Design Pattern Guide",
    fields=[{"name": "Prompt"}, {"name": "Answer"}, {"name": "Pattern"}, {"name": "Link"}],
    templates=[
        {
            "name": "Card",
            "qfmt": "<div class=prompt>{{Prompt}}</div>",
            "afmt": "{{FrontSide}}<hr id=answer><div>{{Answer}}</div>"
            '<p><a href="{{Link}}">Open {{Pattern}} in the guide</a></p>',
        }
    ],
    css=".card { font-family: sans-serif; font-size: 18px; text-align: left; } li { margin: 4px 0; }",
)


def note_for(card: Card, app_url: str = APP_URL) -> genanki.Note:
    """One note per card; the GUID comes from the card id, so re-exports update, not duplicate."""
    answer = ""
    if card.kind == "recall":
        answer = f"<b>{html.escape(card.title)}</b>"
    elif card.kind == "drill":
        answer = f"<b>{html.escape(card.title)}</b>"
        if card.confused_with:
            answer += "<br>Often confused with: " + html.escape(", ".join(card.confused_with))
    if card.validate:
        answer += f"<p>{html.escape(card.validate)}</p>"
    if card.key_points:
        items = "".join(f"<li>{html.escape(p.text)} (§{p.section})</li>" for p in card.key_points)
        answer += f"<p>A strong answer covers:</p><ul>{items}</ul>"
    prompt = html.escape(card.prompt)
    if card.kind == "scenario":
        prompt = f"<i>{html.escape(card.title)}, {card.level}</i><br>{prompt}"
    return genanki.Note(
        model=MODEL,
        fields=[prompt, answer, html.escape(card.title), f"{app_url}/pattern?p={card.pattern}"],
        guid=genanki.guid_for(card.id),
        tags=[card.category, card.kind, card.pattern],
    )


def export(cards: list[Card], path: Path, app_url: str = APP_URL) -> int:
    """Write the deck to `path`; returns the number of notes."""
    deck = genanki.Deck(DECK_ID, "System Design Pattern Guide")
    for card in cards:
        deck.add_note(note_for(card, app_url))
    path.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(deck).write_to_file(str(path))
    return len(cards)
