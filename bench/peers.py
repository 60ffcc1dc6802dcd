"""This guide's hybrid search beside peers on the same queries, corpus and model, in one run.

Run: .venv/bin/python bench/peers.py        (needs the bench extra: pip install -e '.[bench]')

Peers: txtai's hybrid search (its own BM25 + faiss, `hybrid: True`) indexing the same chunk texts
with the same all-MiniLM-L6-v2, and bm25s alone (the guide's BM25 mode). Each ranks chunks; chunks
are grouped into patterns by their best rank, and the same ir-measures metrics are computed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import ir_measures
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.evaluate import MEASURES, load_queries  # noqa: E402
from indexer.guide import Guide  # noqa: E402


def rank_patterns(chunk_ids: list[int], chunks, k: int = 10) -> list[str]:
    out: list[str] = []
    for i in chunk_ids:
        slug = chunks[i].pattern
        if slug not in out:
            out.append(slug)
        if len(out) == k:
            break
    return out


def fresh(guide: Guide, mode: str):
    """A ranker that re-encodes every query (no cached vectors), so latencies compare fairly."""

    def rank(query: str) -> list[str]:
        guide.searcher._query_vectors.clear()
        return [r.pattern for r in guide.searcher.search(query, k=10, mode=mode)]

    return rank


def measure(name: str, ranker, queries, known: set[str]) -> dict:
    usable = [q for q in queries if any(g >= 2 and s in known for s, g in q.relevant.items())]
    qrels = [ir_measures.Qrel(q.id, s, g) for q in usable for s, g in q.relevant.items() if s in known]
    run, latency = [], []
    ranker(usable[0].query)
    for q in usable:
        t = time.perf_counter()
        ranked = ranker(q.query)
        latency.append((time.perf_counter() - t) * 1000)
        run += [ir_measures.ScoredDoc(q.id, s, float(10 - i)) for i, s in enumerate(ranked)]
    values = ir_measures.calc_aggregate(MEASURES.values(), qrels, run)
    by_name = {str(m): float(v) for m, v in values.items()}
    row = {n: round(by_name.get(str(m), 0.0), 3) for n, m in MEASURES.items()}
    row.update(
        p50_ms=round(float(np.percentile(latency, 50)), 1), p95_ms=round(float(np.percentile(latency, 95)), 1)
    )
    print(f"| {name} | " + " | ".join(str(v) for v in row.values()) + " |", flush=True)
    return row


def main() -> None:
    from txtai import Embeddings

    guide = Guide()
    chunks = guide.data.chunks
    queries = load_queries(ROOT / "eval" / "queries.yaml")
    known = set(guide.patterns)
    print(f"{len(chunks)} chunks, {len(known)} patterns")
    print("| system | " + " | ".join(MEASURES) + " | p50 ms | p95 ms |")
    print("|---" * (len(MEASURES) + 3) + "|")
    measure("this guide (hybrid)", fresh(guide, "hybrid"), queries, known)
    measure("bm25s alone (this guide's BM25 mode)", fresh(guide, "bm25"), queries, known)
    measure("dense alone (FAISS + MiniLM)", fresh(guide, "dense"), queries, known)
    with tempfile.TemporaryDirectory():
        txtai = Embeddings(path=str(guide.config.model_dir), hybrid=True, content=False)
        txtai.index([(i, c.embed_text, None) for i, c in enumerate(chunks)])
        measure(
            "txtai hybrid",
            lambda q: rank_patterns([int(i) for i, _ in txtai.search(q, 200)], chunks),
            queries,
            known,
        )


if __name__ == "__main__":
    main()
