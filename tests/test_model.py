"""End to end with the real all-MiniLM-L6-v2: embedding, rebuild, search, incremental counts."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from indexer.build import plan, rebuild
from indexer.config import Config
from indexer.guide import Guide

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "Patterns/011_Performance/Cache_Management/Cache_Stampede_Prevention.md",
    "Patterns/011_Performance/Caching_Strategies/Cache_Aside.md",
    "Patterns/005_Resilience_Patterns/Retry_and_Recovery/Retry.md",
    "Patterns/005_Resilience_Patterns/Fault_Isolation/Circuit_Breaker.md",
]


def test_numpy_encoder_matches_sentence_transformers():
    from indexer.config import resolve_model_dir
    from indexer.embed.numpy_bert import NumpyBertEmbedder, supports
    from indexer.embed.sentence_transformer import SentenceTransformerEmbedder

    model_dir = resolve_model_dir(Config(root=ROOT).model)
    assert supports(model_dir)
    texts = ["pattern for thundering herd", "Retry - Runbooks: " + "backoff with jitter " * 200, "a", ""]
    fast = NumpyBertEmbedder("m", model_dir).encode(texts)
    ref = SentenceTransformerEmbedder("m", model_dir).encode(texts)
    assert fast.shape == ref.shape == (4, 384)
    assert np.abs(fast - ref).max() < 1e-4
    assert np.allclose((fast * ref).sum(1), 1.0, atol=1e-5)


@pytest.fixture(scope="module")
def small_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("guide")
    for rel in PAGES:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, root / rel)
    report = rebuild(Config(root=root), log=lambda m: None)
    assert report.embedded == report.chunks > 0
    return root


def test_thundering_herd_finds_cache_stampede_prevention(small_root):
    guide = Guide(Config(root=small_root))
    results = guide.search("pattern for thundering herd")
    assert results[0].pattern == "Cache_Stampede_Prevention"
    assert results[0].sections and results[0].sections[0].snippet


def test_editing_one_page_embeds_only_its_changed_chunks(small_root):
    config = Config(root=small_root)
    before = {c.id: c.hash for c in plan(config).chunks}
    page = small_root / PAGES[2]
    text = page.read_text()
    marker = "## 20) Runbooks\n"
    page.write_text(text.replace(marker, marker + "\nPage the owning team when retries exceed budget.\n", 1))
    after = {c.id: c.hash for c in plan(config).chunks}
    changed = {h for cid, h in after.items() if before.get(cid) != h}
    assert 1 <= len(changed) <= 3
    report = rebuild(config, log=lambda m: None)
    assert report.embedded == len(changed)
    assert report.reused == report.chunks - len(changed)


def test_cli_answers_from_the_committed_index():
    proc = subprocess.run(
        [sys.executable, "-m", "indexer", "search", "--json", "--k", "3", "pattern for thundering herd"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["results"][0]["pattern"] == "Cache_Stampede_Prevention"
