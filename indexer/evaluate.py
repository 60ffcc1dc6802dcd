"""Retrieval quality on the labelled queries in eval/queries.yaml, measured with ir-measures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import ir_measures
import yaml
from ir_measures import RR, R, Success, nDCG

from .errors import IndexerError
from .search import MODES, Searcher

MEASURES = {
    "nDCG@10": nDCG @ 10,
    "MRR@10": RR @ 10,
    "Recall@10": R @ 10,
    "Hit@1": Success @ 1,
    "Hit@3": Success @ 3,
}
DEPTH = 10


@dataclass
class Query:
    id: str
    query: str
    type: str
    split: str
    relevant: dict[str, int]
    section: str = ""


@dataclass
class Report:
    """Scores per mode, per split and per query type, and the queries that failed."""

    evaluated: int
    skipped: int
    scores: dict[str, dict[str, float]]
    by_type: dict[str, dict[str, float]]
    section_accuracy: dict[str, float]
    failures: list[dict] = field(default_factory=list)


def load_queries(path: Path) -> list[Query]:
    """Read and check the labelled query file; errors name the file and the entry."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndexerError(f"{path}: no query file") from None
    except yaml.YAMLError as e:
        raise IndexerError(f"{path}: not valid YAML: {e}") from None
    if not isinstance(raw, list):
        raise IndexerError(f"{path}: expected a list of queries")
    queries, seen = [], set()
    for n, item in enumerate(raw, start=1):
        try:
            q = Query(
                id=str(item["id"]),
                query=str(item["query"]),
                type=str(item.get("type", "other")),
                split=str(item.get("split", "tune")),
                relevant={str(k): int(v) for k, v in item["relevant"].items()},
                section=str(item.get("section", "") or ""),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise IndexerError(f"{path}: entry {n} is malformed ({type(e).__name__}: {e})") from None
        if q.id in seen:
            raise IndexerError(f"{path}: entry {n}: duplicate id {q.id}")
        seen.add(q.id)
        queries.append(q)
    return queries


def evaluate(
    searcher: Searcher, queries: list[Query], split: str = "all", modes: tuple[str, ...] = MODES
) -> Report:
    """Pattern-level metrics for each mode; only queries whose answer has a page are counted."""
    known = set(searcher.data.patterns)
    chosen = [q for q in queries if split == "all" or q.split == split]
    usable = [q for q in chosen if any(g >= 2 and s in known for s, g in q.relevant.items())]
    qrels = [
        ir_measures.Qrel(q.id, slug, grade)
        for q in usable
        for slug, grade in q.relevant.items()
        if slug in known
    ]
    scores, by_type, section_accuracy, failures = {}, {}, {}, []
    for mode in modes:
        run, hits = [], {}
        for q in usable:
            results = searcher.search(q.query, k=DEPTH, mode=mode)
            hits[q.id] = results
            run += [ir_measures.ScoredDoc(q.id, r.pattern, float(DEPTH - i)) for i, r in enumerate(results)]
        scores[mode] = _named(ir_measures.calc_aggregate(MEASURES.values(), qrels, run))
        section_accuracy[mode] = _section_accuracy(usable, hits)
        if mode == "hybrid":
            by_type = _by_type(usable, qrels, run)
            failures = _failures(usable, hits)
    return Report(len(usable), len(chosen) - len(usable), scores, by_type, section_accuracy, failures)


def _named(values: dict) -> dict[str, float]:
    by_name = {str(m): float(v) for m, v in values.items()}
    return {name: round(by_name.get(str(m), 0.0), 4) for name, m in MEASURES.items()}


def _by_type(usable: list[Query], qrels, run) -> dict[str, dict[str, float]]:
    per_query: dict[str, dict[str, float]] = defaultdict(dict)
    for metric in ir_measures.iter_calc([MEASURES["nDCG@10"], MEASURES["Hit@1"]], qrels, run):
        per_query[metric.query_id][str(metric.measure)] = metric.value
    groups: dict[str, list[dict[str, float]]] = defaultdict(list)
    for q in usable:
        groups[q.type].append(per_query.get(q.id, {}))
    out = {}
    for kind, rows in sorted(groups.items()):
        out[kind] = {
            "n": len(rows),
            "nDCG@10": round(sum(r.get("nDCG@10", 0.0) for r in rows) / len(rows), 4),
            "Hit@1": round(sum(r.get("Success@1", 0.0) for r in rows) / len(rows), 4),
        }
    return out


def _section_accuracy(usable: list[Query], hits: dict) -> float:
    """Of the section queries whose top pattern is relevant, how often its first section is the right one."""
    asked = [q for q in usable if q.section and hits[q.id] and q.relevant.get(hits[q.id][0].pattern, 0) > 0]
    if not asked:
        return 0.0
    right = sum(1 for q in asked if hits[q.id][0].sections and hits[q.id][0].sections[0].section == q.section)
    return round(right / len(asked), 4)


def _failures(usable: list[Query], hits: dict) -> list[dict]:
    out = []
    for q in usable:
        got = [r.pattern for r in hits[q.id]]
        best = max(q.relevant.values())
        if not got or q.relevant.get(got[0], 0) < best:
            out.append({"id": q.id, "type": q.type, "query": q.query, "expected": q.relevant, "got": got[:3]})
    return out
