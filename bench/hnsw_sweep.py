"""Recall@10 and latency of HNSW against exact search as efSearch grows, at one corpus size.

Run: .venv/bin/python bench/hnsw_sweep.py --size 1000000
Uses the same synthetic corpus and queries as bench/scale.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import faiss
import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scale import spread_of, synthetic  # noqa: E402

from indexer import dense, store  # noqa: E402
from indexer.config import default_config  # noqa: E402
from indexer.embed import load_embedder  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--ef", type=int, nargs="+", default=[256, 512, 1024, 2048])
    args = parser.parse_args()
    config = default_config()
    real = store.load(config.index_dir).vectors
    texts = [q["query"] for q in yaml.safe_load((ROOT / "eval" / "queries.yaml").read_text())][:200]
    queries = load_embedder(config.model).encode(texts)
    vectors = synthetic(real, args.size, spread_of(real))
    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    _, truth = exact.search(queries, 10)
    del exact
    faiss.omp_set_num_threads(2)
    index = dense.build(vectors, exact_limit=0)
    faiss.omp_set_num_threads(1)
    for ef in args.ef:
        index.hnsw.efSearch = ef
        lat, recall = [], []
        for q, t in zip(queries, truth, strict=True):
            start = time.perf_counter()
            _, ids = dense.search(index, q, 10)
            lat.append((time.perf_counter() - start) * 1000)
            recall.append(len(set(ids) & set(t)) / 10)
        row = {
            "chunks": args.size,
            "efSearch": ef,
            "recall@10": round(float(np.mean(recall)), 4),
            "p50_ms": round(float(np.percentile(lat, 50)), 2),
            "p95_ms": round(float(np.percentile(lat, 95)), 2),
        }
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
