from pages import page, words

from indexer.chunk import TOKEN_LIMIT, chunk_pattern, drop_template_label, plain, table_rows
from indexer.config import Config
from indexer.parse import parse_text
from indexer.tokens import counter_for

PATH = "Patterns/011_Performance/Caching_Strategies/Alpha_Cache.md"


def count():
    return counter_for(Config(root=".").model_dir).count


def _pattern(extra=None):
    return parse_text(
        page("Alpha_Cache", "Alpha Cache", "011_Performance", "Caching_Strategies", extra=extra), PATH
    )


def test_one_chunk_per_section_with_subsections_for_6_and_7():
    chunks = chunk_pattern(_pattern(), count())
    sections = [c.section for c in chunks]
    assert "6.3" in sections and "7.1" in sections
    assert "6" not in sections and "7" not in sections
    assert "25" not in sections, "the checklist is the same on every page and is not indexed"
    assert "6.1" not in sections, "a diagram alone has no prose to embed"


def test_embedded_text_names_pattern_and_section_and_drops_template_labels():
    chunk = next(c for c in chunk_pattern(_pattern(), count()) if c.section == "1")
    assert chunk.embed_text.startswith("Alpha Cache - TL;DR (Executive Summary): ")
    assert "Problem:" not in chunk.embed_text and "Problem:" in chunk.text
    sub = next(c for c in chunk_pattern(_pattern(), count()) if c.section == "6.3")
    assert sub.embed_text.startswith("Alpha Cache - Architecture: Components: ")


def test_code_is_searchable_but_not_embedded():
    chunk = next(c for c in chunk_pattern(_pattern(), count()) if c.section == "11")
    assert "def alpha_cache" in chunk.text
    assert "def alpha_cache" not in chunk.embed_text


def test_long_sections_split_within_the_model_limit_and_nothing_is_lost():
    long_paragraph = ". ".join(words(f"s{i}", 25) for i in range(40)) + "."
    items = "\n".join(f"- {words(f'item{i}', 60)}" for i in range(12))
    p = _pattern({"12": long_paragraph + "\n\n" + items})
    counter = count()
    chunks = [c for c in chunk_pattern(p, counter) if c.section == "12"]
    assert len(chunks) > 3
    assert all(counter(c.embed_text) <= TOKEN_LIMIT for c in chunks)
    embedded = " ".join(c.embed_text for c in chunks)
    for i in range(12):
        assert words(f"item{i}", 60) in embedded
    assert [c.id for c in chunks] == [f"Alpha_Cache#12.{n}" for n in range(len(chunks))]


def test_chunk_ids_and_hashes_are_stable():
    a = chunk_pattern(_pattern(), count())
    b = chunk_pattern(_pattern(), count())
    assert [(c.id, c.hash) for c in a] == [(c.id, c.hash) for c in b]


def test_markdown_helpers():
    assert plain("- **Bold** and [a link](x.md) with `code`") == "Bold and a link with code"
    assert drop_template_label("- **Context**: high read traffic") == "high read traffic"
    assert drop_template_label("- **Hot key**: one key") == "**Hot key**: one key"
    rows = table_rows("| Aspect | Pros | Cons |\n|---|---|---|\n| Cost | cheap | none |")
    assert rows == ["Cost: Pros: cheap; Cons: none"]
