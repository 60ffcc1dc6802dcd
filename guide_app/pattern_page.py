"""Pattern reader: the whole page rendered, with contents, metadata, relations and diagrams."""

from __future__ import annotations

import streamlit as st

from indexer.model import Pattern, Section
from indexer.template import SECTIONS

from .core import anchor, category_label, load_pattern, pattern_picker, pattern_url, ready_guide, url
from .render import literal, mermaid, safe_markdown


def page() -> None:
    guide = ready_guide()
    if guide is None:
        return
    slug = pattern_picker(guide, "Choose a pattern…", "Choose a pattern, or find one on the Search page.")
    if slug is None:
        return
    try:
        pattern = load_pattern(guide, slug)
    except Exception as e:  # a page edited into a broken state still leaves the app usable
        st.error(f"This page cannot be read: {e}")
        return
    _sidebar(guide, pattern)
    st.title(pattern.title)
    meta = guide.patterns[slug]
    st.caption(
        f"{category_label(meta['category'])} › {meta['subcategory'].replace('_', ' ')} · `{meta['path']}`"
    )
    st.markdown(f"[Practise this pattern]({url('study', p=slug)})")
    for section in pattern.sections:
        _section(pattern, section)


def _sidebar(guide, pattern: Pattern) -> None:
    slug = pattern.slug
    rel = guide.related(slug)
    with st.sidebar:
        st.subheader("Contents")
        st.markdown(
            "\n".join(
                f"{'    ' if '.' in s.number else ''}- [{s.number}. {literal(s.title)}](#{anchor(s.number)})"
                for s in pattern.sections
            )
        )
        st.subheader("Metadata")
        for key, value in pattern.metadata.items():
            if key != "Name":
                st.markdown(f"**{literal(key)}**: {literal(value)}")
        st.subheader("Related patterns")
        for r in rel["links"]:
            reason = f": {literal(r.reason)}" if r.reason else ""
            st.markdown(f"- *{r.relation}* [{literal(r.title)}]({pattern_url(r.pattern)}){reason}")
        if not rel["links"]:
            st.caption("No typed links yet.")
        if rel["backlinks"]:
            st.subheader("Linked from")
            for r in rel["backlinks"]:
                st.markdown(f"- [{literal(r.title)}]({pattern_url(r.pattern)}) (*{r.relation}*)")
        st.subheader("Nearest neighbours")
        for r in rel["neighbours"]:
            st.markdown(f"- [{literal(r.title)}]({pattern_url(r.pattern)}) · {r.score:.2f}")


def _section(pattern: Pattern, section: Section) -> None:
    title = (
        f"{section.number}) {section.title}"
        if "." not in section.number
        else f"{section.number} {section.title}"
    )
    if "." in section.number:
        st.subheader(title, anchor=anchor(section.number))
    else:
        st.header(title, anchor=anchor(section.number), divider="gray")
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            st.markdown(safe_markdown("\n\n".join(buffer)))
            buffer.clear()

    for n, block in enumerate(section.blocks):
        if block.kind == "fence" and block.lang == "mermaid":
            flush()
            mermaid(block.text, key=f"{pattern.slug}-{section.number}-{n}")
        elif block.kind == "fence":
            flush()
            st.code(block.text, language=block.lang or None)
        elif block.kind == "heading":
            flush()
            st.markdown(f"**{literal(block.text)}**")
        else:
            buffer.append(block.text)
    flush()
    if not section.blocks and section.number not in ("6", "7") and section.number in SECTIONS:
        st.caption("(empty)")
