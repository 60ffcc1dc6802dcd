"""Graph: related-pattern links, edges typed and coloured by relation, nodes by category."""

from __future__ import annotations

import streamlit as st

from .core import category_label, pattern_url, ready_guide

EDGE_COLOURS = {
    "alternative to": "#d62728",
    "combined with": "#2ca02c",
    "confused with": "#ff7f0e",
    "variant of": "#1f77b4",
}
NODE_COLOURS = [
    "#e8f0fe", "#fde7e9", "#e6f4ea", "#fef7e0", "#f3e8fd", "#e0f7fa", "#fce4ec",
    "#f1f8e9", "#fff3e0", "#ede7f6", "#e3f2fd", "#f9fbe7", "#efebe9",
]  # fmt: skip


def dot(patterns: dict[str, dict], relations: set[str], categories: set[str]) -> str:
    """The graph in Graphviz DOT; each node links to its page."""
    cats = sorted({m["category"] for m in patterns.values()})
    colour = {c: NODE_COLOURS[i % len(NODE_COLOURS)] for i, c in enumerate(cats)}
    keep = {s for s, m in patterns.items() if not categories or m["category"] in categories}
    lines = [
        "digraph G {",
        '  graph [rankdir=LR, bgcolor="transparent", fontname="Helvetica"];',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    for slug in sorted(keep):
        m = patterns[slug]
        label = m["title"].replace('"', "'")
        lines.append(
            f'  "{slug}" [label="{label}", fillcolor="{colour[m["category"]]}", '
            f'URL="{pattern_url(slug)}", target="_top", tooltip="{category_label(m["category"])}"];'
        )
    for slug in sorted(keep):
        for ln in patterns[slug]["links"]:
            if ln["relation"] in relations and ln["target"] in keep:
                c = EDGE_COLOURS.get(ln["relation"], "#777777")
                lines.append(
                    f'  "{slug}" -> "{ln["target"]}" '
                    f'[color="{c}", fontcolor="{c}", label="{ln["relation"]}"];'
                )
    lines.append("}")
    return "\n".join(lines)


def page() -> None:
    guide = ready_guide()
    if guide is None:
        return
    st.title("How the patterns relate")
    left, right = st.columns(2)
    relations = left.multiselect("Relations", list(EDGE_COLOURS), default=list(EDGE_COLOURS))
    cats = sorted({m["category"] for m in guide.patterns.values()})
    chosen = right.multiselect("Categories", cats, format_func=category_label)
    st.caption(
        "Edges: "
        + ", ".join(f":{_name(c)}[{r}]" for r, c in EDGE_COLOURS.items())
        + ". Click a pattern to open it."
    )
    st.graphviz_chart(dot(guide.patterns, set(relations), set(chosen)), use_container_width=True)


def _name(colour: str) -> str:
    return {"#d62728": "red", "#2ca02c": "green", "#ff7f0e": "orange", "#1f77b4": "blue"}[colour]
