"""Streamlit front end: search the System Design Pattern Guide."""

from __future__ import annotations

import streamlit as st

from indexer.errors import IndexerError
from indexer.guide import Guide

st.set_page_config(page_title="System Design Pattern Guide", page_icon="🧭", layout="wide")


@st.cache_resource(show_spinner="Loading the index…")
def load_guide() -> Guide:
    guide = Guide()
    _ = guide.searcher  # load the query encoder once, not on the first search
    return guide


def main() -> None:
    st.title("System Design Pattern Guide")
    try:
        guide = load_guide()
    except IndexerError as e:
        st.error(f"The search index cannot be loaded: {e}")
        return
    stale = guide.stale()
    if stale:
        st.warning(
            f"{len(stale)} page(s) changed since the index was built; run `python -m indexer rebuild`."
        )
    query = st.text_input(
        "Describe your problem or name a pattern",
        value=st.query_params.get("q", ""),
        placeholder="e.g. pattern for thundering herd",
    )
    st.query_params["q"] = query
    if not query.strip():
        st.caption(f"{len(guide.patterns)} patterns indexed. Try a symptom, a goal or a pattern name.")
        return
    results = guide.search(query, k=10)
    if not results:
        st.info(
            "Nothing matched. Try fewer words, a symptom "
            '("database overloaded after cache expiry"), or a pattern name.'
        )
    for r in results:
        with st.container(border=True):
            st.markdown(f"**{r.rank}. {r.title}**  \n`{r.category} / {r.subcategory}` · score {r.score:.2f}")
            if r.problem:
                st.caption(r.problem)
            for s in r.sections:
                st.markdown(f"- **§{s.section} {s.title}**: {_escape(s.snippet)}")


def _escape(text: str) -> str:
    """Show page text literally: no Markdown or HTML from the page is interpreted."""
    for ch in "\\`*_{}[]()#+-.!|<>~":
        text = text.replace(ch, "\\" + ch)
    return text


main()
