"""Streamlit front end of the System Design Pattern Guide: `make run`."""

from __future__ import annotations

import streamlit as st

from guide_app import browse_page, compare_page, graph_page, pattern_page, search_page, study_page
from guide_app.core import browser_helpers

st.set_page_config(page_title="System Design Pattern Guide", layout="wide")

navigation = st.navigation(
    [
        st.Page(search_page.page, title="Search", icon=":material/search:", url_path="search", default=True),
        st.Page(pattern_page.page, title="Pattern", icon=":material/article:", url_path="pattern"),
        st.Page(browse_page.page, title="Browse", icon=":material/table_view:", url_path="browse"),
        st.Page(compare_page.page, title="Compare", icon=":material/compare_arrows:", url_path="compare"),
        st.Page(graph_page.page, title="Graph", icon=":material/hub:", url_path="graph"),
        st.Page(study_page.page, title="Study", icon=":material/school:", url_path="study"),
    ]
)
browser_helpers()
navigation.run()
