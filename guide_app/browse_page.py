"""Browse: the catalogue as a sortable, filterable table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indexer.template import SECTIONS

from .core import category_label, load_pattern, pattern_url, ready_guide


def page() -> None:
    guide = ready_guide()
    if guide is None:
        return
    st.title("Browse the catalogue")
    rows = []
    for slug, meta in guide.patterns.items():
        pattern = load_pattern(guide, slug)
        filled = sum(1 for s in pattern.sections if s.blocks or s.number in ("6", "7"))
        rows.append(
            {
                "Pattern": pattern_url(slug),
                "Title": meta["title"],
                "Category": category_label(meta["category"]),
                "Subcategory": meta["subcategory"].replace("_", " "),
                "Status": meta["status"],
                "Last updated": meta["last_updated"],
                "Completeness": round(100 * filled / len(SECTIONS)),
                "Links": len(meta["links"]),
            }
        )
    frame = pd.DataFrame(rows).sort_values(["Category", "Subcategory", "Title"])
    left, right, text = st.columns([2, 1, 2])
    categories = left.multiselect("Category", sorted(frame["Category"].unique()), key="b-cat")
    statuses = right.multiselect("Status", sorted(frame["Status"].unique()), key="b-status")
    needle = text.text_input("Title contains", key="b-text")
    if categories:
        frame = frame[frame["Category"].isin(categories)]
    if statuses:
        frame = frame[frame["Status"].isin(statuses)]
    if needle:
        frame = frame[frame["Title"].str.contains(needle, case=False, regex=False)]
    st.caption(f"{len(frame)} of {len(rows)} patterns")
    st.dataframe(
        frame,
        hide_index=True,
        use_container_width=True,
        column_config={
            "Pattern": st.column_config.LinkColumn("Open", display_text="open"),
            "Completeness": st.column_config.ProgressColumn(
                "Completeness", min_value=0, max_value=100, format="%d%%"
            ),
        },
    )
