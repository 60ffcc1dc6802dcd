import numpy as np
import pytest

from indexer.build import rebuild
from indexer.errors import IndexerError
from indexer.fusion import rrf, weighted
from indexer.guide import Guide
from indexer.names import NameMatcher
from indexer.snippet import snippet


@pytest.fixture
def guide(config, fake_embedder):
    rebuild(config, log=lambda m: None)
    return Guide(config)


def test_results_are_grouped_per_pattern_with_best_sections(guide):
    results = guide.search("charlie delta echo", k=4)
    assert len(results) == 4
    assert len({r.pattern for r in results}) == 4
    assert [r.rank for r in results] == [1, 2, 3, 4]
    assert all(1 <= len(r.sections) <= 3 for r in results)
    assert results[0].score >= results[-1].score
    for r in results:
        assert len({s.section for s in r.sections}) == len(r.sections)


def test_a_named_pattern_ranks_first_even_with_a_typo(guide):
    assert guide.search("gamma queue")[0].pattern == "Gamma_Queue"
    assert guide.search("how to use the gama queue for orders")[0].pattern == "Gamma_Queue"
    assert guide.search("beta braeker")[0].pattern == "Beta_Breaker"


def test_filters(guide):
    only = guide.search("alpha", category="005_Resilience_Patterns")
    assert {r.pattern for r in only} == {"Beta_Breaker"}
    assert {r.pattern for r in guide.search("alpha", category="Resilience Patterns")} == {"Beta_Breaker"}
    assert guide.search("alpha", status="Deprecated") == []
    by_section = guide.search("alpha", section="15")
    assert by_section and all(s.section == "15" for r in by_section for s in r.sections)
    tagged = guide.search("alpha", tag="delta shard")
    assert [r.pattern for r in tagged] == ["Delta_Shard"]
    with pytest.raises(IndexerError, match="unknown filter"):
        guide.search("alpha", colour="red")


def test_bad_queries(guide):
    assert guide.search("   ") == []
    assert guide.search("%%%% ??? ###")  # no words BM25 knows: dense still answers
    assert guide.search("x" * 50_000)
    with pytest.raises(IndexerError):
        guide.search("alpha", k=0)


def test_related_returns_typed_links_backlinks_and_neighbours(guide):
    rel = guide.related("Alpha_Cache")
    assert {(r.pattern, r.relation) for r in rel["links"]} == {
        ("Beta_Breaker", "alternative to"),
        ("Gamma_Queue", "combined with"),
        ("Delta_Shard", "confused with"),
    }
    assert all(r.reason for r in rel["links"])
    assert {r.pattern for r in rel["backlinks"]} == {"Beta_Breaker", "Gamma_Queue", "Delta_Shard"}
    assert guide.related("alpha cache") == rel
    with pytest.raises(IndexerError, match="no pattern named"):
        guide.related("nonexistent thing")


def test_fusion_methods():
    dense = np.array([0.9, 0.1, 0.5], dtype=np.float32)
    bm25 = np.array([0.0, 4.0, 2.0], dtype=np.float32)
    w = weighted(dense, bm25, alpha=0.5)
    assert w.argmax() == 1 and w[2] == pytest.approx(0.5)
    r = rrf(dense, bm25)
    assert r[2] > r[0] and r[0] == pytest.approx(1 / 61)


def test_name_matcher_specificity():
    m = NameMatcher(
        {
            "A": {"slug": "A", "title": "Cache Stampede Prevention", "tags": ["thundering herd", "caching"]},
            "B": {"slug": "B", "title": "Retry", "tags": ["thundering herd on retry", "caching"]},
        }
    )
    hits = m.match("pattern for thundering herd")
    assert set(hits) == {"A"}
    assert m.match("cache stampede prevntion")["A"] == pytest.approx(1.0)
    assert m.match("caching")["A"] < 1.0


def test_snippet_centres_on_query_terms():
    text = " ".join(["filler"] * 100 + ["the", "thundering", "herd", "arrives"] + ["tail"] * 100)
    out = snippet(text, {"thunder", "herd"})
    assert "thundering herd" in out and out.startswith("… ") and out.endswith(" …")
    assert snippet("short text", {"x"}) == "short text"


def test_names_written_as_one_word_or_two_still_match():
    m = NameMatcher(
        {
            "Bulkhead": {"slug": "Bulkhead", "title": "Bulkhead", "tags": []},
            "Load_Shedding": {"slug": "Load_Shedding", "title": "Load Shedding", "tags": []},
        }
    )
    assert m.match("bulk head pattern")["Bulkhead"] == pytest.approx(1.0)
    assert m.match("loadshedding")["Load_Shedding"] == pytest.approx(1.0)


def test_section_intent_picks_the_section_without_reordering_patterns(guide):
    from indexer.intent import sections_for

    assert sections_for("how many shards for 20TB") == {"15"}
    assert "20" in sections_for("on-call steps when the cache restarts empty")
    assert sections_for("circuit breaker") == set()
