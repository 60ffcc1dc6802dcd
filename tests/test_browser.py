"""The app in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from guide_app.render import MERMAID_JS
from indexer.parse import parse_file

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STATE_JS = """() => {
  const state = document.body && document.body.getAttribute('data-mermaid');
  return state && state + (document.querySelector('svg') ? '+svg' : '');
}"""
HOSTILE_DIAGRAM = """```mermaid
flowchart LR
  X["<img src=x onerror=window.__pwned=3>"] --> Y
  click X call alert(1)
```

"""
PAYLOAD = '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(root: Path, **extra_env: str):
    port = _free_port()
    env = dict(os.environ, PATTERN_GUIDE_ROOT=str(root), HF_HUB_OFFLINE="1", **extra_env)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("streamlit did not start within 60 s")


@contextmanager
def _running(root: Path, **extra_env: str):
    """An app server for the test's duration."""
    proc, url = _serve(root, **extra_env)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def app_url():
    with _running(ROOT) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    yield pg
    context.close()


def _diagram_states(pg, expected: int, timeout: float = 30) -> list[str]:
    """Wait until `expected` mermaid frames report a state; return the states."""
    deadline = time.time() + timeout
    states: list[str] = []
    while time.time() < deadline:
        states = []
        for frame in pg.frames:
            try:
                state = frame.evaluate(STATE_JS)
            except Exception:
                continue
            if state:
                states.append(state)
        if len(states) >= expected and all(s != "pending" for s in states):
            return states
        time.sleep(0.25)
    return states


def _settle(pg, timeout: float = 30) -> None:
    """Wait until Streamlit has finished the current script run (its status widget is gone)."""
    time.sleep(0.3)
    deadline = time.time() + timeout
    while time.time() < deadline and pg.get_by_test_id("stStatusWidget").is_visible():
        time.sleep(0.1)


def _open_pattern(pg, url: str, slug: str) -> None:
    pg.goto(f"{url}/pattern?p={slug}")
    pg.get_by_role("heading", name="25) Completion Checklist").wait_for(timeout=30_000)


def test_search_first_card_then_pattern_with_rendered_diagrams(app_url, page):
    page.goto(app_url)
    box = page.get_by_label("Describe your problem, or name a pattern")
    box.wait_for(timeout=30_000)
    box.fill("pattern for thundering herd")
    box.press("Enter")
    first = page.get_by_role("link", name="Cache Stampede Prevention (Thundering Herd)").first
    first.wait_for(timeout=30_000)
    heading = page.locator("h4").first.inner_text()
    assert heading.startswith("1.") and "Cache Stampede Prevention" in heading
    page.screenshot(path=ARTIFACTS / "search.png")
    first.click()
    page.get_by_role("heading", name="Cache Stampede Prevention (Thundering Herd)", level=1).wait_for(
        timeout=30_000
    )
    expected = len(
        parse_file(
            ROOT / "Patterns/011_Performance/Cache_Management/Cache_Stampede_Prevention.md", ROOT
        ).mermaid
    )
    states = _diagram_states(page, expected)
    assert len(states) == expected and all(s == "ok+svg" for s in states), states
    page.screenshot(path=ARTIFACTS / "pattern.png", full_page=False)


RENDER_ALL_JS = """async (diagrams) => {
  mermaid.initialize({startOnLoad: false, securityLevel: "strict", theme: "neutral"});
  const failures = [];
  for (const [i, d] of diagrams.entries()) {
    try {
      const {svg} = await mermaid.render("m" + i, d.code);
      if (!svg.includes("<svg")) failures.push(d.where + ": no svg");
    } catch (e) {
      failures.push(d.where + ": " + (e && e.message ? e.message : e));
    }
  }
  return failures;
}"""


def test_every_shipped_diagram_renders_with_the_served_mermaid(app_url, page):
    """Every diagram of every page, drawn by the mermaid.min.js the app serves, in one page load."""
    diagrams = []
    for path in sorted((ROOT / "Patterns").rglob("*.md")):
        pattern = parse_file(path, ROOT)
        for n, block in enumerate(pattern.mermaid):
            diagrams.append({"where": f"{pattern.path} diagram {n + 1}", "code": block.text})
    broken = {"where": "control", "code": "flowchart LR\n  A[unclosed --> B"}
    page.set_content("<html><body></body></html>")
    page.add_script_tag(url=f"{app_url}/{MERMAID_JS}")
    failures = page.evaluate(RENDER_ALL_JS, [*diagrams, broken])
    assert len(diagrams) >= 2 * len(list((ROOT / "Patterns").rglob("*.md")))
    assert failures and failures[-1].startswith("control: "), "a broken diagram must fail"
    assert not failures[:-1], "\n".join(failures[:-1])


