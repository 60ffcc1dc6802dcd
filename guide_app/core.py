"""What every page shares: the loaded Guide, index state, links between pages."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from indexer.build import rebuild
from indexer.config import default_config
from indexer.errors import IndexerError
from indexer.guide import Guide
from indexer.model import Pattern
from indexer.parse import parse_file

from .render import literal

DEFAULT_PAGE = "search"


@st.cache_resource(show_spinner="Loading the index…")
def _load() -> Guide:
    guide = Guide()
    _ = guide.searcher  # load the query encoder now, not on the first search
    return guide


def get_guide() -> Guide | None:
    """The shared Guide; on failure, says why and offers a rebuild."""
    try:
        return _load()
    except IndexerError as e:
        st.error(f"The search index cannot be loaded: {e}")
        rebuild_button("Build the index")
        return None


def ready_guide() -> Guide | None:
    """The Guide, with the stale-index banner shown; None (with the reason shown) if it cannot load."""
    guide = get_guide()
    if guide is not None:
        index_banner(guide)
    return guide


def pattern_picker(guide: Guide, placeholder: str, hint: str) -> str | None:
    """A pattern chosen in a select box that starts from, and writes back to, the `p` URL parameter."""
    slugs = sorted(guide.patterns, key=lambda s: guide.patterns[s]["title"])
    wanted = st.query_params.get("p", "")
    if wanted and wanted not in guide.patterns:
        st.warning(f"No pattern called “{literal(wanted[:200])}”. Pick one below or search for it.")
    slug = st.selectbox(
        "Pattern",
        slugs,
        index=slugs.index(wanted) if wanted in guide.patterns else None,
        format_func=lambda s: guide.patterns[s]["title"],
        placeholder=placeholder,
    )
    if slug is None:
        st.info(hint)
    elif st.query_params.get("p") != slug:
        st.query_params["p"] = slug
    return slug


def index_banner(guide: Guide) -> None:
    """Warn when Patterns/ changed since the build; the current index keeps answering meanwhile."""
    stale = _stale(guide.data.manifest.get("built_at", ""))
    if stale:
        with st.sidebar:
            st.warning(f"{len(stale)} page(s) changed since the index was built.")
            rebuild_button("Rebuild the index")


@st.cache_data(ttl=10, show_spinner=False)
def _stale(_built_at: str) -> list[str]:
    return _load().stale()


def rebuild_button(label: str) -> None:
    if not st.button(label, key=f"rebuild-{label}"):
        return
    bar = st.progress(0.0, text="Parsing pages…")
    status = st.empty()
    try:
        report = rebuild(
            default_config(),
            log=lambda msg: status.caption(msg),
            progress=lambda done, total: bar.progress(done / total, text=f"Embedding {done}/{total} chunks"),
        )
    except IndexerError as e:
        st.error(str(e))
        return
    bar.progress(1.0, text="Done")
    st.success(f"Indexed {report.files} pages: embedded {report.embedded} chunks, reused {report.reused}.")
    for err in report.errors:
        st.warning(str(err))
    _load.clear()
    _stale.clear()
    _pattern.clear()
    st.rerun()


@st.cache_data(show_spinner=False, max_entries=512)
def _pattern(path: str, _mtime: float) -> Pattern:
    config = default_config()
    return parse_file(config.root / path, config.root)


def load_pattern(guide: Guide, slug: str) -> Pattern:
    """The parsed page of `slug` (cached until the file changes)."""
    path = guide.patterns[slug]["path"]
    full = guide.config.root / path
    return _pattern(path, full.stat().st_mtime)


def url(page: str, **params: str | list[str]) -> str:
    """A link to another page of the app with its state in the query string."""
    query = urlencode({k: v for k, v in params.items() if v}, doseq=True)
    path = "/" if page == DEFAULT_PAGE else f"/{page}"
    return path + (f"?{query}" if query else "")


def pattern_url(slug: str, section: str | None = None) -> str:
    return url("pattern", p=slug) + (f"#{anchor(section)}" if section else "")


def anchor(section: str) -> str:
    return "s-" + section.replace(".", "-")


def category_label(folder: str) -> str:
    return folder[4:].replace("_", " ") if folder[:3].isdigit() else folder.replace("_", " ")


_BROWSER_HELPER = """<script>
const doc = window.parent.document;
const fix = () => {
  for (const a of doc.querySelectorAll('a[target="_blank"]')) {
    const href = a.getAttribute("href") || "";
    if (href.startsWith("/") && !href.startsWith("//")) {
      a.removeAttribute("target");
      a.removeAttribute("rel");
    }
  }
  const box = doc.querySelector('input[aria-label^="Describe your problem"]');
  if (box && !box.value && !box.dataset.focused) { box.dataset.focused = "1"; box.focus(); }
  const hash = window.parent.location.hash;
  if (hash && !window.__scrolled) {
    const target = doc.getElementById(decodeURIComponent(hash.slice(1)));
    if (target) { window.__scrolled = true; target.scrollIntoView(); }
  }
};
new MutationObserver(fix).observe(doc.body, {childList: true, subtree: true});
fix();
</script>"""


def browser_helpers() -> None:
    """In-app links open in the same tab, the query box takes focus, #section anchors scroll."""
    st.iframe(_BROWSER_HELPER, height=1)
