"""The one core the CLI and the app share: load the index once, then search and relate."""

from __future__ import annotations

from . import store
from .config import Config, default_config
from .errors import IndexerError, IndexStateError
from .freshness import changed_pages
from .names import NameMatcher
from .related import Relation, centroids, related
from .search import Filters, Result, Searcher


class Guide:
    """A loaded index with its query embedder (created on first search)."""

    def __init__(self, config: Config | None = None, backend: str = "auto", fusion: str = "weighted"):
        self.config = config or default_config()
        self.data = store.load(self.config.index_dir)
        built_with = self.data.manifest.get("model")
        if built_with != self.config.model:
            raise IndexStateError(
                f"{self.config.index_dir}: built with model '{built_with}', but the configured model is "
                f"'{self.config.model}'. Run `python -m indexer rebuild --full`."
            )
        self._backend = backend
        self._fusion = fusion
        self._searcher: Searcher | None = None
        self._centroids = None

    @property
    def patterns(self) -> dict[str, dict]:
        return self.data.patterns

    @property
    def searcher(self) -> Searcher:
        if self._searcher is None:
            from .embed import load_embedder

            embedder = load_embedder(self.config.model, self._backend)
            if embedder.dim != self.data.manifest.get("dim"):
                raise IndexStateError(
                    f"model {self.config.model} gives {embedder.dim}-d vectors, the index holds "
                    f"{self.data.manifest.get('dim')}-d. Run `python -m indexer rebuild --full`."
                )
            self._searcher = Searcher(self.data, embedder, self._fusion)
        return self._searcher

    def search(self, query: str, k: int = 10, **filters: list[str] | str) -> list[Result]:
        """Top `k` patterns for `query`. Filters: category, subcategory, tag, status, section."""
        if not isinstance(query, str):
            raise IndexerError("query must be a string")
        if k < 1:
            raise IndexerError(f"k must be at least 1, got {k}")
        unknown = set(filters) - set(Filters.__dataclass_fields__)
        if unknown:
            raise IndexerError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        lists = {key: [v] if isinstance(v, str) else list(v or []) for key, v in filters.items()}
        return self.searcher.search(query, k=k, filters=Filters(**lists))

    def resolve(self, name: str) -> str:
        """The slug of the pattern `name` refers to (slug, title, alias; one typo allowed)."""
        if name in self.patterns:
            return name
        lowered = {s.lower(): s for s in self.patterns}
        if name.lower() in lowered:
            return lowered[name.lower()]
        matches = NameMatcher(self.patterns).match(name)
        if matches:
            return max(matches, key=lambda s: (matches[s], s))
        raise IndexerError(f"no pattern named '{name}'; try `python -m indexer search \"{name}\"`")

    def related(self, pattern: str, neighbours: int = 5) -> dict[str, list[Relation]]:
        slug = self.resolve(pattern)
        if self._centroids is None:
            self._centroids = centroids(self.data)
        return related(self.data, slug, neighbours, cache=self._centroids)

    def stale(self) -> list[str]:
        """Pages added, removed or changed since the index was built (by content hash)."""
        built = self.data.manifest.get("sources", {})
        return changed_pages(self.config.root, self.config.cache_dir, built)
