"""Read and write the index directory atomically: a reader never sees half a build.

A build is written to a staging directory beside `index/`, fsynced, then swapped in with one
atomic rename(2) exchange (Linux renameat2). Where that call is missing, the old directory is moved
aside first and a loader falls back to it, so a kill at any instant leaves a loadable index.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import dense, sparse
from .config import SCHEMA_VERSION
from .errors import IndexStateError
from .model import Chunk

_RENAME_EXCHANGE = 2


@dataclass
class IndexData:
    """Everything a search needs, loaded from `index/`."""

    manifest: dict
    chunks: list[Chunk]
    vectors: np.ndarray
    dense: object
    bm25: sparse.SparseIndex
    patterns: dict[str, dict]
    cards: list[dict] = field(default_factory=list)
    directory: Path = field(default_factory=Path)


def write(
    directory: Path,
    manifest: dict,
    chunks: list[Chunk],
    vectors: np.ndarray,
    patterns: dict[str, dict],
    cards: list[dict] = (),
) -> None:
    """Write a complete index to `directory`, replacing what is there in one atomic step."""
    staging = directory.parent / f".{directory.name}-staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    _write_text(staging / "chunks.jsonl", "".join(_jsonl(c.to_dict()) for c in chunks))
    (staging / "dense.faiss").write_bytes(dense.to_bytes(dense.build(vectors)))
    _write_text(staging / "patterns.json", json.dumps(patterns, indent=1, sort_keys=True) + "\n")
    _write_text(staging / "cards.jsonl", "".join(_jsonl(c) for c in cards))
    sparse.save(sparse.build([c.text for c in chunks]), staging / "bm25")
    manifest = dict(manifest, files=_digests(staging))
    _write_text(staging / "manifest.json", json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    _fsync_tree(staging)
    _swap(staging, directory)


def load(directory: Path, any_schema: bool = False) -> IndexData:
    """Load and verify the index; a directory left aside by an interrupted swap is used if needed.

    `any_schema` loads an index of another schema version (a rebuild reuses its vectors).
    """
    if not (directory / "manifest.json").is_file():
        aside = _aside(directory)
        if (aside / "manifest.json").is_file():
            directory = aside
        else:
            raise IndexStateError(f"{directory}: no index here. Run `python -m indexer rebuild` to build it.")
    manifest = read_manifest(directory)
    if manifest.get("schema") != SCHEMA_VERSION and not any_schema:
        raise IndexStateError(
            f"{directory}/manifest.json: index schema {manifest.get('schema')} but this version "
            f"reads schema {SCHEMA_VERSION}. Run `python -m indexer rebuild`."
        )
    if _digests(directory) != manifest.get("files"):
        raise IndexStateError(
            f"{directory}: files do not match manifest.json (a copy was interrupted or edited). "
            "Run `python -m indexer rebuild --full`."
        )
    chunks = [Chunk(**json.loads(line)) for line in _lines(directory / "chunks.jsonl")]
    index = dense.from_bytes((directory / "dense.faiss").read_bytes())
    if index.ntotal != len(chunks):
        raise IndexStateError(f"{directory}/dense.faiss: {index.ntotal} vectors for {len(chunks)} chunks")
    return IndexData(
        manifest=manifest,
        chunks=chunks,
        vectors=dense.vectors_of(index),
        dense=index,
        bm25=sparse.load(directory / "bm25"),
        patterns=json.loads((directory / "patterns.json").read_text(encoding="utf-8")),
        cards=[json.loads(line) for line in _lines(directory / "cards.jsonl")]
        if (directory / "cards.jsonl").is_file()
        else [],
        directory=directory,
    )


def read_manifest(directory: Path) -> dict:
    path = directory / "manifest.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndexStateError(f"{directory}: no index. Run `python -m indexer rebuild`.") from None
    except (ValueError, UnicodeDecodeError) as e:
        raise IndexStateError(
            f"{path}: not a valid manifest ({e}). Run `python -m indexer rebuild --full`."
        ) from None


def clean_leftovers(directory: Path) -> None:
    """Remove staging directories of builds that were killed (call with the build lock held)."""
    for leftover in directory.parent.glob(f".{directory.name}-staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    if (directory / "manifest.json").is_file():
        shutil.rmtree(_aside(directory), ignore_errors=True)


def _aside(directory: Path) -> Path:
    return directory.parent / f".{directory.name}-previous"


def _swap(staging: Path, directory: Path) -> None:
    if directory.exists() and _exchange(staging, directory):
        shutil.rmtree(staging, ignore_errors=True)
        return
    if directory.exists():
        aside = _aside(directory)
        shutil.rmtree(aside, ignore_errors=True)
        os.rename(directory, aside)
        os.rename(staging, directory)
        shutil.rmtree(aside, ignore_errors=True)
    else:
        os.rename(staging, directory)
        shutil.rmtree(_aside(directory), ignore_errors=True)
    _fsync_dir(directory.parent)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths with renameat2(RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    if result != 0:
        return False
    _fsync_dir(b.parent)
    return True


def _digests(directory: Path) -> dict[str, str]:
    out = {}
    for path in sorted(directory.rglob("*")):
        rel = path.relative_to(directory).as_posix()
        if path.is_file() and rel != "manifest.json":
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _jsonl(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True) + "\n"


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line]


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _fsync_tree(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            with open(path, "rb") as f:
                os.fsync(f.fileno())
    for path in [root, *[p for p in root.rglob("*") if p.is_dir()]]:
        _fsync_dir(path)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