@pytest.fixture(scope="module")
def hostile_root(tmp_path_factory):
    """A copy of the guide plus one page carrying HTML, script and a hostile diagram."""
    from indexer.build import rebuild
    from indexer.config import Config

    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(ROOT / "Patterns", root / "Patterns")
    shutil.copytree(ROOT / "index", root / "index")
    source = root / "Patterns/013_Advanced_Topics/Rate_Limiting_Algorithms/Token_Bucket.md"
    text = source.read_text()
    text = text.replace("# Token Bucket", "# Hostile Page", 1).replace(
        "**Name**: Token Bucket", "**Name**: Hostile Page"
    )
    text = text.replace("Token_Bucket.md", "Hostile_Page.md")
    text = text.replace(
        "## 2) Problem & Context\n", f"## 2) Problem & Context\n\nPayload here: {PAYLOAD}\n", 1
    )
    text = text.replace("```mermaid\nflowchart", HOSTILE_DIAGRAM + "```mermaid\nflowchart", 1)
    (source.parent / "Hostile_Page.md").write_text(text)
    rebuild(Config(root=root), log=lambda m: None)
    return root


def test_html_and_script_in_a_page_show_as_text(hostile_root, browser):
    with _running(hostile_root) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        pg = context.new_page()
        _open_pattern(pg, url, "Hostile_Page")
        pg.get_by_text("Payload here:").wait_for(timeout=30_000)
        shown = pg.get_by_text("Payload here:").inner_text()
        assert "<script>window.__pwned = 1</script>" in shown
        _diagram_states(pg, 3)
        time.sleep(1)
        for frame in pg.frames:
            assert frame.evaluate("() => window.__pwned === undefined"), f"script ran in {frame.url}"
        pg.screenshot(path=ARTIFACTS / "hostile.png")
        context.close()


def test_graph_node_click_opens_the_pattern(app_url, page):
    page.goto(f"{app_url}/graph?p=Circuit_Breaker")
    node = page.locator("svg a").filter(has_text="Retry with Exponential Backoff and Jitter").first
    node.wait_for(timeout=30_000)
    node.click()
    page.get_by_role("heading", name="Retry with Exponential Backoff and Jitter", level=1).wait_for(
        timeout=30_000
    )
    assert "/pattern?p=Retry" in page.url


def test_study_five_cards_then_restart_keeps_progress(browser, tmp_path):
    db = str(tmp_path / "study.sqlite3")
    with _running(ROOT, PATTERN_GUIDE_STUDY_DB=db) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        pg = context.new_page()
        pg.goto(f"{url}/study")
        pg.get_by_role("button", name="Start session").click(timeout=30_000)
        for n in range(5):
            try:
                pg.get_by_text(f"Card {n + 1} of 5").wait_for(timeout=30_000)
                _settle(pg)
                reveal = pg.get_by_role("button", name="Reveal")
                reveal.click(timeout=30_000)
                reveal.wait_for(state="detached", timeout=30_000)
                _settle(pg)
                pg.get_by_role("button", name="Good").click(timeout=30_000)
                _settle(pg)
            except Exception:
                pg.screenshot(path=ARTIFACTS / f"study-failed-{n}.png", full_page=True)
                raise
        pg.get_by_text("Session done: 5 card(s) graded").wait_for(timeout=30_000)
        context.close()
    with _running(ROOT, PATTERN_GUIDE_STUDY_DB=db) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        pg = context.new_page()
        pg.goto(f"{url}/study")
        pg.get_by_role("tab", name="Progress").click(timeout=30_000)
        metric = pg.get_by_test_id("stMetric").filter(has_text="Reviews (30 days)")
        metric.wait_for(timeout=30_000)
        assert "5" in metric.inner_text()
        assert (
            pg.get_by_test_id("stMetric").filter(has_text="Due in 7 days").inner_text().strip().endswith("5")
        )
        pg.screenshot(path=ARTIFACTS / "study-progress.png")
        context.close()
