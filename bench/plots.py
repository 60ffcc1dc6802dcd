"""Plots for docs/benchmarks.md: search latency distribution and quality by query type.

Run: .venv/bin/python bench/plots.py      (needs the bench extra for matplotlib)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.evaluate import evaluate, load_queries  # noqa: E402
from indexer.guide import Guide  # noqa: E402

OUT = ROOT / "docs" / "img"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    guide = Guide()
    searcher = guide.searcher
    queries = load_queries(ROOT / "eval" / "queries.yaml")
    searcher.search("warm up")
    search_ms, encode_ms = [], []
    for q in queries:
        searcher._query_vectors.clear()
        t = time.perf_counter()
        searcher.search(q.query, k=10)
        search_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        searcher.embedder.encode_query(q.query)
        encode_ms.append((time.perf_counter() - t) * 1000)
    fig, ax = plt.subplots(figsize=(7, 3.5))
    bins = [x / 2 for x in range(0, 81)]
    ax.hist(encode_ms, bins=bins, alpha=0.6, label="bare query encode")
    ax.hist(search_ms, bins=bins, alpha=0.6, label="full hybrid search (k=10)")
    ax.set_xlabel("milliseconds")
    ax.set_ylabel("queries")
    ax.set_title(f"Latency over {len(queries)} labelled queries")
    ax.legend()
    fig.tight_layout()
    fig.savefig(OUT / "latency.png", dpi=110)

    report = evaluate(searcher, queries)
    kinds = list(report.by_type)
    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.bar(kinds, [report.by_type[k]["nDCG@10"] for k in kinds], color="#4c72b0", label="nDCG@10")
    ax.bar(kinds, [report.by_type[k]["Hit@1"] for k in kinds], color="#dd8452", width=0.4, label="Hit@1")
    for i, k in enumerate(kinds):
        ax.text(i, 0.02, f"n={report.by_type[k]['n']}", ha="center", color="white", fontsize=8)
    ax.set_ylim(0, 1)
    ax.set_title("Hybrid search quality by query type")
    ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(OUT / "quality_by_type.png", dpi=110)
    print(f"wrote {OUT / 'latency.png'} and {OUT / 'quality_by_type.png'}")


if __name__ == "__main__":
    main()
