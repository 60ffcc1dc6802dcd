"""Search latency beside bare query encoding, and time from a fresh process to the first answer.

Run: .venv/bin/python bench/latency.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    "pattern for thundering herd",
    "our database falls over when a popular key expires",
    "how do I stop a failing dependency from taking down my service",
    "publish an event reliably after a database write",
    "split brain two leaders",
    "how many shards for 2 TB growing 50% a year",
    "rate limit with bursts",
    "circut breaker half open",
    "requests pile up and latency explodes under overload",
    "add a cache node without remapping every key",
    "separate read and write models",
    "distributed transaction across microservices without 2PC",
]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def timed(fn, repeat: int, before=lambda: None) -> list[float]:
    out = []
    for _ in range(repeat):
        for q in QUERIES:
            before()
            t = time.perf_counter()
            fn(q)
            out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "indexer", "search", "--json", "--k", "5", QUERIES[0]],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    cold = time.perf_counter() - t
    assert proc.returncode == 0, proc.stderr

    from indexer.guide import Guide

    guide = Guide()
    guide.search("warm up")
    searcher = guide.searcher
    search_ms = timed(lambda q: guide.search(q, k=10), args.repeat, before=searcher._query_vectors.clear)
    encode_ms = timed(lambda q: searcher.embedder.encode_query(q), args.repeat)

    from indexer.embed.sentence_transformer import SentenceTransformerEmbedder

    st = SentenceTransformerEmbedder(guide.config.model, guide.config.model_dir)
    st.encode_query("warm up")
    st_ms = timed(lambda q: st.encode_query(q), args.repeat)

    rows = [
        ("search (hybrid, k=10)", search_ms),
        ("bare encode, NumPy BERT (query path)", encode_ms),
        ("bare encode, sentence-transformers", st_ms),
    ]
    print(
        f"corpus: {len(guide.patterns)} patterns, {len(guide.data.chunks)} chunks; n={len(search_ms)} queries"
    )
    print("| what | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|")
    for name, values in rows:
        print(f"| {name} | {pct(values, 50):.1f} | {pct(values, 95):.1f} | {pct(values, 99):.1f} |")
    print(f"ratio search p50 / sentence-transformers encode p50: {pct(search_ms, 50) / pct(st_ms, 50):.2f}")
    print(f"ratio search p50 / NumPy encode p50: {pct(search_ms, 50) / pct(encode_ms, 50):.2f}")
    print(f"fresh process to first answer (python -m indexer search --json): {cold:.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process (index + NumPy and sentence-transformers encoders): {peak:.0f} MB")
    print(
        "median search overhead beyond encode: "
        f"{statistics.median(search_ms) - statistics.median(encode_ms):.1f} ms"
    )


if __name__ == "__main__":
    main()
