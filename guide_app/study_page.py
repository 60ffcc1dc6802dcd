"""Study: work through a pattern's Practice Scenarios, then compare with what a good answer covers."""

from __future__ import annotations

import re

import streamlit as st

from indexer.chunk import plain

from .core import load_pattern, pattern_picker, pattern_url, ready_guide
from .render import literal

LEVELS = ("Small", "Medium", "Large")


def scenarios(pattern) -> dict[str, str]:
    """Section 22's bullets as level -> prompt (Small, Medium, Large, Validate)."""
    section = pattern.section("22")
    out = {}
    for b in section.blocks if section else []:
        m = re.match(r"^\s*[-*]\s+(?:\*\*)?(Small|Medium|Large|Validate)(?:\*\*)?\s*:\s*(.*)", b.text, re.S)
        if m:
            out[m.group(1)] = plain(m.group(2))
    return out


def page() -> None:
    guide = ready_guide()
    if guide is None:
        return
    st.title("Practise")
    slug = pattern_picker(
        guide,
        "Choose a pattern to practise…",
        "Choose a pattern; each has a small, a medium and a large design scenario.",
    )
    if slug is None:
        return
    pattern = load_pattern(guide, slug)
    found = scenarios(pattern)
    level = st.radio("Scenario", [lv for lv in LEVELS if lv in found], horizontal=True)
    if level is None:
        st.warning("This page has no practice scenarios yet.")
        return
    st.markdown(f"**{level}:** {literal(found[level])}")
    answer = st.text_area("Your design (write it before revealing)", key=f"answer-{slug}-{level}", height=200)
    if st.toggle("Reveal what a strong answer covers", key=f"reveal-{slug}-{level}"):
        if "Validate" in found:
            st.success(f"**Validate:** {literal(found['Validate'])}")
        for number, label in (
            ("5", "Core concept"),
            ("10", "Tradeoffs"),
            ("12", "Pitfalls"),
            ("15", "Capacity"),
        ):
            st.markdown(f"- [{label}: section {number}]({pattern_url(slug, number)})")
        if not answer.strip():
            st.caption("Tip: writing an answer first makes the comparison stick.")
