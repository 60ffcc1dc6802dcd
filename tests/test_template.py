"""The template module must say exactly what the seed template says."""

import re
from pathlib import Path

import pytest

from indexer.template import CATEGORIES, METADATA_FIELDS, SECTIONS, TRADEOFF_ASPECTS

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_403a27895faa8957.txt"


@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.is_file():
        pytest.skip(f"{SEED} is not beside this checkout")
    return SEED.read_text()


def test_section_titles_match_the_seed(seed):
    found = {}
    for m in re.finditer(r"^##\s+(\d+)\)\s+(.+)$|^###\s+(\d+\.\d+)\s+(.+)$", seed, re.M):
        number, title = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        found[number] = title.strip()
    assert found == SECTIONS


def test_metadata_fields_categories_and_aspects_match_the_seed(seed):
    assert re.findall(r"^- \*\*(.+?)\*\*:", seed.split("## 1)")[0], re.M) == METADATA_FIELDS
    for number, name in CATEGORIES.items():
        assert f"{number} {name}" in seed
    table = seed.split("## 10) Tradeoffs")[1].split("\n---\n")[0]
    assert re.findall(r"^\| (\w+) \|  \|", table, re.M) == TRADEOFF_ASPECTS
