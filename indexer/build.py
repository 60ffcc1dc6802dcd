"""Rebuild the index from Patterns/: parse, chunk, embed only what changed, store atomically."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
from filelock import FileLock, Timeout

from . import store
from .chunk import chunk_pattern
from .config import SCHEMA_VERSION, Config
from .corpus import describe, load_corpus
from .errors import IndexerError, IndexStateError, PatternError
from .model import Chunk
from .study.cards import build_cards
from .tokens import counter_for

EMBED_SLICE = 64


@dataclass
class BuildReport:
    """What a rebuild did."""

    files: int = 0
    chunks: int = 0
    embedded: int = 0
    reused: int = 0
    kept: list[str] = field(default_factory=list)
    errors: list[PatternError] = field(default_factory=list)
    seconds: float = 0.0
    embed_seconds: float = 0.0
    changed: bool = True


@dataclass
class Plan:
    """The index a rebuild would write, before any embedding."""

    chunks: list[Chunk]
    patterns: dict[str, dict]
    sources: dict[str, str]
    errors: list[PatternError]
    cards: list[dict] = field(default_factory=list)


def plan(config: Config) -> Plan:
    """Parse and chunk every page: the content the index should hold."""
    corpus = load_corpus(config.root)
    known = {p.path: p.slug for p in corpus.patterns}
    count = counter_for(config.model_dir).count
    chunks = [c for p in corpus.patterns for c in chunk_pattern(p, count)]
    patterns = {p.slug: describe(p, known) for p in corpus.patterns}
    cards = [c.to_dict() for c in build_cards(corpus.patterns)]
    return Plan(chunks, patterns, corpus.sources, corpus.errors, cards)


def rebuild(config: Config, full: bool = False, strict: bool = False, log=None, progress=None) -> BuildReport:
    """Bring `index/` up to date with Patterns/. Only one rebuild runs at a time.

    `log(message)` receives status lines; `progress(done, total)` is called as chunks are embedded.
    """
    log = log or (lambda msg: print(msg, file=sys.stderr))
    started = time.perf_counter()
    lock = FileLock(str(config.lock_path), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise IndexerError(
            f"another rebuild holds {config.lock_path}; wait for it to finish and run again"
        ) from None
    try:
        store.clean_leftovers(config.index_dir)
        report = _rebuild_locked(config, full, strict, log, progress)
    finally:
        lock.release()
    report.seconds = time.perf_counter() - started
    return report


def _rebuild_locked(config: Config, full: bool, strict: bool, log, progress) -> BuildReport:
    old = None if full else _previous(config)
    p = plan(config)
    report = BuildReport(errors=p.errors)
    for err in p.errors:
        log(f"error: {err}")
    if p.errors and strict:
        raise IndexerError(f"{len(p.errors)} file(s) failed to parse; nothing was written (--strict)")
    if old is not None:
        _keep_failed_pages(old, p, report)
    chunks = sorted(p.chunks, key=lambda c: (c.path, _order(c)))
    reuse = {}
    if old is not None:
        reuse = {c.hash: old.vectors[i] for i, c in enumerate(old.chunks)}
    todo = [c for c in chunks if c.hash not in reuse]
    vectors, dim = (
        _embed(config, todo, log, report, progress) if todo else ({}, old.manifest["dim"] if old else 0)
    )
    if not dim:
        raise IndexerError(f"{config.patterns_dir}: no pattern pages to index")
    matrix = np.zeros((len(chunks), dim), dtype=np.float32)
    for i, c in enumerate(chunks):
        matrix[i] = vectors[c.hash] if c.hash in vectors else reuse[c.hash]
    report.files, report.chunks = len(p.patterns), len(chunks)
    report.embedded = len({c.hash for c in todo})
    report.reused = len(chunks) - len(todo)
    manifest = {
        "schema": SCHEMA_VERSION,
        "model": config.model,
        "dim": dim,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "sources": dict(sorted(p.sources.items())),
        "chunks": {c.id: c.hash for c in chunks},
    }
    cards = sorted(p.cards, key=lambda c: c["id"])
    if (
        old is not None
        and not todo
        and old.manifest.get("schema") == SCHEMA_VERSION
        and _same_content(old, chunks, p.patterns, manifest)
        and old.cards == cards
    ):
        report.changed = False
        log(f"index is up to date: {len(chunks)} chunks from {len(p.patterns)} pages")
        return report
    store.write(config.index_dir, manifest, chunks, matrix, p.patterns, cards)
    log(
        f"indexed {len(p.patterns)} pages, {len(chunks)} chunks: embedded {report.embedded}, "
        f"reused {report.reused}"
    )
    return report


def _previous(config: Config):
    """The current index if it can be reused; refuses to mix vectors of two models."""
    try:
        old = store.load(config.index_dir, any_schema=True)
    except (IndexStateError, TypeError, KeyError, ValueError):
        return None
    if old.manifest.get("model") != config.model:
        raise IndexStateError(
            f"{config.index_dir}: built with model '{old.manifest.get('model')}', but the configured "
            f"model is '{config.model}'. Run `python -m indexer rebuild --full` to re-embed everything."
        )
    return old


def _keep_failed_pages(old, p: Plan, report: BuildReport) -> None:
    """A page that no longer parses keeps its last good entries, so nothing is lost."""
    failed = {e.path for e in p.errors}
    for slug, meta in old.patterns.items():
        if meta["path"] in failed and slug not in p.patterns:
            p.patterns[slug] = meta
            p.chunks.extend(c for c in old.chunks if c.pattern == slug)
            p.cards.extend(c for c in old.cards if c["pattern"] == slug)
            p.sources[meta["path"]] = old.manifest["sources"].get(meta["path"], "")
            report.kept.append(meta["path"])


def _embed(config: Config, todo: list[Chunk], log, report: BuildReport, progress) -> tuple[dict, int]:
    from .embed import load_embedder

    texts = list(dict.fromkeys(c.embed_text for c in todo))
    log(f"embedding {len(texts)} chunks with {config.model}")
    embedder = load_embedder(config.model, backend="sentence-transformers")
    t0 = time.perf_counter()
    if progress is None:
        vecs = embedder.encode(texts, batch_size=32, progress=True)
    else:
        parts = []
        for start in range(0, len(texts), EMBED_SLICE):
            parts.append(embedder.encode(texts[start : start + EMBED_SLICE], batch_size=32))
            progress(min(start + EMBED_SLICE, len(texts)), len(texts))
        vecs = np.concatenate(parts)
    report.embed_seconds = time.perf_counter() - t0
    by_text = dict(zip(texts, vecs, strict=True))
    return {c.hash: by_text[c.embed_text] for c in todo}, embedder.dim


def _order(chunk: Chunk) -> tuple:
    section, part = chunk.id.split("#", 1)[1].rsplit(".", 1)
    return tuple(int(x) for x in section.split(".")) + (int(part),)


def _same_content(old, chunks: list[Chunk], patterns: dict, manifest: dict) -> bool:
    return (
        [c.to_dict() for c in old.chunks] == [c.to_dict() for c in chunks]
        and old.patterns == json.loads(json.dumps(patterns))
        and old.manifest.get("sources") == manifest["sources"]
    )


def check(config: Config) -> list[str]:
    """Why `index/` does not match Patterns/ (empty when it is fresh). Loads no model."""
    try:
        old = store.load(config.index_dir)
    except IndexStateError as e:
        return [str(e)]
    p = plan(config)
    problems = [str(e) for e in p.errors]
    if old.manifest.get("model") != config.model:
        problems.append(f"index built with {old.manifest.get('model')}, configured {config.model}")
    old_sources, new_sources = old.manifest.get("sources", {}), p.sources
    for path in sorted(set(old_sources) | set(new_sources)):
        if path not in new_sources:
            problems.append(f"{path}: removed since the last rebuild")
        elif path not in old_sources:
            problems.append(f"{path}: added since the last rebuild")
        elif old_sources[path] != new_sources[path]:
            problems.append(f"{path}: changed since the last rebuild")
    chunks = sorted(p.chunks, key=lambda c: (c.path, _order(c)))
    if not problems and not _same_content(old, chunks, p.patterns, {"sources": p.sources}):
        problems.append("chunks differ from what this version of the indexer produces")
    if not problems and old.cards != sorted(p.cards, key=lambda c: c["id"]):
        problems.append("study cards differ from what this version of the indexer produces")
    return problems
