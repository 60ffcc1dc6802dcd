"""Build complete, lint-clean pattern pages for tests, each with text of its own."""

from __future__ import annotations

import hashlib
from pathlib import Path

from indexer.template import SECTIONS, SUBSECTIONS, TOP_LEVEL, TRADEOFF_ASPECTS, category_label

WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
    "mike",
    "november",
    "oscar",
    "papa",
    "quebec",
    "romeo",
    "sierra",
    "tango",
    "uniform",
    "victor",
    "whiskey",
    "xray",
    "yankee",
    "zulu",
    "amber",
    "basil",
    "cedar",
    "dune",
    "ember",
    "fjord",
    "grove",
    "heron",
    "iris",
    "jade",
    "kelp",
    "lotus",
    "maple",
    "nectar",
    "onyx",
    "pearl",
    "quartz",
    "raven",
    "sage",
    "thistle",
]


def words(seed: str, n: int) -> str:
    """`n` pseudo-random words that depend only on `seed`, so no two pages share a paragraph."""
    out = []
    counter = 0
    while len(out) < n:
        digest = hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        out.extend(WORDS[b % len(WORDS)] for b in digest)
        counter += 1
    return " ".join(out[:n])


def page(
    slug: str,
    title: str,
    category: str,
    subcategory: str,
    links: list[tuple[str, str]] = (),
    extra: dict[str, str] | None = None,
    status: str = "Stable",
) -> str:
    """A full page. `links` are (relation group, relative href); `extra` adds text to sections."""
    extra = extra or {}
    path = f"Patterns/{category}/{subcategory}/{slug}.md"
    out = [f"# {title}", ""]
    for top in TOP_LEVEL:
        for number in [top, *SUBSECTIONS.get(top, [])]:
            level = "###" if "." in number else "##"
            sep = ")" if "." not in number else ""
            out += [f"{level} {number}{sep} {SECTIONS[number]}", ""]
            out += _body(number, slug, title, path, category, links, status) + [extra.get(number, ""), ""]
        out += ["---", ""]
    return "\n".join(out)


def _body(number, slug, title, path, category, links, status) -> list[str]:
    text = words(f"{slug}-{number}", 30)
    if number == "0":
        return [
            f"- **Name**: {title}",
            f"- **Canonical Path**: {path}",
            f"- **Category**: {category_label(category)}",
            f"- **Status**: {status}",
            "- **Last Updated**: 2026-01-15",
            "- **Owners**: Pattern Guide maintainers",
            "- **Reviewers**: Pattern Guide technical reviewers",
            f"- **Tags**: {slug.lower().replace('_', ' ')}, {words(slug + 'tag', 2)}",
        ]
    if number == "1":
        return [
            f"- **Problem**: {words(slug + 'p', 8)}",
            f"- **Solution (essence)**: {words(slug + 's', 8)}",
            f"- **Use when**: {words(slug + 'u', 8)}",
            f"- **Avoid when**: {words(slug + 'a', 8)}",
            f"- **Key tradeoff**: {words(slug + 'k', 8)}",
        ]
    if number in ("6", "7"):
        return []
    if number == "6.1":
        return ["```mermaid", "flowchart LR", f"  A[{slug}] --> B[Store]", "```"]
    if number == "10":
        rows = [
            f"| {a} | {words(slug + a + 'p', 4)} | {words(slug + a + 'c', 4)} | n |" for a in TRADEOFF_ASPECTS
        ]
        return ["| Aspect | Pros | Cons | Notes |", "|---|---|---|---|", *rows]
    if number == "11":
        return [text, "", "```python", f"def {slug.lower()}(x: int) -> int:", "    return x + 1", "```"]
    if number == "21":
        groups = {"Variants": [], "Alternatives": [], "Often combined with": [], "Often confused with": []}
        for group, href in links:
            groups[group].append(f"  - [{href.rsplit('/', 1)[-1][:-3]}]({href}): {words(slug + href, 6)}")
        out = []
        for group, items in groups.items():
            out += [f"- **{group}**:", *(items or [f"  - {words(slug + group, 6)}"])]
        return out
    if number == "22":
        return [f"- **{lvl}**: {words(slug + lvl, 10)}" for lvl in ("Small", "Medium", "Large", "Validate")]
    if number == "24":
        return [f"- {words(slug + 'ref' + str(i), 6)}" for i in range(3)]
    if number == "25":
        return ["- [x] Problem, drivers, non-goals captured", "- [x] Tradeoffs and capacity math included"]
    return [text]


SPECS = [
    ("Alpha_Cache", "Alpha Cache", "011_Performance", "Caching_Strategies"),
    ("Beta_Breaker", "Beta Breaker", "005_Resilience_Patterns", "Fault_Isolation"),
    ("Gamma_Queue", "Gamma Queue", "009_Messaging_Patterns", "Consumer_Patterns"),
    ("Delta_Shard", "Delta Shard", "007_Database_Patterns", "Partitioning_and_Sharding"),
]


def write_corpus(root: Path, extra: dict[str, dict[str, str]] | None = None) -> dict[str, Path]:
    """Four interlinked pages under root/Patterns; returns slug -> path."""
    extra = extra or {}
    paths = {}
    hrefs = {s: f"../../{c}/{sub}/{s}.md" for s, _, c, sub in SPECS}
    groups = ["Alternatives", "Often combined with", "Often confused with"]
    for slug, title, category, sub in SPECS:
        others = [s for s, *_ in SPECS if s != slug]
        links = list(zip(groups, (hrefs[o] for o in others), strict=True))
        path = root / "Patterns" / category / sub / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page(slug, title, category, sub, links, extra.get(slug)), encoding="utf-8")
        paths[slug] = path
    return paths
