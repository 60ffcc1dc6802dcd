"""Graph: related-pattern links, edges typed and coloured by relation, nodes by category."""

from __future__ import annotations

import streamlit as st

from .core import category_label, pattern_url, ready_guide

EDGE_COLOURS = {
    "alternative to": ("#d62728", "red"),
    "combined with": ("#2ca02c", "green"),
    "confused with": ("#ff7f0e", "orange"),
    "variant of": ("#1f77b4", "blue"),
}
NODE_COLOURS = [
    "#e8f0fe", "#fde7e9", "#e6f4ea", "#fef7e0", "#f3e8fd", "#e0f7fa", "#fce4ec",
    "#f1f8e9", "#fff3e0", "#ede7f6", "#e3f2fd", "#f9fbe7", "#efebe9",
]  # fmt: skip


def neighbourhood(patterns: dict[str, dict], focus: str) -> set[str]:
    """The focus pattern, the patterns it links to, and the patterns that link to it."""
    near = {focus} | {ln["target"] for ln in patterns[focus]["links"]}
    near |= {s for s, m in patterns.items() if any(ln["target"] == focus for ln in m["links"])}
    return near


def dot(patterns: dict[str, dict], keep: set[str], relations: set[str], focus: str | None = None) -> str:
    """Graphviz DOT of the kept patterns; one edge per linked pair, each node linking to its page."""
    cats = sorted({m["category"] for m in patterns.values()})
    colour = {c: NODE_COLOURS[i % len(NODE_COLOURS)] for i, c in enumerate(cats)}
    lines = [
        "graph G {",
        '  graph [layout=neato, overlap=false, splines=true, sep="+12", bgcolor="transparent"];',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=14, margin="0.15,0.08"];',
        "  edge [penwidth=2];",
    ]
    for slug in sorted(keep):
        m = patterns[slug]
        label = m["title"].split(" (")[0].replace('"', "'")
        width = ', penwidth=3, color="#333333"' if slug == focus else ""
        lines.append(
            f'  "{slug}" [label="{label}", fillcolor="{colour[m["category"]]}"{width}, '
            f'URL="{pattern_url(slug)}", target="_top", tooltip="{category_label(m["category"])}"];'
        )
    seen: set[frozenset[str]] = set()
    for slug in sorted(keep):
        for ln in patterns[slug]["links"]:
            pair = frozenset((slug, ln["target"]))
            if ln["relation"] in relations and ln["target"] in keep and pair not in seen:
                seen.add(pair)
                c = EDGE_COLOURS.get(ln["relation"], ("#777777", ""))[0]
                lines.append(f'  "{slug}" -- "{ln["target"]}" [color="{c}", tooltip="{ln["relation"]}"];')
    lines.append("}")
    return "\n".join(lines)


def page() -> None:
    guide = ready_guide()
    if guide is None:
        return
    st.title("How the patterns relate")
    patterns = guide.patterns
    slugs = sorted(patterns, key=lambda s: patterns[s]["title"])
    wanted = st.query_params.get("p", "")
    left, mid, right = st.columns([2, 2, 2])
    focus = left.selectbox(
        "Around one pattern",
        slugs,
        index=slugs.index(wanted) if wanted in patterns else None,
        format_func=lambda s: patterns[s]["title"],
        placeholder="All patterns",
    )
    if focus and st.query_params.get("p") != focus:
        st.query_params["p"] = focus
    relations = mid.multiselect("Relations", list(EDGE_COLOURS), default=list(EDGE_COLOURS))
    cats = sorted({m["category"] for m in patterns.values()})
    chosen = right.multiselect("Categories", cats, format_func=category_label)
    keep = neighbourhood(patterns, focus) if focus else set(patterns)
    if chosen:
        keep = {s for s in keep if patterns[s]["category"] in chosen or s == focus}
    legend = ", ".join(f":{name}[{rel}]" for rel, (_, name) in EDGE_COLOURS.items())
    st.caption(f"Edges: {legend}. Node colour is the category. Click a pattern to open it.")
    st.graphviz_chart(dot(patterns, keep, set(relations), focus), use_container_width=True)
