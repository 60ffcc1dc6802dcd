"""Parse a pattern page (Markdown) into a Pattern: metadata, sections, blocks and links."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .errors import PatternError
from .model import Block, Link, Pattern, Section
from .template import RELATION_GROUPS

MAX_BYTES = 1_000_000

_md = MarkdownIt("commonmark").enable("table")
_H2 = re.compile(r"^(\d+)\)\s*(.+?)\s*$")
_H3 = re.compile(r"^(\d+\.\d+)\s+(.+?)\s*$")
_META = re.compile(r"^\s*[-*]\s+\*\*(.+?)\*\*\s*:\s*(.*?)\s*$")
_GROUP = re.compile(r"^\*\*(.+?)\*\*\s*:?")


def read_text(path: Path, display: str) -> str:
    """Read a page as UTF-8, refusing empty, binary, oversized or mis-encoded files."""
    data = path.read_bytes()
    if not data.strip():
        raise PatternError(display, 1, "file is empty")
    if len(data) > MAX_BYTES:
        raise PatternError(
            display, 1, f"file is {len(data) / 1e6:.1f} MB; a pattern page may be at most 1 MB"
        )
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise PatternError(display, line, "binary file (NUL byte); expected Markdown text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise PatternError(
            display, line, f"not valid UTF-8 (byte {data[e.start]:#04x}); save the file as UTF-8"
        ) from None


def parse_file(path: Path, root: Path) -> Pattern:
    """Parse the page at `path`; `root` is the repository root its path is relative to."""
    display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    return parse_text(read_text(path, display), display)


def parse_text(text: str, path: str) -> Pattern:
    """Parse Markdown `text` of the page at repository-relative `path`."""
    lines = text.splitlines()
    tokens = _md.parse(text)
    title, title_line = "", 0
    sections: list[Section] = []
    current: Section | None = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        start = tok.map[0] if tok.map else 0
        if tok.type == "heading_open":
            heading = tokens[i + 1].content.strip()
            if tok.tag == "h1" and not title:
                title, title_line = heading, start + 1
            elif (
                tok.tag == "h2" and (m := _H2.match(heading)) or tok.tag == "h3" and (m := _H3.match(heading))
            ):
                current = Section(m.group(1), m.group(2), start + 1)
                sections.append(current)
            elif current is not None:
                current.blocks.append(Block("heading", heading, start + 1, start + 1))
            i += 3
            continue
        if tok.level == 0 and tok.map and current is not None:
            i = _collect_blocks(tokens, i, lines, current)
            continue
        i += 1
    if not title:
        raise PatternError(path, 1, "no '# Title' heading: not a pattern page")
    if not sections:
        raise PatternError(path, title_line, "no numbered '## N) Section' headings")
    metadata, metadata_lines = _metadata(sections)
    blocks = [b for s in sections for b in s.blocks]
    return Pattern(
        path=path,
        slug=posixpath.splitext(posixpath.basename(path))[0],
        title=title,
        title_line=title_line,
        metadata=metadata,
        metadata_lines=metadata_lines,
        sections=sections,
        links=_links(tokens, sections, path),
        mermaid=[b for b in blocks if b.kind == "fence" and b.lang == "mermaid"],
        code=[b for b in blocks if b.kind == "fence" and b.lang != "mermaid"],
        tables=[b for b in blocks if b.kind == "table"],
    )


def _collect_blocks(tokens: list[Token], i: int, lines: list[str], section: Section) -> int:
    """Append the block starting at token `i` (list items one by one); return the next index."""
    tok = tokens[i]
    end = _close_index(tokens, i)
    if tok.type in ("bullet_list_open", "ordered_list_open"):
        for j in range(i + 1, end):
            item = tokens[j]
            if item.type == "list_item_open" and item.level == tok.level + 1 and item.map:
                a, b = item.map
                section.blocks.append(Block("item", _source(lines, a, b), a + 1, b))
    elif tok.type == "fence":
        a, b = tok.map
        lang = tok.info.strip().split(" ")[0].lower() if tok.info else ""
        section.blocks.append(Block("fence", tok.content.rstrip("\n"), a + 1, b, lang))
    elif tok.type != "hr":
        a, b = tok.map
        kind = {"paragraph_open": "paragraph", "table_open": "table"}.get(tok.type, "other")
        section.blocks.append(Block(kind, _source(lines, a, b), a + 1, b))
    return end + 1


def _close_index(tokens: list[Token], i: int) -> int:
    """Index of the token that closes the one opened at `i` (itself for self-closing tokens)."""
    if tokens[i].nesting != 1:
        return i
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _source(lines: list[str], a: int, b: int) -> str:
    return "\n".join(lines[a:b]).strip("\n")


def _metadata(sections: list[Section]) -> tuple[dict[str, str], dict[str, int]]:
    meta: dict[str, str] = {}
    where: dict[str, int] = {}
    zero = next((s for s in sections if s.number == "0"), None)
    for block in zero.blocks if zero else []:
        if m := _META.match(block.text.splitlines()[0]):
            meta[m.group(1).strip()] = m.group(2)
            where[m.group(1).strip()] = block.line
    return meta, where


def _links(tokens: list[Token], sections: list[Section], path: str) -> list[Link]:
    """Markdown links to other pages in section 21, typed by the group bullet they sit under."""
    s21 = next((s for s in sections if s.number == "21"), None)
    if s21 is None:
        return []
    after = [s.line for s in sections if s.line > s21.line]
    end = min(after) - 1 if after else 10**9
    links: list[Link] = []
    relation = ""
    for tok in tokens:
        if tok.type != "inline" or not tok.map or not (s21.line <= tok.map[0] + 1 <= end):
            continue
        if m := _GROUP.match(tok.content):
            relation = RELATION_GROUPS.get(m.group(1).strip().lower(), relation)
        links.extend(_inline_links(tok, relation, path))
    return links


def _inline_links(tok: Token, relation: str, path: str) -> list[Link]:
    found: list[Link] = []
    children = tok.children or []
    for k, child in enumerate(children):
        if child.type != "link_open":
            continue
        href = str(child.attrs.get("href", ""))
        if "://" in href or not href.split("#")[0].endswith(".md"):
            continue
        text = "".join(c.content for c in children[k + 1 :] if c.type == "text")
        label = ""
        for c in children[k + 1 :]:
            if c.type == "link_close":
                break
            label += c.content
        reason = _reason(tok.content, href)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), href.split("#")[0]))
        found.append(Link(relation, target, label or text, reason, tok.map[0] + 1))
    return found


def _reason(content: str, href: str) -> str:
    """The prose after a link: why the relation holds."""
    idx = content.find(f"]({href})")
    tail = content[idx + len(href) + 3 :] if idx >= 0 else content
    return tail.strip().lstrip(":—–- ").strip()
