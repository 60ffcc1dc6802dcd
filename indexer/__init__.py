"""System Design Pattern Guide indexer: parse -> chunk -> embed -> store -> search.

`search()` and `related()` use one Guide over the default index, loaded on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .guide import Guide
    from .related import Relation
    from .search import Result

_default: Guide | None = None


def default_guide() -> Guide:
    """The shared Guide over the default configuration."""
    global _default
    if _default is None:
        from .guide import Guide

        _default = Guide()
    return _default


def search(query: str, k: int = 10, **filters) -> list[Result]:
    """Top `k` patterns for `query` (filters: category, subcategory, tag, status, section)."""
    return default_guide().search(query, k=k, **filters)


def related(pattern: str, neighbours: int = 5) -> dict[str, list[Relation]]:
    """Typed links, backlinks and nearest neighbours of a pattern (slug, title or alias)."""
    return default_guide().related(pattern, neighbours)


__all__ = ["default_guide", "related", "search"]
