"""Show page text safely: Markdown without raw HTML, highlighted code, mermaid drawn offline."""

from __future__ import annotations

import html
import re
from pathlib import Path

import streamlit as st

MERMAID_JS = "app/static/vendor/mermaid.min.js"
MERMAID_FILE = Path(__file__).resolve().parent.parent / "static" / "vendor" / "mermaid.min.js"
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)


def safe_markdown(text: str) -> str:
    """Markdown whose raw HTML shows as text: every '<' outside code spans becomes '&lt;'."""
    out, last = [], 0
    for m in _CODE_SPAN.finditer(text):
        out.append(text[last : m.start()].replace("<", "&lt;"))
        out.append(m.group(0))
        last = m.end()
    out.append(text[last:].replace("<", "&lt;"))
    return "".join(out)


def literal(text: str) -> str:
    """Text shown exactly as written: Markdown and HTML characters escaped."""
    text = text.replace("<", "&lt;")
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|>~$:])", r"\\\1", text)


def highlight(text: str, words: list[str]) -> str:
    """Literal text with the matched query words highlighted."""
    if not words:
        return literal(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\w*", re.I)
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(literal(text[last : m.start()]))
        out.append(f"**:orange-background[{literal(m.group(0))}]**")
        last = m.end()
    out.append(literal(text[last:]))
    return "".join(out)


def mermaid(code: str, key: str) -> None:
    """Draw a mermaid diagram in strict security mode from the locally served mermaid.min.js."""
    st.iframe(
        f"""
<div id="d" class="diagram" data-key="{html.escape(key)}"><pre class="mermaid">{html.escape(code)}</pre></div>
<div id="err" style="color:#b00020;font-family:sans-serif;white-space:pre-wrap"></div>
<script src="/{MERMAID_JS}"></script>
<script>
  const status = (s) => document.body.setAttribute("data-mermaid", s);
  if (typeof mermaid === "undefined") {{
    status("missing");
    document.getElementById("err").textContent = "Diagram renderer not installed: run `make setup`.";
  }} else {{
    mermaid.initialize({{startOnLoad: false, securityLevel: "strict", theme: "neutral"}});
    mermaid.run({{querySelector: ".mermaid"}}).then(() => {{
      status("ok");
    }}).catch((e) => {{
      status("error");
      document.getElementById("err").textContent = "Diagram error: " + (e && e.message ? e.message : e);
    }});
  }}
</script>
""",
        height="content",
    )
