"""The data that flows through the pipeline: parsed pages, sections, links and chunks."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

RELATIONS = ("variant of", "alternative to", "combined with", "confused with")


@dataclass
class Block:
    """One top-level Markdown block (paragraph, list item, table, fence) with its source lines."""

    kind: str
    text: str
    line: int
    end_line: int
    lang: str = ""


@dataclass
class Section:
    """A numbered template section ("6.1" for subsections) and its blocks."""

    number: str
    title: str
    line: int
    blocks: list[Block] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


@dataclass
class Link:
    """A related-pattern link from section 21."""

    relation: str
    target: str
    text: str
    reason: str
    line: int
    resolved: str = ""


@dataclass
class Pattern:
    """A parsed pattern page."""

    path: str
    slug: str
    title: str
    title_line: int
    metadata: dict[str, str]
    metadata_lines: dict[str, int]
    sections: list[Section]
    links: list[Link]
    mermaid: list[Block]
    code: list[Block]
    tables: list[Block]

    @property
    def name(self) -> str:
        return self.metadata.get("Name", self.title)

    @property
    def category(self) -> str:
        return self.path.split("/")[1] if self.path.count("/") >= 3 else ""

    @property
    def subcategory(self) -> str:
        return self.path.split("/")[2] if self.path.count("/") >= 3 else ""

    @property
    def tags(self) -> list[str]:
        raw = self.metadata.get("Tags", "")
        return [t.strip() for t in raw.split(",") if t.strip()]

    @property
    def status(self) -> str:
        return self.metadata.get("Status", "")

    def section(self, number: str) -> Section | None:
        return next((s for s in self.sections if s.number == number), None)


@dataclass
class Chunk:
    """A searchable piece of one section: `text` is shown and BM25-indexed, `embed_text` is embedded."""

    id: str
    pattern: str
    path: str
    section: str
    section_title: str
    line: int
    text: str
    embed_text: str
    hash: str

    def to_dict(self) -> dict:
        return asdict(self)
