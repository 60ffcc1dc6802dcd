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
    params = st.query_params
    all_categories = sorted(frame["Category"].unique())
    all_statuses = sorted(frame["Status"].unique())
    categories = left.multiselect(
        "Category", all_categories, default=[c for c in params.get_all("category") if c in all_categories]
    )
    statuses = right.multiselect(
        "Status", all_statuses, default=[s for s in params.get_all("status") if s in all_statuses]
    )
    needle = text.text_input("Title contains", value=params.get("title", ""))
    wanted = {"category": categories, "status": statuses, "title": needle}
    if {k: params.get_all(k) for k in wanted} != {
        k: v if isinstance(v, list) else [v] if v else [] for k, v in wanted.items()
    }:
        st.query_params.from_dict({k: v for k, v in wanted.items() if v})
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
