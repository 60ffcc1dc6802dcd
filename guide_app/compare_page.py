"""Compare: two or three patterns' Tradeoffs aligned aspect by aspect."""

from __future__ import annotations

import streamlit as st

from indexer.chunk import table_cells
from indexer.model import Pattern
from indexer.study.cards import labelled
from indexer.template import TRADEOFF_ASPECTS

from .core import load_pattern, pattern_url, ready_guide
from .render import literal


def tradeoffs(pattern: Pattern) -> dict[str, dict[str, str]]:
    """Section 10's table as aspect -> {Pros, Cons, Notes}."""
    section = pattern.section("10")
    table = next((b for b in section.blocks if b.kind == "table"), None) if section else None
    if table is None:
        return {}
    rows = [cells for _, cells in table_cells(table.text)]
    if not rows:
        return {}
    header, out = rows[0], {}
    for cells in rows[1:]:
        out[cells[0]] = dict(zip(header[1:], cells[1:], strict=False))
    return out


def tldr(pattern: Pattern, field: str) -> str:
    return labelled(pattern, "1").get(field, "")


def page() -> None:
    guide = ready_guide()
    if guide is None:
        return
    st.title("Compare patterns")
    slugs = sorted(guide.patterns, key=lambda s: guide.patterns[s]["title"])
    default = [s for s in st.query_params.get_all("p") if s in guide.patterns][:3]
    chosen = st.multiselect(
        "Pick two or three patterns",
        slugs,
        default=default,
        max_selections=3,
        format_func=lambda s: guide.patterns[s]["title"],
    )
    if st.query_params.get_all("p") != chosen:
        st.query_params["p"] = chosen
    if len(chosen) < 2:
        st.info("Pick at least two patterns, for example a pattern and one it is often confused with.")
        return
    pages = [load_pattern(guide, s) for s in chosen]
    cols = st.columns(len(pages))
    for col, p in zip(cols, pages, strict=True):
        col.markdown(f"### [{literal(p.title)}]({pattern_url(p.slug)})")
        col.markdown(f"**Use when:** {literal(tldr(p, 'Use when'))}")
        col.markdown(f"**Avoid when:** {literal(tldr(p, 'Avoid when'))}")
        col.markdown(f"**Key tradeoff:** {literal(tldr(p, 'Key tradeoff'))}")
    tables = [tradeoffs(p) for p in pages]
    for aspect in TRADEOFF_ASPECTS:
        st.markdown(f"#### {aspect}")
        cols = st.columns(len(pages))
        for col, table in zip(cols, tables, strict=True):
            row = table.get(aspect, {})
            col.markdown(
                f"**+** {literal(row.get('Pros', '—'))}  \n**−** {literal(row.get('Cons', '—'))}"
                + (f"  \n*{literal(row['Notes'])}*" if row.get("Notes") else "")
            )
