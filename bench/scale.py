"""Dense search at 100k and 1M chunks: HNSW (as chosen by indexer.dense) against exact search.

Run: .venv/bin/python bench/scale.py [--sizes 100000 1000000] [--queries 200]

Synthetic vectors keep the structure of real ones: each is a random blend of a real chunk embedding
(from the committed index) and one of its 20 nearest real neighbours, plus a little Gaussian noise,
renormalised. The corpus then fills the space between real chunks the way new pages on the same
topics would, instead of piling copies around each real vector (which makes near-ties that no
method can order) or spreading isotropic noise (which has no structure at all). Queries are real
query embeddings of eval/queries.yaml.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

import faiss
import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer import dense, store  # noqa: E402
from indexer.config import default_config  # noqa: E402
from indexer.embed import load_embedder  # noqa: E402


def synthetic(real: np.ndarray, n: int, spread: float, seed: int = 7) -> np.ndarray:
    rng = np.random.default_rng(seed)
    neighbours = np.argsort(-(real @ real.T), axis=1)[:, 1:21]
    out = np.empty((n, real.shape[1]), dtype=np.float32)
    for start in range(0, n, 100_000):
        size = min(100_000, n - start)
        i = rng.integers(0, len(real), size)
        j = neighbours[i, rng.integers(0, neighbours.shape[1], size)]
        w = rng.uniform(0.0, 1.0, size=(size, 1)).astype(np.float32)
        blend = w * real[i] + (1.0 - w) * real[j]
        blend += rng.normal(0.0, spread, size=blend.shape).astype(np.float32)
        out[start : start + size] = blend / np.linalg.norm(blend, axis=1, keepdims=True)
    return out


def spread_of(real: np.ndarray, target_cos: float = 0.95) -> float:
    """Noise sigma giving an expected cosine of target_cos between a vector and its centre."""
    d = real.shape[1]
    return float(np.sqrt((1.0 / target_cos**2 - 1.0) / d))


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    config = default_config()
    real = store.load(config.index_dir).vectors
    texts = [q["query"] for q in yaml.safe_load((ROOT / "eval" / "queries.yaml").read_text())][: args.queries]
    queries = load_embedder(config.model).encode(texts)
    sigma = spread_of(real)
    results = []
    for n in args.sizes:
        vectors = synthetic(real, n, sigma)
        exact = faiss.IndexFlatIP(vectors.shape[1])
        exact.add(vectors)
        faiss.omp_set_num_threads(2)
        started = time.perf_counter()
        index = dense.build(vectors)
        build_s = time.perf_counter() - started
        faiss.omp_set_num_threads(1)
        lat_exact, lat_ann, recall = [], [], []
        for q in queries:
            t = time.perf_counter()
            _, ids_exact = dense.search(exact, q, 10)
            lat_exact.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            _, ids = dense.search(index, q, 10)
            lat_ann.append((time.perf_counter() - t) * 1000)
            recall.append(len(set(ids) & set(ids_exact)) / 10)
        row = {
            "chunks": n,
            "index": dense.kind(index),
            "params": dense.hnsw_params(n) if dense.kind(index) == "hnsw" else {},
            "build_s": round(build_s, 1),
            "recall@10": round(float(np.mean(recall)), 4),
            "ann_p50_ms": round(pct(lat_ann, 50), 2),
            "ann_p95_ms": round(pct(lat_ann, 95), 2),
            "exact_p50_ms": round(pct(lat_exact, 50), 2),
            "exact_p95_ms": round(pct(lat_exact, 95), 2),
            "index_mb": round(len(dense.to_bytes(index)) / 1e6, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0),
        }
        results.append(row)
        print(json.dumps(row), flush=True)
        del vectors, exact, index
    if args.json:
        summary = {"sigma": sigma, "queries": len(queries), "results": results}
        args.json.write_text(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
