"""Cut a parsed page into chunks: one per section (subsection for 6 and 7), split to fit the model."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from .model import Block, Chunk, Pattern, Section
from .template import SECTIONS, TEMPLATE_LABELS, UNINDEXED_SECTIONS

# Word pieces the text may use: the model's 256 less [CLS] and [SEP].
TOKEN_LIMIT = 254
# Sections are packed up to this size, so one chunk stays about one idea.
TARGET_TOKENS = 200

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPH = re.compile(r"(\*\*|__|\*|`)")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?", re.M)
_LABEL = re.compile(r"^\*\*([^*]+?)\*\*\s*:\s*")
_SEPARATOR = re.compile(r":?-{3,}:?")
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9`\"(\[])")


def plain(markdown: str) -> str:
    """Markdown source to plain text: links to their words, no emphasis or list markers."""
    text = _LINK.sub(r"\1", markdown)
    text = _LIST.sub("", text)
    text = _EMPH.sub("", text)
    return re.sub(r"[ \t]+", " ", re.sub(r"\s*\n\s*", " ", text)).strip()


def drop_template_label(markdown: str) -> str:
    """Remove a leading bold template label ('**Context**: ...') that every page shares."""
    body = _LIST.sub("", markdown, count=1)
    m = _LABEL.match(body)
    if m and m.group(1).strip().lower() in TEMPLATE_LABELS:
        return body[m.end() :]
    return body


def table_cells(markdown: str) -> list[tuple[int, list[str]]]:
    """A Markdown table's rows as (line offset, plain cells), header first, separator row left out."""
    out = []
    for offset, line in enumerate(markdown.splitlines()):
        if not line.strip():
            continue
        raw = line.strip().strip("|").split("|")
        if all(_SEPARATOR.fullmatch(c.strip()) for c in raw):
            continue
        out.append((offset, [plain(c) for c in raw]))
    return out


def table_rows(markdown: str) -> list[str]:
    """A Markdown table as one line per row, each cell named by its column header."""
    rows = [cells for _, cells in table_cells(markdown)]
    if not rows:
        return [plain(markdown)]
    header = rows[0]
    out = []
    for cells in rows[1:]:
        head = cells[0] if cells else ""
        rest = "; ".join(f"{h}: {c}" for h, c in zip(header[1:], cells[1:], strict=False) if c)
        out.append(f"{head}: {rest}" if rest else head)
    return out


def units(block: Block) -> list[tuple[str, str]]:
    """(display text, embedded text) pairs for one block; code is searchable but not embedded."""
    if block.kind == "fence":
        return [] if block.lang == "mermaid" else [(block.text, "")]
    if block.kind == "table":
        return [(row, row) for row in table_rows(block.text)]
    shown = plain(block.text)
    embedded = plain(drop_template_label(block.text))
    return [(shown, embedded)] if shown else []


def section_heading(pattern: Pattern, section: Section) -> str:
    """What the section is about, as it prefixes embedded text: 'Circuit Breaker - Runbooks'."""
    title = section.title
    if "." in section.number:
        parent = SECTIONS.get(section.number.split(".")[0], "")
        title = f"{parent}: {title}" if parent else title
    return f"{pattern.name} - {title}"


def chunk_pattern(pattern: Pattern, count: Callable[[str], int]) -> list[Chunk]:
    """All chunks of one page, in page order, each within TOKEN_LIMIT word pieces."""
    chunks: list[Chunk] = []
    for section in pattern.sections:
        if section.number in UNINDEXED_SECTIONS:
            continue
        prefix = section_heading(pattern, section) + ": "
        pieces = _summary_units(pattern) if section.number == "0" else _section_units(section)
        budget = TOKEN_LIMIT - count(prefix)
        for n, group in enumerate(_pack(pieces, budget, count)):
            shown = "\n".join(u[0] for u in group if u[0])
            embedded = " ".join(u[1] for u in group if u[1])
            if not embedded:
                continue
            embed_text = prefix + embedded
            chunks.append(
                Chunk(
                    id=f"{pattern.slug}#{section.number}.{n}",
                    pattern=pattern.slug,
                    path=pattern.path,
                    section=section.number,
                    section_title=section.title,
                    line=group[0][2],
                    text=shown,
                    embed_text=embed_text,
                    hash=hashlib.sha256(embed_text.encode()).hexdigest()[:16],
                )
            )
    return chunks


def _summary_units(pattern: Pattern) -> list[tuple[str, str, int]]:
    """Section 0 indexes only what identifies the page: its name, category and tags."""
    line = pattern.section("0").line if pattern.section("0") else 1
    tags = ", ".join(pattern.tags)
    text = f"{pattern.title}. Category: {pattern.category.replace('_', ' ')}. Tags: {tags}."
    return [(text, text, line)]


def _section_units(section: Section) -> list[tuple[str, str, int]]:
    return [(s, e, b.line) for b in section.blocks for s, e in units(b)]


def _pack(
    pieces: list[tuple[str, str, int]], budget: int, count: Callable[[str], int]
) -> list[list[tuple[str, str, int]]]:
    """Greedy packing of units into groups under TARGET_TOKENS, splitting any unit over budget."""
    target = min(TARGET_TOKENS, budget)
    groups: list[list[tuple[str, str, int]]] = []
    current: list[tuple[str, str, int]] = []
    used = 0
    for shown, embedded, line in pieces:
        for part_shown, part_embedded in _fit(shown, embedded, budget, count):
            size = count(part_embedded) if part_embedded else 0
            if current and used + size > target:
                groups.append(current)
                current, used = [], 0
            current.append((part_shown, part_embedded, line))
            used += size + (1 if size else 0)
    if current:
        groups.append(current)
    return groups


def _fit(shown: str, embedded: str, budget: int, count: Callable[[str], int]) -> list[tuple[str, str]]:
    """Split a unit whose embedded text is over budget at sentence, then word, boundaries."""
    if not embedded or count(embedded) <= budget:
        return [(shown, embedded)]
    parts: list[str] = []
    for sentence in _SENTENCE.split(embedded):
        if count(sentence) <= budget:
            parts.append(sentence)
            continue
        words, piece = sentence.split(), ""
        for word in words:
            trial = f"{piece} {word}".strip()
            if piece and count(trial) > budget:
                parts.append(piece)
                piece = word
            else:
                piece = trial
        if piece:
            parts.append(piece)
    merged: list[str] = []
    for part in parts:
        if merged and count(f"{merged[-1]} {part}") <= budget:
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return [(p, p) for p in merged]


def oversized_blocks(pattern: Pattern, count: Callable[[str], int]) -> list[tuple[Block, int]]:
    """Blocks whose embedded text alone exceeds the model's limit (they get split mid-block)."""
    found = []
    for section in pattern.sections:
        if section.number in UNINDEXED_SECTIONS or section.number == "0":
            continue
        prefix_tokens = count(section_heading(pattern, section) + ": ")
        for block in section.blocks:
            for _, embedded in units(block):
                n = count(embedded) if embedded else 0
                if n + prefix_tokens > TOKEN_LIMIT:
                    found.append((block, n + prefix_tokens))
    return found
