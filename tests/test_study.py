import sqlite3
import threading
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating, State

from indexer import store
from indexer.build import rebuild
from indexer.study.anki import export, note_for
from indexer.study.cards import Card, KeyPoint, build_cards
from indexer.study.db import StudyDatabaseError, StudyDB
from indexer.study.feedback import feedback
from indexer.study.progress import progress
from indexer.study.schedule import Study, rating_of
from indexer.study.session import drill_choices, load_cards
from indexer.study.terminal import run

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def data(config, fake_embedder):
    rebuild(config, log=lambda m: None)
    return store.load(config.index_dir)


@pytest.fixture
def study(data, tmp_path):
    return Study(StudyDB(tmp_path / "study.sqlite3"), load_cards(data))


def test_cards_per_page_kinds_and_content(data):
    cards = load_cards(data)
    ids = {c.id for c in cards if c.pattern == "Alpha_Cache"}
    assert ids == {
        "Alpha_Cache:scenario:small",
        "Alpha_Cache:scenario:medium",
        "Alpha_Cache:scenario:large",
        "Alpha_Cache:recall",
        "Alpha_Cache:drill",
    }
    small = next(c for c in cards if c.id == "Alpha_Cache:scenario:small")
    assert small.validate and small.key_points and {p.section for p in small.key_points} >= {"10", "22"}
    drill = next(c for c in cards if c.id == "Alpha_Cache:drill")
    assert drill.confused_with == ["Delta_Shard"]


def test_card_identity_and_history_survive_an_edit(config, data, study):
    card = study.cards["Alpha_Cache:scenario:small"]
    study.review(card, Rating.Good, when=T0)
    page = next(config.root.rglob("Alpha_Cache.md"))
    page.write_text(page.read_text().replace("- **Small**: ", "- **Small**: Reworded prompt. "))
    rebuild(config, log=lambda m: None)
    edited = Study(study.db, load_cards(store.load(config.index_dir)))
    assert edited.cards[card.id].prompt.startswith("Reworded prompt.")
    assert edited.state(card.id).last_review == T0
    assert edited.state(card.id).state in (State.Learning, State.Review)


def test_fsrs_scheduling_through_the_real_package(study):
    card = study.cards["Beta_Breaker:scenario:medium"]
    first = study.review(card, "good", when=T0)
    assert first.due > T0
    again = study.review(card, Rating.Again, when=first.due)
    assert again.due - first.due < timedelta(hours=1)
    easy = study.review(study.cards["Gamma_Queue:recall"], 4, when=T0)
    assert easy.due - T0 >= timedelta(days=1)
    assert rating_of("e") == Rating.Easy and rating_of("2") == Rating.Hard
    with pytest.raises(ValueError):
        rating_of("great")


def test_queue_scopes(study):
    assert [c.pattern for c in study.queue("pattern", "Gamma_Queue", limit=10)] == ["Gamma_Queue"] * 5
    assert all(c.level == "Large" for c in study.queue(difficulty="Large", limit=10))
    assert study.queue("due", at=T0) == []
    card = study.cards["Delta_Shard:recall"]
    study.review(card, "again", when=T0)
    assert [c.id for c in study.queue("due", at=T0 + timedelta(hours=1))] == [card.id]
    assert study.weakest_patterns() == ["Delta_Shard"]
    assert {c.pattern for c in study.queue("weakest", limit=10)} == {"Delta_Shard"}
    with pytest.raises(ValueError):
        study.queue("nonsense")


def test_state_persists_across_a_restart(data, tmp_path):
    path = tmp_path / "s.sqlite3"
    first = Study(StudyDB(path), load_cards(data))
    first.review(first.cards["Alpha_Cache:recall"], "good", when=T0)
    first.db.close()
    again = Study(StudyDB(path), load_cards(data))
    assert again.state("Alpha_Cache:recall").last_review == T0
    assert progress(again.db, set(again.cards), at=T0).reviews == 1


