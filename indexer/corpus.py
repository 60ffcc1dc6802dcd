"""Find and parse every pattern page; describe each page for the index."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import PatternError
from .model import Pattern
from .parse import parse_file


@dataclass
class Corpus:
    """The parsed pages, the files that failed, and every source file's hash."""

    patterns: list[Pattern] = field(default_factory=list)
    errors: list[PatternError] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)


def pattern_files(patterns_dir: Path) -> list[Path]:
    """Every Markdown file under Patterns/, in a stable order (os.walk: several times faster than rglob)."""
    found = []
    for folder, _dirs, files in os.walk(patterns_dir):
        found.extend(Path(folder, name) for name in files if name.endswith(".md"))
    return sorted(found)


def page_hash(path: Path) -> str:
    """The content hash the manifest keeps per page (and the stale check compares against)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_corpus(root: Path, paths: list[Path] | None = None) -> Corpus:
    """Parse the given files (default: all of Patterns/), collecting errors instead of stopping."""
    corpus = Corpus()
    for path in paths if paths is not None else pattern_files(root / "Patterns"):
        rel = (
            path.resolve().relative_to(root).as_posix() if path.resolve().is_relative_to(root) else str(path)
        )
        try:
            corpus.sources[rel] = page_hash(path)
            corpus.patterns.append(parse_file(path.resolve(), root))
        except PatternError as e:
            corpus.errors.append(e)
        except OSError as e:
            corpus.errors.append(PatternError(rel, 1, f"cannot read file: {e.strerror}"))
    return corpus


def describe(pattern: Pattern, known: dict[str, str]) -> dict:
    """What the index keeps about a page besides its chunks; `known` maps paths to slugs."""
    tldr = pattern.section("1")
    problem = ""
    for block in tldr.blocks if tldr else []:
        first = block.text.splitlines()[0]
        if "**Problem**" in first:
            problem = first.split(":", 1)[1].strip() if ":" in first else ""
    return {
        "slug": pattern.slug,
        "title": pattern.title,
        "name": pattern.name,
        "path": pattern.path,
        "category": pattern.category,
        "subcategory": pattern.subcategory,
        "status": pattern.status,
        "last_updated": pattern.metadata.get("Last Updated", ""),
        "tags": pattern.tags,
        "problem": problem,
        "sections": [[s.number, s.title, s.line] for s in pattern.sections],
        "links": [
            {"relation": ln.relation, "target": known[ln.target], "reason": ln.reason}
            for ln in pattern.links
            if ln.target in known and known[ln.target] != pattern.slug
        ],
    }
