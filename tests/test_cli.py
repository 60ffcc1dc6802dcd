import io
import json

import pytest

from indexer.build import rebuild
from indexer.cli import main


@pytest.fixture
def built(config, fake_embedder):
    rebuild(config, log=lambda m: None)
    return config


def test_search_json_contract(built, capsys):
    assert main(["--root", str(built.root), "search", "--json", "--k", "2", "gamma", "queue"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["query"] == "gamma queue"
    first = record["results"][0]
    assert set(first) == {"rank", "pattern", "title", "path", "score", "sections"}
    assert first["rank"] == 1 and first["pattern"] == "Gamma_Queue"
    assert first["path"] == "Patterns/009_Messaging_Patterns/Consumer_Patterns/Gamma_Queue.md"
    assert isinstance(first["score"], float)
    section = first["sections"][0]
    assert set(section) == {"section", "title", "score", "snippet"}
    assert isinstance(section["section"], str)
    assert len(record["results"]) == 2


def test_search_reads_queries_from_stdin_in_order(built, capsys, monkeypatch):
    monkeypatch.setattr(
        "sys.stdin", io.TextIOWrapper(io.BytesIO(b"gamma queue\n\nbeta breaker\ndelta shard\n"))
    )
    assert main(["--root", str(built.root), "search", "--json"]) == 0
    records = [json.loads(x) for x in capsys.readouterr().out.strip().splitlines()]
    assert [r["query"] for r in records] == ["gamma queue", "beta breaker", "delta shard"]
    assert [r["results"][0]["pattern"] for r in records] == ["Gamma_Queue", "Beta_Breaker", "Delta_Shard"]


def test_human_output_and_related(built, capsys):
    assert main(["--root", str(built.root), "search", "beta", "breaker"]) == 0
    out = capsys.readouterr().out
    assert " 1. Beta Breaker" in out
    assert main(["--root", str(built.root), "related", "Beta_Breaker", "--json"]) == 0
    rel = json.loads(capsys.readouterr().out)
    assert rel["pattern"] == "Beta_Breaker" and len(rel["links"]) == 3


def test_errors_are_clear_and_exit_nonzero(tmp_path, built, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["--root", str(tmp_path / "empty"), "search", "x"]) == 2
    assert "python -m indexer rebuild" in capsys.readouterr().err
    assert main(["--root", str(built.root), "related", "zzzz qqqq"]) == 2
    with pytest.raises(SystemExit):
        main(["--root", str(built.root), "search", "--k", "0", "x"])


def test_rebuild_check_and_stats(built, capsys):
    assert main(["--root", str(built.root), "rebuild", "--check"]) == 0
    assert main(["--root", str(built.root), "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["patterns"] == 4 and stats["chunks"] > 4
    page = next(built.root.rglob("Alpha_Cache.md"))
    page.write_text(page.read_text() + "\nmore\n")
    assert main(["--root", str(built.root), "rebuild", "--check"]) == 1
    assert "warning: index/ is stale" not in capsys.readouterr().err
    assert main(["--root", str(built.root), "search", "alpha"]) == 0
    assert "index/ is stale" in capsys.readouterr().err


def test_stdin_that_is_not_utf8_still_answers(built, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe gamma\ngamma queue\n")))
    assert main(["--root", str(built.root), "search", "--json", "--k", "1"]) == 0
    records = [json.loads(x) for x in capsys.readouterr().out.strip().splitlines()]
    assert len(records) == 2 and records[1]["results"][0]["pattern"] == "Gamma_Queue"


def test_lint_and_rebuild_name_a_missing_patterns_folder(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "lint"]) == 2
    assert f"{tmp_path}/Patterns" in capsys.readouterr().err
    (tmp_path / "Patterns").mkdir()
    assert main(["--root", str(tmp_path), "rebuild"]) == 2
    assert "no pattern pages to index" in capsys.readouterr().err
