"""The template's Completion Checklist, made executable: findings as `path:line: message`."""

from __future__ import annotations

import ast
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .chunk import TOKEN_LIMIT, oversized_blocks, plain, table_cells
from .corpus import load_corpus, pattern_files
from .model import Pattern
from .template import (
    CATEGORIES,
    METADATA_FIELDS,
    PLACEHOLDERS,
    PRACTICE_LEVELS,
    SECTIONS,
    STATUSES,
    SUBSECTIONS,
    TLDR_FIELDS,
    TOP_LEVEL,
    TRADEOFF_ASPECTS,
    category_label,
)

MIN_REFERENCES = 3
MIN_LINKS = 3
DUPLICATE_WORDS = 25
_MD_LINK = re.compile(r"\]\(([^)\s]+\.md)(?:#[^)]*)?\)")
_CHECKBOX = re.compile(r"^\s*[-*]\s+\[([ xX])\]")


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        tag = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.path}:{self.line}: {tag}{self.message}"


def lint(root: Path, paths: list[Path] | None = None, count=None, today: date | None = None) -> list[Finding]:
    """Findings for the given files or folders (default: all of Patterns/), sorted by place."""
    targets = _expand(root, paths)
    corpus = load_corpus(root, targets)
    findings = [Finding(e.path, e.line, e.message) for e in corpus.errors]
    today = today or date.today()
    for pattern in corpus.patterns:
        findings += check_pattern(pattern, root, today)
        if count is not None:
            for block, n in oversized_blocks(pattern, count):
                findings.append(
                    Finding(
                        pattern.path,
                        block.line,
                        f"block is {n} word pieces with its heading, over the model's {TOKEN_LIMIT}: "
                        "it will be split mid-paragraph; shorten it or split it",
                        "warning",
                    )
                )
    findings += duplicate_paragraphs(root, {p.path for p in corpus.patterns})
    return sorted(set(findings))


def _expand(root: Path, paths: list[Path] | None) -> list[Path]:
    if not paths:
        return pattern_files(root / "Patterns")
    out: list[Path] = []
    for p in paths:
        p = p if p.is_absolute() else (Path.cwd() / p)
        out.extend(pattern_files(p) if p.is_dir() else [p])
    return out


def check_pattern(p: Pattern, root: Path, today: date) -> list[Finding]:
    """Every per-page check."""
    out: list[Finding] = []

    def add(line: int, message: str) -> None:
        out.append(Finding(p.path, line, message))

    _check_path_and_metadata(p, today, add)
    _check_sections(p, add)
    _check_placeholders(p, root, add)
    _check_content(p, add)
    _check_links(p, root, add)
    _check_code(p, add)
    return out


def _check_path_and_metadata(p: Pattern, today: date, add) -> None:
    parts = p.path.split("/")
    if len(parts) != 4 or parts[0] != "Patterns":
        add(1, "page must live at Patterns/<NNN_Category>/<Subcategory>/<Slug>.md")
    elif (
        parts[1][:3] not in CATEGORIES
        or category_label(parts[1]) != f"{parts[1][:3]} {CATEGORIES[parts[1][:3]]}"
    ):
        add(1, f"folder '{parts[1]}' is not one of the 13 template categories")
    meta, where = p.metadata, p.metadata_lines
    zero = p.section("0")
    if zero is None:
        return
    for name in METADATA_FIELDS:
        if name not in meta:
            add(zero.line, f"metadata field '{name}' is missing")
        elif not meta[name].strip():
            add(where[name], f"metadata field '{name}' is empty")
    if "Name" in meta and meta["Name"] != p.title:
        add(where["Name"], f"Name '{meta['Name']}' differs from the page title '{p.title}'")
    if "Canonical Path" in meta and meta["Canonical Path"].strip("` ") != p.path:
        add(
            where["Canonical Path"],
            f"Canonical Path '{meta['Canonical Path']}' is not the file's path '{p.path}'",
        )
    if (
        "Category" in meta
        and len(parts) == 4
        and category_label(meta["Category"]) != category_label(parts[1])
    ):
        add(
            where["Category"],
            f"Category '{meta['Category']}' does not match folder '{category_label(parts[1])}'",
        )
    if "Status" in meta and meta["Status"] not in STATUSES:
        add(where["Status"], f"Status '{meta['Status']}' must be one of {', '.join(STATUSES)}")
    if "Last Updated" in meta:
        try:
            when = date.fromisoformat(meta["Last Updated"].strip())
            if when > today:
                add(where["Last Updated"], f"Last Updated {when} is in the future")
        except ValueError:
            add(where["Last Updated"], f"Last Updated '{meta['Last Updated']}' is not a date (YYYY-MM-DD)")
    if "Tags" in meta and not p.tags:
        add(where["Tags"], "Tags is empty")
    if meta.get("Status") == "Stable":
        checklist = p.section("25")
        boxes = [b for b in checklist.blocks if _CHECKBOX.match(b.text)] if checklist else []
        unticked = [b for b in boxes if _CHECKBOX.match(b.text).group(1) == " "]
        if not boxes or unticked:
            line = unticked[0].line if unticked else (checklist.line if checklist else where["Status"])
            add(line, "Status is Stable but the Completion Checklist is not fully ticked")


