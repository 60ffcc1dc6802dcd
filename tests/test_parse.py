from pathlib import Path

import pytest
from pages import page

from indexer.errors import PatternError
from indexer.parse import parse_file, parse_text

PATH = "Patterns/011_Performance/Caching_Strategies/Alpha_Cache.md"


def test_parses_metadata_sections_and_subsections():
    p = parse_text(page("Alpha_Cache", "Alpha Cache", "011_Performance", "Caching_Strategies"), PATH)
    assert p.title == "Alpha Cache" and p.slug == "Alpha_Cache"
    assert p.metadata["Category"] == "011 Performance"
    assert p.tags[0] == "alpha cache"
    numbers = [s.number for s in p.sections]
    assert numbers[:9] == ["0", "1", "2", "3", "4", "5", "6", "6.1", "6.2"]
    assert "7.2" in numbers and numbers[-1] == "25"
    assert p.metadata_lines["Name"] == 5


def test_mermaid_code_and_tables_are_collected():
    p = parse_text(page("Alpha_Cache", "Alpha Cache", "011_Performance", "Caching_Strategies"), PATH)
    assert p.mermaid[0].text.startswith("flowchart")
    assert p.code[0].lang == "python"
    assert len(p.tables) == 1


def test_heading_inside_code_fence_is_not_a_heading():
    text = page(
        "Alpha_Cache", "Alpha Cache", "011_Performance", "Caching_Strategies",
        extra={"11": "```markdown\n## 12) Not A Section\n```"},
    )  # fmt: skip
    p = parse_text(text, PATH)
    assert [s.number for s in p.sections].count("12") == 1
    assert p.section("12").title == "Common Pitfalls & Edge Cases"


def test_links_are_typed_by_group_and_resolved_relative_to_the_page():
    links = [
        ("Alternatives", "../../005_Resilience_Patterns/Fault_Isolation/Beta_Breaker.md"),
        ("Often confused with", "../Caching_Strategies/Other.md#section-5"),
    ]
    p = parse_text(page("Alpha_Cache", "Alpha Cache", "011_Performance", "Caching_Strategies", links), PATH)
    assert [(ln.relation, ln.target) for ln in p.links] == [
        ("alternative to", "Patterns/005_Resilience_Patterns/Fault_Isolation/Beta_Breaker.md"),
        ("confused with", "Patterns/011_Performance/Caching_Strategies/Other.md"),
    ]
    assert p.links[0].reason and not p.links[0].reason.startswith(":")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"   \n\n", "file is empty"),
        (b"# T\n\x00\x01binary", "binary file"),
        (b"# Title\n\n## 0) Metadata\n- caf\xe9\n", "not valid UTF-8"),
        (b"x" * 5_000_000, "at most 1 MB"),
        (b"just some words\n", "no '# Title'"),
        (b"# Title\n\nno sections here\n", "no numbered"),
    ],
)
def test_bad_files_get_a_clear_path_line_message(tmp_path: Path, content: bytes, message: str):
    f = tmp_path / "Patterns" / "011_Performance" / "X" / "Bad.md"
    f.parent.mkdir(parents=True)
    f.write_bytes(content)
    with pytest.raises(PatternError) as err:
        parse_file(f, tmp_path)
    assert message in str(err.value)
    assert str(err.value).startswith("Patterns/011_Performance/X/Bad.md:")


def test_non_utf8_error_names_the_line():
    f_text = b"# Title\n\nline two\nline \xff three\n"
    from indexer.parse import read_text

    tmp = Path(__file__).parent
    with pytest.raises(PatternError) as err:
        path = tmp / "_bad_utf8.md"
        path.write_bytes(f_text)
        try:
            read_text(path, "bad.md")
        finally:
            path.unlink()
    assert err.value.line == 4
