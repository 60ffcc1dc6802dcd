"""Stale-page detection hashes only what moved, and never trusts a cache over a changed file."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from indexer.freshness import CACHE_NAME, changed_pages, page_hashes


def _page(root: Path, name: str, text: str, age_s: float = 60) -> Path:
    path = root / "Patterns" / "001_X" / "Y" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    old = path.stat().st_mtime - age_s
    os.utime(path, (old, old))
    return path


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_changed_added_and_removed_pages_are_reported(tmp_path):
    _page(tmp_path, "A.md", "alpha")
    _page(tmp_path, "B.md", "beta")
    built = {
        "Patterns/001_X/Y/A.md": _sha("alpha"),
        "Patterns/001_X/Y/B.md": _sha("old beta"),
        "Patterns/001_X/Y/Gone.md": _sha("gone"),
    }
    changed = changed_pages(tmp_path, tmp_path / ".cache", built)
    assert changed == ["Patterns/001_X/Y/B.md", "Patterns/001_X/Y/Gone.md"]


def test_unchanged_files_reuse_the_cached_hash(tmp_path):
    _page(tmp_path, "A.md", "alpha")
    cache = tmp_path / ".cache"
    page_hashes(tmp_path, cache)
    data = json.loads((cache / CACHE_NAME).read_text())
    data["Patterns/001_X/Y/A.md"][2] = "cached"
    (cache / CACHE_NAME).write_text(json.dumps(data))
    assert page_hashes(tmp_path, cache) == {"Patterns/001_X/Y/A.md": "cached"}


def test_an_edited_file_is_rehashed_despite_the_cache(tmp_path):
    path = _page(tmp_path, "A.md", "alpha")
    cache = tmp_path / ".cache"
    page_hashes(tmp_path, cache)
    path.write_text("alpha, edited")
    assert page_hashes(tmp_path, cache) == {"Patterns/001_X/Y/A.md": _sha("alpha, edited")}


def test_a_file_written_just_now_is_not_cached(tmp_path):
    _page(tmp_path, "A.md", "alpha", age_s=0)
    cache = tmp_path / ".cache"
    _page(tmp_path, "B.md", "beta")
    page_hashes(tmp_path, cache)
    assert list(json.loads((cache / CACHE_NAME).read_text())) == ["Patterns/001_X/Y/B.md"]


def test_a_corrupt_or_unwritable_cache_only_costs_hashing(tmp_path):
    _page(tmp_path, "A.md", "alpha")
    cache = tmp_path / ".cache"
    cache.mkdir()
    (cache / CACHE_NAME).write_text("{not json")
    assert page_hashes(tmp_path, cache) == {"Patterns/001_X/Y/A.md": _sha("alpha")}
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    assert page_hashes(tmp_path, blocked) == {"Patterns/001_X/Y/A.md": _sha("alpha")}