def _check_sections(p: Pattern, add) -> None:
    expected = [n for top in TOP_LEVEL for n in [top, *SUBSECTIONS.get(top, [])]]
    seen = [s.number for s in p.sections]
    for s in p.sections:
        if s.number not in SECTIONS:
            add(s.line, f"section '{s.number}) {s.title}' is not in the template")
        elif s.title != SECTIONS[s.number]:
            add(s.line, f"section {s.number} must be titled '{SECTIONS[s.number]}', not '{s.title}'")
        elif s.number not in SUBSECTIONS and not s.blocks and s.number != "0":
            add(s.line, f"section {s.number} ({s.title}) is empty")
    for number in expected:
        if number not in seen:
            before = [s.line for s in p.sections if _key(s.number) < _key(number)]
            add(max(before) if before else p.title_line, f"section {number} ({SECTIONS[number]}) is missing")
    known = [s for s in p.sections if s.number in SECTIONS]
    for prev, cur in zip(known, known[1:], strict=False):
        if _key(cur.number) < _key(prev.number):
            add(cur.line, f"section {cur.number} is out of order (after {prev.number})")
    flow = p.section("6.1")
    if flow is not None and not any(
        b.kind == "fence" and b.lang == "mermaid" and b.text.lstrip().startswith(("flowchart", "graph"))
        for b in flow.blocks
    ):
        add(flow.line, "6.1 must hold a mermaid flowchart")


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(x) for x in number.split("."))


def _check_placeholders(p: Pattern, root: Path, add) -> None:
    text = (root / p.path).read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), start=1):
        scan = _CHECKBOX.sub("", line)
        for ph in PLACEHOLDERS:
            hit = re.search(rf"\b{ph}\b", scan) if ph.isalpha() else ph in scan
            if hit:
                add(n, f"template placeholder '{ph}' left in the page")


def _bullets(p: Pattern, number: str) -> dict[str, tuple[str, int]]:
    section = p.section(number)
    found = {}
    for b in section.blocks if section else []:
        if m := re.match(r"^\s*[-*]\s+(?:\*\*)?([^*:]+?)(?:\*\*)?\s*:\s*(.*)", b.text, re.S):
            found[m.group(1).strip().lower()] = (plain(m.group(2)), b.line)
    return found


def _check_content(p: Pattern, add) -> None:
    for number, fields in (("1", TLDR_FIELDS), ("22", PRACTICE_LEVELS)):
        section = p.section(number)
        if section is None:
            continue
        bullets = _bullets(p, number)
        for name in fields:
            text, line = bullets.get(name.lower(), ("", section.line))
            if len(text.split()) < 3:
                add(line, f"section {number}: '{name}' is missing or not filled in")
    tradeoffs = p.section("10")
    if tradeoffs is not None:
        rows = {}
        for b in tradeoffs.blocks:
            if b.kind == "table":
                for offset, cells in table_cells(b.text):
                    rows[cells[0].lower()] = (cells, b.line + offset)
        for aspect in TRADEOFF_ASPECTS:
            cells, line = rows.get(aspect.lower(), (None, tradeoffs.line))
            if cells is None:
                add(line, f"Tradeoffs table has no '{aspect}' row")
            elif len(cells) < 3 or not cells[1].strip() or not cells[2].strip():
                add(line, f"Tradeoffs '{aspect}': Pros and Cons must both be filled")
    refs = p.section("24")
    if refs is not None:
        items = [b for b in refs.blocks if b.kind == "item"]
        if len(items) < MIN_REFERENCES:
            add(refs.line, f"References lists {len(items)} source(s); at least {MIN_REFERENCES} are needed")


def _check_links(p: Pattern, root: Path, add) -> None:
    s21 = p.section("21")
    if s21 is not None and len({ln.target for ln in p.links}) < MIN_LINKS:
        add(
            s21.line,
            f"section 21 links {len({ln.target for ln in p.links})} pattern(s); "
            f"at least {MIN_LINKS} are needed",
        )
    for ln in p.links:
        if not ln.relation:
            add(
                ln.line,
                f"link to '{ln.target}' is not under Variants, Alternatives, "
                "Often combined with or Often confused with",
            )
    text = (root / p.path).read_text(encoding="utf-8")
    in_fence = False
    base = Path(p.path).parent
    for n, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            continue
        for href in _MD_LINK.findall(line):
            if "://" in href:
                continue
            target = (root / base / href).resolve()
            if not target.is_file() or not target.is_relative_to((root / "Patterns").resolve()):
                add(n, f"link '{href}' does not resolve to a pattern file")


def _check_code(p: Pattern, add) -> None:
    for block in p.code:
        if block.lang in ("python", "py", "python3"):
            try:
                ast.parse(block.text)
            except SyntaxError as e:
                add(block.line + (e.lineno or 1), f"python code does not parse: {e.msg}")


def duplicate_paragraphs(root: Path, only: set[str]) -> list[Finding]:
    """Paragraphs of DUPLICATE_WORDS+ words that appear in two pattern files (reported for `only`)."""
    seen: dict[str, list[tuple[str, int]]] = defaultdict(list)
    corpus = load_corpus(root)
    for p in corpus.patterns:
        for s in p.sections:
            for b in s.blocks:
                if b.kind == "fence":
                    continue
                words = re.sub(r"[^\w\s]", " ", plain(b.text).lower()).split()
                if len(words) >= DUPLICATE_WORDS:
                    key = hashlib.sha1(" ".join(words).encode()).hexdigest()
                    seen[key].append((p.path, b.line))
    out = []
    for places in seen.values():
        files = {path for path, _ in places}
        if len(files) < 2:
            continue
        for path, line in places:
            if path in only:
                other = next(f"{q}:{ln}" for q, ln in places if q != path)
                out.append(
                    Finding(path, line, f"paragraph also appears in {other}; write it fresh for this page")
                )
    return out
