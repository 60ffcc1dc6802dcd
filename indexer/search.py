"""Hybrid search: dense (FAISS) and BM25 over chunks, fused, grouped per pattern, names boosted."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from . import dense as dense_index
from . import sparse
from .fusion import METHODS
from .intent import sections_for
from .names import NameMatcher
from .snippet import matched_terms, snippet
from .store import IndexData
from .text import terms

NAME_BOOST = 1.0
MAX_SECTIONS = 3
SECTION_FLOOR = 0.6
CANDIDATES = 400
MODES = ("hybrid", "dense", "bm25")
# When picking a pattern's sections to show, a chunk in a section the query asks about ("how many
# shards" -> Capacity & Sizing) counts this much more. It does not change which patterns rank first:
# lifting those sections across all patterns hurt pattern ranking on the tuning queries.
INTENT_BOOST = 2.0
# Sections about other patterns (links, citations) count for less: they name what this page is not.
SECTION_WEIGHTS = {"21": 0.6, "24": 0.5}


@dataclass
class Filters:
    """Restrict results; each list matches any of its values (case-insensitive)."""

    category: list[str] = field(default_factory=list)
    subcategory: list[str] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    section: list[str] = field(default_factory=list)

    def allows(self, meta: dict) -> bool:
        def any_of(wanted: list[str], values: list[str]) -> bool:
            norm = {_norm(v) for v in values}
            return not wanted or any(_norm(w) in norm for w in wanted)

        return (
            any_of(self.category, [meta["category"], meta["category"][4:]])
            and any_of(self.subcategory, [meta["subcategory"]])
            and any_of(self.tag, meta["tags"])
            and any_of(self.status, [meta["status"]])
        )

    def allows_section(self, number: str) -> bool:
        return not self.section or any(number == s or number.startswith(s + ".") for s in self.section)


@dataclass
class SectionHit:
    section: str
    title: str
    score: float
    snippet: str
    line: int
    terms: list[str]


@dataclass
class Result:
    rank: int
    pattern: str
    title: str
    path: str
    score: float
    sections: list[SectionHit]
    category: str = ""
    subcategory: str = ""
    problem: str = ""
    dense: float = 0.0
    bm25: float = 0.0
    name_match: float = 0.0

    def to_json(self) -> dict:
        """The fixed JSON contract of `search --json`."""
        return {
            "rank": self.rank,
            "pattern": self.pattern,
            "title": self.title,
            "path": self.path,
            "score": round(self.score, 4),
            "sections": [
                {"section": s.section, "title": s.title, "score": round(s.score, 4), "snippet": s.snippet}
                for s in self.sections
            ],
        }


class Searcher:
    """Answers queries over one loaded index with one query embedder."""

    def __init__(self, data: IndexData, embedder, fusion: str = "weighted"):
        self.data = data
        self.embedder = embedder
        self.fuse = METHODS[fusion]
        self.names = NameMatcher(data.patterns)
        self.vocab = list(data.bm25.vocab_dict)
        self.vocab_set = set(self.vocab)
        self.weights = np.array([SECTION_WEIGHTS.get(c.section, 1.0) for c in data.chunks], dtype=np.float32)
        self._query_vectors: dict[str, np.ndarray] = {}

    def encode(self, query: str) -> np.ndarray:
        vec = self._query_vectors.get(query)
        if vec is None:
            vec = self.embedder.encode_query(query).astype(np.float32)
            if len(self._query_vectors) > 512:
                self._query_vectors.clear()
            self._query_vectors[query] = vec
        return vec

    def query_terms(self, query: str) -> list[str]:
        """BM25 terms of the query, each unknown one replaced by the corpus term one edit away."""
        out = []
        for t in terms(query):
            if t in self.vocab_set or len(t) < 5:
                out.append(t)
                continue
            match = process.extractOne(t, self.vocab, scorer=OSA.distance, score_cutoff=1)
            out.append(match[0] if match else t)
        return out

    def search(
        self, query: str, k: int = 10, filters: Filters | None = None, mode: str = "hybrid"
    ) -> list[Result]:
        """The top `k` patterns for `query`, each with its best sections.

        `mode` "dense" or "bm25" ranks by one retriever alone (for evaluation); "hybrid" fuses
        both and lifts patterns the query names.
        """
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        query = " ".join(query.encode("utf-8", "replace").decode("utf-8").split())
        mask = self._mask(filters or Filters())
        if not query or not mask.any():
            return []
        qterms = self.query_terms(query)
        dense, bm25, fused = self._score_chunks(query, qterms, k, mode)
        fused = np.where(mask, fused, -np.inf)
        named = {}
        if mode == "hybrid":
            named = {s: v for s, v in self.names.match(query).items() if s in self.data.patterns}
        top = max(float(fused[mask].max()), 1e-9)
        ranked = self._rank_patterns(fused, mask, named, top, k)
        shown = self._section_scores(query, fused) if mode == "hybrid" else fused
        qset = set(qterms)
        results = []
        for rank, (score, slug, idxs) in enumerate(ranked, start=1):
            meta = self.data.patterns[slug]
            results.append(
                Result(
                    rank=rank,
                    pattern=slug,
                    title=meta["title"],
                    path=meta["path"],
                    score=score,
                    sections=self._sections(idxs, shown, top, qset),
                    category=meta["category"],
                    subcategory=meta["subcategory"],
                    problem=meta.get("problem", ""),
                    dense=float(dense[idxs[0]]),
                    bm25=float(bm25[idxs[0]]),
                    name_match=named.get(slug, 0.0),
                )
            )
        return results

    def _score_chunks(
        self, query: str, qterms: list[str], k: int, mode: str
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Dense, BM25 and fused scores of every chunk (a single-retriever mode skips the other)."""
        n = len(self.data.chunks)
        zeros = np.zeros(n, dtype=np.float32)
        dense = zeros if mode == "bm25" else self._dense_scores(self.encode(query), max(CANDIDATES, 30 * k))
        bm25 = zeros if mode == "dense" else sparse.scores(self.data.bm25, qterms)
        if mode == "dense":
            return dense, bm25, dense.astype(np.float32)
        if mode == "bm25":
            return dense, bm25, bm25.astype(np.float32)
        return dense, bm25, self.fuse(dense, bm25) * self.weights

    def _rank_patterns(
        self, fused: np.ndarray, mask: np.ndarray, named: dict[str, float], top: float, k: int
    ) -> list[tuple[float, str, list[int]]]:
        """(score, slug, chunk ids best first) for the top k patterns among the best chunks."""
        chunks = self.data.chunks
        by_pattern: dict[str, list[int]] = {}
        shortlist = min(len(fused), max(CANDIDATES, 30 * k))
        candidates = np.argpartition(-fused, shortlist - 1)[:shortlist]
        for i in candidates[np.argsort(-fused[candidates], kind="stable")]:
            if not mask[i]:
                break
            by_pattern.setdefault(chunks[i].pattern, []).append(int(i))
        scored = []
        for slug, idxs in by_pattern.items():
            base = float(fused[idxs[0]]) / top
            support = sum(float(fused[i]) / top for i in idxs[1:3]) * 0.05
            scored.append((base + support + NAME_BOOST * named.get(slug, 0.0), slug, idxs))
        scored.sort(key=lambda t: (-t[0], t[1]))
        return scored[:k]

    def _section_scores(self, query: str, fused: np.ndarray) -> np.ndarray:
        """Chunk scores for choosing which sections to show: the sections the query asks about count more."""
        wanted = sections_for(query)
        if not wanted:
            return fused
        return np.where(self._in_sections(wanted), fused / self.weights * INTENT_BOOST, fused)

    def _dense_scores(self, vector: np.ndarray, k: int) -> np.ndarray:
        """Cosine similarity from the FAISS index for its k nearest chunks; 0 for the rest."""
        out = np.zeros(len(self.data.chunks), dtype=np.float32)
        scores, ids = dense_index.search(self.data.dense, vector, k)
        keep = ids >= 0
        out[ids[keep]] = scores[keep]
        return out

    def _in_sections(self, wanted: set[str]) -> np.ndarray:
        return np.array([c.section in wanted for c in self.data.chunks], dtype=bool)

    def _mask(self, filters: Filters) -> np.ndarray:
        if filters == Filters():
            return np.ones(len(self.data.chunks), dtype=bool)
        return np.array(
            [
                filters.allows(self.data.patterns[c.pattern]) and filters.allows_section(c.section)
                for c in self.data.chunks
            ],
            dtype=bool,
        )

    def _sections(self, idxs: list[int], fused: np.ndarray, top: float, qset: set[str]) -> list[SectionHit]:
        hits: list[SectionHit] = []
        seen: set[str] = set()
        idxs = sorted(idxs, key=lambda i: -float(fused[i]))
        floor = float(fused[idxs[0]]) * SECTION_FLOOR
        # Section 0 (name and tags) helps find a page but says nothing a reader needs to see.
        ranked = [i for i in idxs if self.data.chunks[i].section != "0"] or idxs[:1]
        for i in ranked:
            c = self.data.chunks[i]
            if c.section in seen or (hits and float(fused[i]) < floor):
                continue
            seen.add(c.section)
            hits.append(
                SectionHit(
                    section=c.section,
                    title=c.section_title,
                    score=float(fused[i]) / top,
                    snippet=snippet(c.text, qset),
                    line=c.line,
                    terms=matched_terms(c.text, qset),
                )
            )
            if len(hits) == MAX_SECTIONS:
                break
        return hits


def _norm(value: str) -> str:
    return " ".join(value.lower().replace("_", " ").split())
