"""Each page's logic through Streamlit's AppTest, over the committed index."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60


def _search():
    from guide_app import search_page

    search_page.page()


def _pattern():
    from guide_app import pattern_page

    pattern_page.page()


def _browse():
    from guide_app import browse_page

    browse_page.page()


def _compare():
    from guide_app import compare_page

    compare_page.page()


def _graph():
    from guide_app import graph_page

    graph_page.page()


def _study():
    from guide_app import study_page

    study_page.page()


def _run(fn, **params) -> AppTest:
    at = AppTest.from_function(fn, default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def _text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_search_shows_cards_with_sections_and_keeps_state_in_the_url():
    at = _run(_search, q="pattern for thundering herd")
    assert at.text_input[0].value == "pattern for thundering herd"
    first = next(m.value for m in at.markdown if m.value.startswith("#### 1."))
    assert "Cache Stampede Prevention" in first and "/pattern?p=Cache_Stampede_Prevention" in first
    assert "#s-" in _text(at), "section links open the pattern at that section"
    assert "Related:" in _text(at)
    assert at.query_params["q"] in ("pattern for thundering herd", ["pattern for thundering herd"])
    assert at.expander and at.expander[0].label == "Why this result"


def test_search_with_no_match_says_so():
    from indexer import default_guide

    tag = default_guide().patterns["Circuit_Breaker"]["tags"][0]
    at = _run(_search, q="gardening tips", category="011_Performance", tag=tag)
    assert any("No pattern matched" in i.value for i in at.info)


def test_weak_matches_are_flagged():
    at = _run(_search, q="recipe for sourdough bread with rye flour")
    assert any("No strong match" in w.value for w in at.warning)


def test_empty_search_suggests_examples():
    at = _run(_search)
    assert "pattern for thundering herd" in _text(at)


def test_search_filters_from_the_sidebar():
    at = _run(_search, q="retry")
    at.sidebar.multiselect[0].set_value(["011_Performance"]).run()
    cards = [m.value for m in at.markdown if m.value.startswith("#### ")]
    slugs = [re.search(r"\?p=(\w+)\)", c).group(1) for c in cards]
    paths = {p.stem: p for p in (ROOT / "Patterns").rglob("*.md")}
    assert slugs and all(paths[s].parts[-3] == "011_Performance" for s in slugs)
    assert at.query_params["category"] in ("011_Performance", ["011_Performance"])


def test_pattern_reader_renders_sections_relations_and_code():
    at = _run(_pattern, p="Circuit_Breaker")
    assert at.title[0].value == "Circuit Breaker"
    headers = [h.value for h in at.header]
    assert headers[0] == "0) Metadata" and headers[-1] == "25) Completion Checklist"
    assert at.code, "section 11 code is shown highlighted"
    sidebar = "\n".join(m.value for m in at.sidebar.markdown)
    assert "#s-6-1" in sidebar, "table of contents links to anchors"
    assert "Nearest neighbours" in [s.value for s in at.sidebar.subheader]


def test_pattern_reader_unknown_pattern_is_named_literally():
    at = _run(_pattern, p="[x](javascript:alert(1)) <b>bold</b>")
    assert at.warning and "No pattern called" in at.warning[0].value
    assert "\\[x\\]" in at.warning[0].value and "&lt;b" in at.warning[0].value


def test_browse_lists_every_pattern():
    from indexer import default_guide

    at = _run(_browse)
    frame = at.dataframe[0].value
    assert len(frame) == len(default_guide().patterns)
    assert {"Category", "Status", "Last updated", "Completeness"} <= set(frame.columns)
    filtered = _run(_browse, category="Resilience Patterns", title="break")
    rows = filtered.dataframe[0].value
    assert list(rows["Title"]) == ["Circuit Breaker"]


def test_compare_aligns_tradeoffs():
    at = _run(_compare, p=["Circuit_Breaker", "Retry"])
    text = _text(at)
    use_when = [m.value for m in at.markdown if m.value.startswith("**Use when:**")]
    assert len(use_when) == 2 and all(len(v) > len("**Use when:** ") + 10 for v in use_when)
    assert "Avoid when:" in text
    assert "Performance" in text and "Security" in text


def test_graph_renders_whole_and_around_one_pattern():
    from guide_app.graph_page import dot, neighbourhood
    from indexer import default_guide

    at = _run(_graph)
    assert at.get("graphviz_chart")
    at = _run(_graph, p="Circuit_Breaker")
    assert at.selectbox[0].value == "Circuit_Breaker"
    patterns = default_guide().patterns
    near = neighbourhood(patterns, "Circuit_Breaker")
    assert "Retry" in near and len(near) < len(patterns) + 1
    text = dot(patterns, near, {"combined with"}, "Circuit_Breaker")
    assert '"Circuit_Breaker" [label="Circuit Breaker"' in text and 'URL="/pattern?p=Retry"' in text
    assert "alternative to" not in text


def test_study_session_reveal_feedback_grade_and_progress(tmp_path, monkeypatch):
    monkeypatch.setenv("PATTERN_GUIDE_STUDY_DB", str(tmp_path / "study.sqlite3"))
    at = _run(_study, p="Token_Bucket")
    assert at.radio[0].value == "pattern" and at.selectbox[0].value == "Token_Bucket"
    at.selectbox[1].set_value("Small")
    at.button[0].click().run()
    assert "Token Bucket · Small scenario" in [s.value for s in at.subheader]
    at.text_area[0].set_value(
        "Give each user a bucket with refill rate r and capacity b; refill and spend atomically."
    )
    next(b for b in at.button if b.label == "Reveal").click().run()
    assert any("A strong answer" in m.value for m in at.markdown)
    assert any("addressed)" in m.value for m in at.markdown)
    next(b for b in at.button if b.label == "Good").click().run()
    assert any("Session done: 1 card(s) graded" in s.value for s in at.success)
    assert any(m.label == "Reviews (30 days)" and m.value == "1" for m in at.metric)
