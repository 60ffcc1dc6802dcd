"""Search: one query box, pattern cards with their best sections, related-pattern chips."""

from __future__ import annotations

import streamlit as st

from .core import category_label, pattern_url, ready_guide, url
from .render import highlight, literal

RELATION_LABEL = {
    "alternative to": "alternative",
    "combined with": "combined with",
    "confused with": "confused with",
    "variant of": "variant",
}
EXAMPLES = [
    "pattern for thundering herd",
    "our database falls over when a popular key expires",
    "a slow dependency makes every request time out",
    "publish an event reliably after a database write",
]


def page() -> None:
    guide = ready_guide()
    if guide is None:
        return
    params = st.query_params
    filters = _sidebar_filters(guide, params)
    st.title("System Design Pattern Guide")
    query = st.text_input(
        "Describe your problem, or name a pattern",
        value=params.get("q", ""),
        placeholder="e.g. pattern for thundering herd",
        key="query",
    )
    _sync_params(query, filters)
    if not query.strip():
        st.caption(f"{len(guide.patterns)} patterns. Try a production symptom, a goal, or a pattern name:")
        for example in EXAMPLES:
            st.markdown(f"- [{literal(example)}]({url('search', q=example)})")
        return
    results = guide.search(query, k=10, **filters)
    if not results:
        st.info(
            "No pattern matched. Try fewer or plainer words, describe the symptom "
            '("requests pile up when traffic spikes"), or clear the filters in the sidebar.'
        )
        return
    if not _strong(results[0]):
        st.warning(
            "No strong match: these are the nearest patterns, but none discusses this directly. "
            "Try describing the symptom or the goal in other words."
        )
    st.caption(f"{len(results)} patterns for “{literal(query[:300])}”")
    for result in results:
        _card(guide, result)


WEAK_DENSE = 0.3


def _strong(top) -> bool:
    """A result worth presenting as an answer: a name hit, a keyword hit, or a close meaning."""
    return bool(top.name_match) or top.dense >= WEAK_DENSE or (top.bm25 > 0 and top.dense >= WEAK_DENSE - 0.1)


def _sidebar_filters(guide, params) -> dict[str, list[str]]:
    metas = list(guide.patterns.values())
    options = {
        "category": sorted({m["category"] for m in metas}),
        "subcategory": sorted({m["subcategory"] for m in metas}),
        "tag": sorted({t for m in metas for t in m["tags"]}),
        "status": sorted({m["status"] for m in metas}),
        "section": [n for n, _ in _sections(guide)],
    }
    titles = dict(_sections(guide))
    fmt = {
        "category": category_label,
        "subcategory": lambda s: s.replace("_", " "),
        "section": lambda n: f"{n} {titles.get(n, '')}",
    }
    chosen = {}
    with st.sidebar:
        st.subheader("Filters")
        for name, values in options.items():
            default = [v for v in params.get_all(name) if v in values]
            chosen[name] = st.multiselect(
                name.capitalize(), values, default=default, format_func=fmt.get(name, str), key=f"f-{name}"
            )
    return {k: v for k, v in chosen.items() if v}


def _sections(guide) -> list[tuple[str, str]]:
    from indexer.template import SECTIONS

    return [(n, t) for n, t in SECTIONS.items() if n not in ("6", "7", "25")]


def _sync_params(query: str, filters: dict[str, list[str]]) -> None:
    wanted = {"q": query} if query else {}
    wanted.update(filters)
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    normal = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if current != normal:
        st.query_params.from_dict(wanted)


def _card(guide, r) -> None:
    with st.container(border=True):
        st.markdown(f"#### {r.rank}. [{literal(r.title)}]({pattern_url(r.pattern)})")
        st.caption(f"{category_label(r.category)} › {r.subcategory.replace('_', ' ')} · score {r.score:.2f}")
        if r.problem:
            st.markdown(f"**Problem:** {literal(r.problem)}")
        for s in r.sections:
            link = pattern_url(r.pattern, s.section)
            st.markdown(f"- [§{s.section} {literal(s.title)}]({link}): {highlight(s.snippet, s.terms)}")
        links = guide.patterns[r.pattern]["links"]
        if links:
            chips = " ".join(
                f"[{RELATION_LABEL.get(ln['relation'], ln['relation'])}: "
                f"{literal(guide.patterns[ln['target']]['title'])}]({pattern_url(ln['target'])})"
                for ln in links[:6]
            )
            st.markdown(f"Related: {chips}")
        with st.expander("Why this result"):
            st.markdown(
                f"- Dense (semantic) similarity of the best section: **{r.dense:.3f}**\n"
                f"- BM25 keyword score of the best section: **{r.bm25:.2f}**\n"
                f"- Matched terms: {', '.join(sorted({t for s in r.sections for t in s.terms})) or 'none'}\n"
                f"- Name or alias match: **{'yes' if r.name_match else 'no'}**"
                + (f" (strength {r.name_match:.2f})" if r.name_match else "")
            )
