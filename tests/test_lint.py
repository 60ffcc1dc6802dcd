from datetime import date
from pathlib import Path

import pytest
from pages import words

from indexer.cli import main
from indexer.config import Config
from indexer.lint import lint
from indexer.tokens import counter_for

TODAY = date(2026, 6, 1)


def _findings(root: Path, path: Path | None = None):
    count = counter_for(Config(root=root).model_dir).count
    return [str(f) for f in lint(root, [path] if path else None, count, today=TODAY)]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_clean_corpus_has_no_findings(corpus_root):
    assert _findings(corpus_root) == []


def _alpha(root: Path) -> Path:
    return root / "Patterns/011_Performance/Caching_Strategies/Alpha_Cache.md"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "- **Name**: Alpha Cache",
            "- **Name**: Alpha Cash",
            ":5: Name 'Alpha Cash' differs from the page title",
        ),
        ("- **Owners**: Pattern Guide maintainers\n", "", "metadata field 'Owners' is missing"),
        ("Caching_Strategies/Alpha_Cache.md\n", "Caching_Strategies/Other.md\n", "Canonical Path"),
        ("- **Category**: 011 Performance", "- **Category**: 012 Security", "does not match folder"),
        ("- **Status**: Stable", "- **Status**: Done", "Status 'Done' must be one of"),
        ("2026-01-15", "2027-01-01", "is in the future"),
        ("2026-01-15", "2026-13-45", "is not a date"),
        ("## 14) Observability", "## 14) Monitoring", "section 14 must be titled 'Observability'"),
        ("### 6.1 Flow Diagram", "### 6.9 Flow Diagram", "section 6.1 (Flow Diagram) is missing"),
        ("flowchart LR", "sequenceDiagram", "6.1 must hold a mermaid flowchart"),
        ("- **Use when**:", "- **Used when**:", "'Use when' is missing or not filled in"),
        ("| Security |", "| Safety |", "Tradeoffs table has no 'Security' row"),
        ("- **Large**:", "- **Huge**:", "'Large' is missing or not filled in"),
        ("    return x + 1", "    return x +", "python code does not parse"),
        (
            "- [x] Tradeoffs",
            "- [ ] Tradeoffs",
            "Status is Stable but the Completion Checklist is not fully ticked",
        ),
        ("## 2) Problem & Context", "## 2) Problem & Context\n\nTODO write this", "placeholder 'TODO'"),
        ("## 2) Problem & Context", "## 2) Problem & Context\n\nSee [Pattern Name] here", "'[Pattern Name]'"),
        ("Beta_Breaker.md)", "Missing.md)", "does not resolve to a pattern file"),
        ("## 16) Security & Compliance", "## 9) Security & Compliance", "section 9 is out of order"),
    ],
)
def test_each_check_reports_path_and_line(corpus_root, old, new, expected):
    _edit(_alpha(corpus_root), old, new)
    found = _findings(corpus_root)
    hits = [f for f in found if expected in f]
    assert hits, found
    assert all(f.startswith("Patterns/011_Performance/Caching_Strategies/Alpha_Cache.md:") for f in hits)


def test_too_few_references_and_links(corpus_root):
    path = _alpha(corpus_root)
    text = path.read_text()
    start = text.index("## 24) References")
    end = text.index("## 25)")
    path.write_text(text[:start] + "## 24) References\n\n- only one source here\n\n---\n\n" + text[end:])
    assert any("References lists 1 source(s)" in f for f in _findings(corpus_root))


def test_duplicate_paragraph_across_two_files_is_an_error(corpus_root):
    shared = words("shared-paragraph", 30)
    for slug in ("Alpha_Cache", "Beta_Breaker"):
        path = next(corpus_root.rglob(f"{slug}.md"))
        _edit(path, "## 3) Decision Drivers\n", f"## 3) Decision Drivers\n\n{shared}\n")
    found = [f for f in _findings(corpus_root) if "also appears in" in f]
    assert len(found) == 2


def test_oversized_block_is_a_warning(corpus_root):
    _edit(
        _alpha(corpus_root),
        "## 4) Intuition & Baseline\n",
        "## 4) Intuition & Baseline\n\n" + words("big", 300) + "\n",
    )
    found = _findings(corpus_root)
    assert any(": warning: block is" in f for f in found)


def test_malformed_files_are_findings_not_crashes(corpus_root):
    bad = corpus_root / "Patterns/011_Performance/Caching_Strategies"
    (bad / "Empty.md").write_bytes(b"")
    (bad / "Binary.md").write_bytes(b"\x89PNG\x00\x00")
    (bad / "Latin1.md").write_bytes("# Café\n".encode("latin-1"))
    (bad / "NoMeta.md").write_text("# No Meta\n\n## 1) TL;DR (Executive Summary)\n\n- text\n")
    found = _findings(corpus_root)
    assert any(
        f.startswith("Patterns/011_Performance/Caching_Strategies/Empty.md:1: file is empty") for f in found
    )
    assert any("Binary.md:1: binary file" in f for f in found)
    assert any("Latin1.md:1: not valid UTF-8" in f for f in found)
    assert any("NoMeta.md:1: section 0 (Metadata) is missing" in f for f in found)
    assert any("NoMeta.md" in f and "section 2 (Problem & Context) is missing" in f for f in found)


def test_cli_lint_exit_codes(corpus_root, capsys):
    assert main(["--root", str(corpus_root), "lint"]) == 0
    _edit(_alpha(corpus_root), "- **Status**: Stable", "- **Status**: Done")
    assert main(["--root", str(corpus_root), "lint"]) == 1
    assert "Alpha_Cache.md:" in capsys.readouterr().out
    assert main(["--root", str(corpus_root), "lint", str(corpus_root / "nope.md")]) == 1
