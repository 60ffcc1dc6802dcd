from pathlib import Path

import pytest

from indexer.build import rebuild
from indexer.errors import IndexerError
from indexer.evaluate import evaluate, load_queries
from indexer.guide import Guide

QUERIES = """
- id: a
  query: "gamma queue"
  type: name
  split: tune
  relevant: {Gamma_Queue: 2}
- id: b
  query: "beta breaker"
  type: name
  split: heldout
  relevant: {Beta_Breaker: 2, Alpha_Cache: 1}
  section: "2"
- id: c
  query: "a page nobody wrote"
  type: goal
  split: tune
  relevant: {Not_Written_Yet: 2}
"""


@pytest.fixture
def searcher(config, fake_embedder):
    rebuild(config, log=lambda m: None)
    return Guide(config).searcher


def test_metrics_per_mode_split_and_type(searcher, tmp_path: Path):
    path = tmp_path / "q.yaml"
    path.write_text(QUERIES)
    report = evaluate(searcher, load_queries(path))
    assert report.evaluated == 2 and report.skipped == 1
    assert set(report.scores) == {"hybrid", "dense", "bm25"}
    assert report.scores["hybrid"]["Hit@1"] == 1.0
    assert report.scores["hybrid"]["MRR@10"] == 1.0
    assert set(report.by_type) == {"name"}
    tune = evaluate(searcher, load_queries(path), split="tune", modes=("hybrid",))
    assert tune.evaluated == 1 and set(tune.scores) == {"hybrid"}


def test_failures_list_wrong_first_results(searcher, tmp_path: Path):
    path = tmp_path / "q.yaml"
    path.write_text(QUERIES.replace("{Gamma_Queue: 2}", "{Delta_Shard: 2}"))
    report = evaluate(searcher, load_queries(path), modes=("hybrid",))
    assert [f["id"] for f in report.failures] == ["a"]
    assert report.failures[0]["got"][0] == "Gamma_Queue"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- id: x\n  query: q\n", "entry 1 is malformed"),
        ("{not: a list}", "expected a list"),
        ("- [unclosed", "not valid YAML"),
        ("- {id: x, query: q, relevant: {A: 2}}\n- {id: x, query: r, relevant: {A: 2}}", "duplicate id x"),
    ],
)
def test_bad_query_files(tmp_path: Path, text: str, message: str):
    path = tmp_path / "q.yaml"
    path.write_text(text)
    with pytest.raises(IndexerError, match=message):
        load_queries(path)
