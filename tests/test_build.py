import json
import subprocess
import sys
from pathlib import Path

import pytest

from indexer import store
from indexer.build import check, plan, rebuild
from indexer.config import SCHEMA_VERSION, Config
from indexer.errors import IndexerError, IndexStateError

ROOT = Path(__file__).resolve().parent.parent


def quiet(_msg):
    return None


def test_full_build_writes_a_loadable_index(config, fake_embedder):
    report = rebuild(config, log=quiet)
    data = store.load(config.index_dir)
    assert report.files == 4 and report.chunks == len(data.chunks) == data.dense.ntotal
    assert report.embedded == len(fake_embedder.calls) > 0
    assert set(data.patterns) == {"Alpha_Cache", "Beta_Breaker", "Gamma_Queue", "Delta_Shard"}
    manifest = data.manifest
    assert (
        manifest["model"] == config.model and manifest["dim"] == 64 and manifest["schema"] == SCHEMA_VERSION
    )
    assert set(manifest["sources"]) == {p["path"] for p in data.patterns.values()}
    assert set(manifest["chunks"]) == {c.id for c in data.chunks}
    assert [c.path for c in data.chunks] == sorted(c.path for c in data.chunks), "stable order"
    links = data.patterns["Alpha_Cache"]["links"]
    assert {ln["relation"] for ln in links} == {"alternative to", "combined with", "confused with"}


def test_unchanged_rebuild_embeds_nothing_and_writes_nothing(config, fake_embedder):
    rebuild(config, log=quiet)
    before = (config.index_dir / "manifest.json").read_text()
    fake_embedder.calls.clear()
    report = rebuild(config, log=quiet)
    assert report.embedded == 0 and not report.changed and fake_embedder.calls == []
    assert (config.index_dir / "manifest.json").read_text() == before


def test_editing_one_page_re_embeds_only_its_changed_chunks(config, fake_embedder):
    rebuild(config, log=quiet)
    old = {c.id: c.hash for c in store.load(config.index_dir).chunks}
    page = next(config.root.rglob("Beta_Breaker.md"))
    page.write_text(
        page.read_text().replace(
            "## 13) Resilience & Recovery\n", "## 13) Resilience & Recovery\n\nA new line.\n"
        )
    )
    new = {c.id: c.hash for c in plan(config).chunks}
    changed = {h for cid, h in new.items() if old.get(cid) != h}
    fake_embedder.calls.clear()
    report = rebuild(config, log=quiet)
    assert report.embedded == len(changed) == 1
    assert len(fake_embedder.calls) == 1 and "A new line." in fake_embedder.calls[0]
    assert check(config) == []


def test_check_reports_added_changed_and_removed_pages(config, fake_embedder):
    assert check(config) and "no index" in check(config)[0]
    rebuild(config, log=quiet)
    assert check(config) == []
    alpha = next(config.root.rglob("Alpha_Cache.md"))
    alpha.write_text(alpha.read_text() + "\nmore\n")
    next(config.root.rglob("Gamma_Queue.md")).unlink()
    problems = check(config)
    assert any("Alpha_Cache.md: changed" in p for p in problems)
    assert any("Gamma_Queue.md: removed" in p for p in problems)


def test_a_page_that_stops_parsing_keeps_its_previous_entries(config, fake_embedder):
    rebuild(config, log=quiet)
    page = next(config.root.rglob("Delta_Shard.md"))
    page.write_bytes(b"\xff\xfe broken")
    report = rebuild(config, log=quiet)
    assert report.errors and report.kept == [page.relative_to(config.root).as_posix()]
    assert "Delta_Shard" in store.load(config.index_dir).patterns


def test_strict_refuses_and_leaves_the_index_alone(config, fake_embedder):
    rebuild(config, log=quiet)
    before = (config.index_dir / "manifest.json").read_text()
    (config.root / "Patterns/011_Performance/Caching_Strategies/Bad.md").write_bytes(b"")
    with pytest.raises(IndexerError, match="--strict"):
        rebuild(config, strict=True, log=quiet)
    assert (config.index_dir / "manifest.json").read_text() == before


def test_index_of_another_model_is_refused_not_mixed(config, fake_embedder):
    rebuild(config, log=quiet)
    other = Config(root=config.root, model="some/other-model")
    with pytest.raises(IndexStateError, match="rebuild --full"):
        rebuild(other, log=quiet)


def test_foreign_schema_and_tampered_files_are_detected_at_load(config, fake_embedder):
    rebuild(config, log=quiet)
    (config.index_dir / "patterns.json").write_text("{}")
    with pytest.raises(IndexStateError, match="do not match manifest"):
        store.load(config.index_dir)
    rebuild(config, full=True, log=quiet)
    manifest = json.loads((config.index_dir / "manifest.json").read_text())
    manifest["schema"] = 99
    (config.index_dir / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexStateError, match="schema 99"):
        store.load(config.index_dir)


def test_two_rebuilds_never_run_at_once(config, fake_embedder):
    from filelock import FileLock

    with FileLock(str(config.lock_path)), pytest.raises(IndexerError, match="another rebuild"):
        rebuild(config, log=quiet)


KILL = """
import os, sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from conftest import FakeEmbedder
import indexer.embed, indexer.store as store
indexer.embed.load_embedder = lambda model, backend="auto": FakeEmbedder()
where = {where!r}
if where == "before-swap":
    store._swap = lambda staging, directory: os._exit(9)
elif where == "between-renames":
    store._exchange = lambda a, b: False
    real = os.rename
    calls = []
    def rename(a, b):
        calls.append(a)
        real(a, b)
        if len(calls) == 1:
            os._exit(9)
    os.rename = rename
from indexer.build import rebuild
from indexer.config import SCHEMA_VERSION, Config
rebuild(Config(root=Path({root!r})), full=True)
"""


@pytest.mark.parametrize("where", ["before-swap", "between-renames"])
def test_a_rebuild_killed_mid_write_leaves_the_old_index_loadable(config, fake_embedder, where):
    rebuild(config, log=quiet)
    old_ids = [c.id for c in store.load(config.index_dir).chunks]
    page = next(config.root.rglob("Alpha_Cache.md"))
    page.write_text(
        page.read_text().replace("## 2) Problem & Context\n", "## 2) Problem & Context\n\nnew words\n")
    )
    script = KILL.format(tests=str(ROOT / "tests"), where=where, root=str(config.root))
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 9, proc.stderr
    data = store.load(config.index_dir)
    assert [c.id for c in data.chunks] == old_ids
    report = rebuild(config, log=quiet)
    assert report.changed and check(config) == []
    assert not list(config.root.glob(".index-*"))


def test_an_index_of_an_older_schema_is_rewritten_reusing_its_vectors(config, fake_embedder):
    rebuild(config, log=quiet)
    manifest_path = config.index_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["schema"] = SCHEMA_VERSION - 1
    manifest_path.write_text(json.dumps(manifest))
    (config.index_dir / "cards.jsonl").unlink()
    manifest["files"].pop("cards.jsonl")
    manifest_path.write_text(json.dumps(manifest))
    fake_embedder.calls.clear()
    report = rebuild(config, log=quiet)
    assert report.changed and report.embedded == 0 and fake_embedder.calls == []
    assert store.load(config.index_dir).cards
