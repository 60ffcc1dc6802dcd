"""Related patterns: the typed links of section 21, backlinks, and nearest neighbours by embedding."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .store import IndexData


@dataclass
class Relation:
    pattern: str
    title: str
    relation: str
    reason: str = ""
    score: float = 0.0


def centroids(data: IndexData) -> tuple[list[str], np.ndarray]:
    """One unit vector per pattern: the normalised mean of its chunk vectors."""
    slugs = sorted(data.patterns)
    where = {s: i for i, s in enumerate(slugs)}
    sums = np.zeros((len(slugs), data.vectors.shape[1]), dtype=np.float32)
    for i, c in enumerate(data.chunks):
        if c.pattern in where:
            sums[where[c.pattern]] += data.vectors[i]
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return slugs, sums / np.maximum(norms, 1e-12)


def related(data: IndexData, slug: str, neighbours: int = 5, cache=None) -> dict[str, list[Relation]]:
    """Links from the page, links to it, and its nearest neighbours not already linked."""
    meta = data.patterns[slug]
    title = {s: m["title"] for s, m in data.patterns.items()}
    links = [
        Relation(ln["target"], title[ln["target"]], ln["relation"], ln["reason"]) for ln in meta["links"]
    ]
    backlinks = [
        Relation(other, title[other], ln["relation"], ln["reason"])
        for other, m in sorted(data.patterns.items())
        for ln in m["links"]
        if ln["target"] == slug and other != slug
    ]
    slugs, vecs = cache if cache is not None else centroids(data)
    sims = vecs @ vecs[slugs.index(slug)]
    linked = {r.pattern for r in links} | {slug}
    near = [
        Relation(slugs[i], title[slugs[i]], "nearest neighbour", score=float(sims[i]))
        for i in np.argsort(-sims)
        if slugs[i] not in linked
    ][:neighbours]
    return {"links": links, "backlinks": backlinks, "neighbours": near}
