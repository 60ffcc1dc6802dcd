"""BM25 scoring from the saved arrays matches bm25s itself, without importing it on the query path."""

from __future__ import annotations

import subprocess
import sys

import numpy as np

from indexer import sparse
from indexer.text import terms

TEXTS = [
    "retry storm after an outage: clients retry at once and the backend melts",
    "circuit breaker opens after consecutive failures and fails fast",
    "token bucket allows bursts up to the bucket size, refill rate sets the average",
    "cache stampede: many clients miss the same hot key at once",
    "",
]


def test_scores_equal_bm25s_for_known_repeated_and_unknown_terms(tmp_path):
    built = sparse.build(TEXTS)
    sparse.save(built, tmp_path)
    ours = sparse.load(tmp_path)
    queries = [terms(q) for q in ("retry", "retry retry storm", "cache zzzunknown key", "bucket fails")]
    for query in queries:
        known = [t for t in query if t in built.vocab_dict]
        expected = np.asarray(built.get_scores(known), dtype=np.float32) if known else 0.0
        assert np.allclose(sparse.scores(ours, query), expected, atol=1e-6), query
        assert sparse.scores(ours, query).any()
    assert not sparse.scores(ours, terms("zzzunknown")).any()


def test_searching_does_not_import_bm25s_or_scipy():
    code = (
        "import sys; from indexer.guide import Guide; g = Guide(); "
        "g.searcher._score_chunks('retry storm', g.searcher.query_terms('retry storm'), 5, 'bm25'); "
        "print('bm25s' in sys.modules, 'scipy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_stop_words_are_bm25s_own_list():
    from bm25s.stopwords import STOPWORDS_EN

    from indexer.text import STOPWORDS

    assert frozenset(STOPWORDS_EN) | {"pattern", "patterns"} == STOPWORDS
