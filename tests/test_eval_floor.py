"""Search quality may not fall below the measured floor (real model, committed index, all queries)."""

from pathlib import Path

import pytest

from indexer.evaluate import evaluate, load_queries
from indexer.guide import Guide

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parent.parent
# Measured (hybrid, all splits): at 30 pages nDCG@10 0.93, Hit@1 0.88, Recall@10 0.98, section 0.71;
# at 48 pages 0.90 / 0.88 / 0.95 / 0.57; at 123 pages 0.846 / 0.81 / 0.92 / 0.66; at all 162 core
# pages 0.824 / 0.79 / 0.89 / 0.65. Each page that lands makes more queries countable and adds
# graded-1 neighbours that compete for first place, so scores drift down as the corpus grows
# (docs/benchmarks.md). The floors were set 0.05 under the 123-page measurement: room for new pages
# and queries, not for regressions.
FLOORS = {"nDCG@10": 0.79, "Hit@1": 0.75, "Recall@10": 0.86}
SECTION_FLOOR = 0.45


def test_hybrid_search_stays_above_the_floor():
    guide = Guide()
    report = evaluate(guide.searcher, load_queries(ROOT / "eval" / "queries.yaml"))
    assert report.evaluated >= 40
    hybrid = report.scores["hybrid"]
    for name, floor in FLOORS.items():
        assert hybrid[name] >= floor, f"{name} {hybrid[name]:.3f} < floor {floor}"
    assert report.section_accuracy["hybrid"] >= SECTION_FLOOR
    assert hybrid["nDCG@10"] >= max(report.scores["dense"]["nDCG@10"], report.scores["bm25"]["nDCG@10"])
