"""Study: sessions over the practice scenarios with FSRS scheduling, answer feedback and progress."""

from __future__ import annotations

import time
from datetime import datetime

import pandas as pd
import streamlit as st

from indexer.errors import IndexerError
from indexer.study.db import StudyDB
from indexer.study.feedback import feedback
from indexer.study.progress import progress
from indexer.study.schedule import DIFFICULTIES, RATINGS, Study
from indexer.study.session import drill_choices, load_cards
from indexer.study.terminal import heading

from .core import category_label, pattern_url, ready_guide
from .render import literal

SCOPES = {"all": "Everything", "due": "Due cards", "weakest": "Weakest areas", "category": "A category",
          "pattern": "A pattern"}  # fmt: skip
MARK = {"covered": "✅", "partly": "🟡", "missed": "❌"}


def _study(guide) -> Study | None:
    if "study_db" not in st.session_state:
        try:
            st.session_state.study_db = StudyDB()
        except IndexerError as e:
            st.error(str(e))
            return None
    return Study(st.session_state.study_db, load_cards(guide.data))


def page() -> None:
    guide = ready_guide()
    if guide is None:
        return
    st.title("Practise")
    study = _study(guide)
    if study is None:
        return
    session, stats = st.tabs(["Session", "Progress"])
    with session:
        if st.session_state.get("queue"):
            _run_card(guide, study)
        else:
            _setup(guide, study)
    with stats:
        _progress(guide, study)


def _setup(guide, study: Study) -> None:
    patterns = guide.patterns
    wanted = st.query_params.get("p", "")
    scope = st.radio(
        "What to study",
        list(SCOPES),
        index=list(SCOPES).index("pattern") if wanted in patterns else 0,
        format_func=SCOPES.get,
        horizontal=True,
    )
    value = ""
    if scope == "category":
        value = st.selectbox(
            "Category", sorted({m["category"] for m in patterns.values()}), format_func=category_label
        )
    elif scope == "pattern":
        slugs = sorted(patterns, key=lambda s: patterns[s]["title"])
        value = st.selectbox(
            "Pattern",
            slugs,
            index=slugs.index(wanted) if wanted in patterns else 0,
            format_func=lambda s: patterns[s]["title"],
        )
    left, mid, right = st.columns(3)
    level = left.selectbox("Difficulty", DIFFICULTIES, help="Small, Medium and Large are design scenarios")
    count = mid.number_input("Cards", min_value=1, max_value=50, value=5)
    minutes = right.number_input("Minutes per card (0 = untimed)", min_value=0, max_value=60, value=0)
    if st.button("Start session", type="primary"):
        cards = study.queue(scope, value, level, int(count))
        if not cards:
            st.info("No cards match. Nothing is due yet, or try another scope or difficulty.")
            return
        st.session_state.update(queue=[c.id for c in cards], position=0, minutes=int(minutes), revealed=False,
                                started=time.time(), graded=0)  # fmt: skip
        st.rerun()


def _run_card(guide, study: Study) -> None:
    queue, position = st.session_state.queue, st.session_state.position
    if position >= len(queue):
        st.success(
            f"Session done: {st.session_state.graded} card(s) graded. See Progress for what is due next."
        )
        if st.button("New session"):
            st.session_state.queue = []
            st.rerun()
        return
    card = study.cards[queue[position]]
    st.progress(position / len(queue), text=f"Card {position + 1} of {len(queue)}")
    st.subheader(heading(card))
    st.markdown(literal(card.prompt))
    if st.session_state.minutes:
        ends = datetime.fromtimestamp(st.session_state.started + 60 * st.session_state.minutes)
        st.caption(f"Timed: aim to finish by {ends:%H:%M:%S}.")
    key = f"answer-{card.id}-{position}"
    if card.kind == "drill":
        choices = drill_choices(guide.data, card)
        answer = st.radio("Which pattern fits best?", choices, index=None, key=key,
                          format_func=lambda s: guide.patterns[s]["title"])  # fmt: skip
    else:
        answer = st.text_area(
            "Your answer", key=key, height=220, placeholder="Write your design before revealing."
        )
    if not st.session_state.revealed:
        if st.button("Reveal"):
            st.session_state.revealed = True
            st.rerun()
        return
    result = _reveal(guide, card, answer)
    st.markdown("**How did it go?**")
    for col, (name, rating) in zip(st.columns(4), RATINGS.items(), strict=True):
        if col.button(name.capitalize(), key=f"grade-{name}-{position}", use_container_width=True):
            study.review(
                card,
                rating,
                duration_ms=int((time.time() - st.session_state.started) * 1000),
                covered=result.covered if result else None,
                key_points=len(result.points) if result else None,
            )
            st.session_state.update(position=position + 1, revealed=False, started=time.time(),
                                    graded=st.session_state.graded + 1)  # fmt: skip
            st.rerun()


def _reveal(guide, card, answer):
    if card.kind == "drill":
        if answer == card.pattern:
            st.success(f"Right: {card.title}.")
        else:
            st.error(f"The best fit is {card.title}.")
        for ln in guide.patterns[card.pattern]["links"]:
            if ln["target"] in card.confused_with:
                st.markdown(f"- {literal(guide.patterns[ln['target']]['title'])}: {literal(ln['reason'])}")
    elif card.kind == "recall":
        st.info(f"**{literal(card.title)}**")
    if card.validate:
        st.markdown(f"**A strong answer:** {literal(card.validate)}")
    if not card.key_points:
        return None
    result = feedback(answer or "", card.key_points, guide.searcher.embedder)
    st.markdown(f"**Key points** ({result.covered} of {len(result.points)} addressed)")
    for p in result.points:
        link = pattern_url(card.pattern, p.point.section)
        st.markdown(f"{MARK[p.verdict]} [§{p.point.section}]({link}) {literal(p.point.text)}")
    if result.note:
        st.caption(result.note)
    return result


def _progress(guide, study: Study) -> None:
    stats = progress(study.db, set(study.cards))
    a, b, c, d = st.columns(4)
    a.metric("Reviews (30 days)", stats.reviews)
    b.metric("Retention", f"{stats.retention:.0%}")
    c.metric("Due now", stats.due_now)
    d.metric("Due in 7 days", stats.due_week)
    if stats.per_day:
        st.bar_chart(pd.DataFrame(stats.per_day, columns=["day", "reviews"]).set_index("day"))
    if stats.categories:
        frame = pd.DataFrame(stats.categories)
        frame["category"] = frame["category"].map(category_label)
        st.markdown("**Strongest to weakest categories** (share of Good or Easy grades)")
        st.bar_chart(frame.set_index("category")["retention"], horizontal=True)
        st.dataframe(frame, hide_index=True, use_container_width=True)
    due = study.due_ids()
    if due:
        st.markdown("**Due now:** " + ", ".join(literal(study.cards[i].title) for i in due[:10]))
    if not stats.reviews:
        st.caption("No reviews yet: start a session to see progress here.")