def test_two_concurrent_writers_lose_nothing(data, tmp_path):
    path = tmp_path / "s.sqlite3"
    StudyDB(path).close()
    cards = load_cards(data)

    def writer(offset: int) -> None:
        study = Study(StudyDB(path), cards)
        for i in range(40):
            study.review(cards[(i + offset) % len(cards)], "good", when=T0 + timedelta(minutes=i))

    threads = [threading.Thread(target=writer, args=(n,)) for n in (0, 7)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM review").fetchone()[0] == 80
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p.write_bytes(b"this is not a database at all" * 10), "not an SQLite file"),
        (
            lambda p: sqlite3.connect(p).execute("CREATE TABLE notes (x)").connection.commit(),
            "not a study database",
        ),
        (
            lambda p: (
                sqlite3.connect(p).execute("PRAGMA application_id = 12345").connection.commit()
                or sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit()
            ),
            "another application",
        ),
    ],
)
def test_corrupt_or_foreign_database_is_refused_and_untouched(tmp_path, setup, message):
    path = tmp_path / "study.sqlite3"
    setup(path)
    before = path.read_bytes()
    with pytest.raises(StudyDatabaseError) as err:
        StudyDB(path)
    assert message in str(err.value) and str(path) in str(err.value)
    assert path.read_bytes() == before


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "study.sqlite3"
    StudyDB(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(StudyDatabaseError, match="newer than this program"):
        StudyDB(path)


def test_drill_choices_include_the_answer_and_confusables(data):
    card = next(c for c in load_cards(data) if c.id == "Alpha_Cache:drill")
    choices = drill_choices(data, card)
    assert len(choices) == 4 and "Alpha_Cache" in choices and "Delta_Shard" in choices
    assert choices == drill_choices(data, card), "stable order for one card"


def test_terminal_session_driven_through_its_prompts(data, study, fake_embedder):
    cards = [study.cards["Alpha_Cache:scenario:small"], study.cards["Alpha_Cache:drill"]]
    answers = iter(["My design uses a bucket.", "", "good", "1", "maybe", "hard"])
    said: list[str] = []
    graded = run(data, study, cards, fake_embedder, ask=lambda _: next(answers), say=said.append)
    assert graded == 2
    text = "\n".join(said)
    assert "Alpha Cache · Small scenario" in text and "Which pattern fits?" in text
    assert "is not a grade" in text
    assert progress(study.db, set(study.cards)).reviews == 2


def test_terminal_session_stops_on_end_of_input(data, study, fake_embedder):
    def ask(_):
        raise EOFError

    assert (
        run(data, study, [study.cards["Alpha_Cache:recall"]], fake_embedder, ask=ask, say=lambda s: None) == 0
    )


def test_anki_export(data, tmp_path: Path):
    cards = load_cards(data)
    path = tmp_path / "deck.apkg"
    assert export(cards, path, app_url="http://localhost:8501") == len(cards)
    assert zipfile.is_zipfile(path)
    note = note_for(cards[0], "http://localhost:8501")
    assert note.fields[3] == f"http://localhost:8501/pattern?p={cards[0].pattern}"
    assert note.guid == note_for(cards[0]).guid


def test_build_cards_ignores_pages_without_scenarios():
    assert build_cards([]) == []
    assert Card.from_dict(
        Card("x", "recall", "P", "T", "C", "Recall", "p", key_points=[KeyPoint("1", "a")]).to_dict()
    )


@pytest.mark.model
def test_feedback_finds_a_present_key_point_and_misses_an_absent_one():
    from indexer.config import default_config
    from indexer.embed import load_embedder

    embedder = load_embedder(default_config().model)
    points = [
        KeyPoint("5", "Rate r sets the sustained limit; capacity b sets the largest burst."),
        KeyPoint("12", "Clock jumps: a forward NTP step mints tokens, a backward one freezes refills."),
    ]
    answer = (
        "Each client gets a bucket: it refills at r tokens per second and holds at most b, so bursts fit."
    )
    result = feedback(answer, points, embedder)
    assert [p.verdict for p in result.points] == ["covered", "missed"]
    assert result.points[0].evidence
    empty = feedback("", points, embedder)
    assert [p.verdict for p in empty.points] == ["missed", "missed"] and empty.note
    huge = feedback("The bucket refills at rate r and holds b tokens. " * 1100, points, embedder)
    assert len("The bucket refills at rate r and holds b tokens. " * 1100) > 50_000
    assert huge.points[0].verdict == "covered" and "first" in huge.note
