"""Which pages changed since the index was built, hashing only files whose size or mtime moved."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from .corpus import page_hash, pattern_files

CACHE_NAME = "page-hashes.json"
RACY_SECONDS = 2.0


def page_hashes(root: Path, cache_dir: Path) -> dict[str, str]:
    """sha256 of every page under root/Patterns, reusing cached hashes for unchanged (size, mtime)."""
    cache_path = cache_dir / CACHE_NAME
    try:
        cached = json.loads(cache_path.read_text())
    except (OSError, ValueError):
        cached = {}
    hashes: dict[str, str] = {}
    fresh: dict[str, list] = {}
    now = time.time_ns()
    for path in pattern_files(root / "Patterns"):
        rel = path.relative_to(root).as_posix()
        st = path.stat()
        entry = cached.get(rel)
        if isinstance(entry, list) and entry[:2] == [st.st_mtime_ns, st.st_size]:
            digest = entry[2]
        else:
            digest = page_hash(path)
        hashes[rel] = digest
        if now - st.st_mtime_ns > RACY_SECONDS * 1e9:
            fresh[rel] = [st.st_mtime_ns, st.st_size, digest]
    if fresh != cached:
        _write_quietly(cache_path, fresh)
    return hashes


def changed_pages(root: Path, cache_dir: Path, built: dict[str, str]) -> list[str]:
    """Pages added, removed or changed relative to `built` (path -> sha256 from the manifest)."""
    now = page_hashes(root, cache_dir)
    return sorted(p for p in set(built) | set(now) if built.get(p) != now.get(p))


def _write_quietly(path: Path, data: dict) -> None:
    """Best effort: a read-only checkout just hashes every time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")))
        os.replace(tmp, path)
    except OSError:
        pass
