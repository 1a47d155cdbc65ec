"""Proposing an annotation on the aligned paragraphs of a story's other articles."""

from __future__ import annotations

from index.align import align
from index.annotations import Annotation
from index.proposals import aligned_paragraphs, best_passage, propose
from tests.helpers import make_article


def _annotation(article_id: str, paragraph: int, text: str, exact: str) -> Annotation:
    start = text.index(exact)
    return Annotation(
        "a1", article_id, paragraph, start, start + len(exact), exact, "", "", "person",
        "checked", "alice", "", "",
    )  # fmt: skip


def test_best_passage_prefers_the_closest_run_of_words() -> None:
    text = "Defense Secretary Lloyd Austin met Japan's defense minister in Tokyo on Sunday."
    start, end, score = best_passage(text, "Lloyd Austin") or (0, 0, 0.0)
    assert text[start:end] == "Lloyd Austin" and score == 1.0
    start, end, score = best_passage(text, "Secretary of Defense Lloyd Austin") or (0, 0, 0.0)
    assert "Lloyd Austin" in text[start:end] and 0.6 < score < 1.0
    found = best_passage(text, "Kamikawa")
    assert found is None or found[2] < 0.6


def test_a_name_is_found_under_its_other_names() -> None:
    text = "The Secretary of State said the US and Japan will upgrade USFJ's command."
    start, end, score = best_passage(text, "United States") or (0, 0, 0.0)
    assert (text[start:end], score) == ("US", 1.0)  # the alias, not "State"
    start, end, _ = best_passage(text, "U.S. Forces Japan") or (0, 0, 0.0)
    assert text[start:end] == "USFJ's"
    other = "Troops of the Indo-Pacific Command arrived."
    start, end, _ = best_passage(other, "INDOPACOM") or (0, 0, 0.0)
    assert other[start:end] == "Indo-Pacific Command"
    dotted = "Troops of the U.S. arrived."
    start, end, _ = best_passage(dotted, "United States") or (0, 0, 0.0)
    assert dotted[start:end] == "U.S."
    found = best_passage("Officials met on Sunday in the capital.", "United States")
    assert found is None or found[2] < 0.6


def test_proposals_follow_the_alignment() -> None:
    body_a = [
        "Austin and Kamikawa met in Tokyo on Sunday to upgrade the command of US forces.",
        "The weather in Tokyo was hot and humid all week long.",
    ]
    body_b = [
        "Officials said the weather in the capital stayed hot and humid.",
        "On Sunday Lloyd Austin and Yoko Kamikawa met in Tokyo to upgrade US forces command.",
    ]
    a = make_article("US upgrades command of forces in Japan", body_a, outlet="One")
    b = make_article("Washington upgrades its Japan command", body_b, outlet="Two")
    alignment = align([a, b])
    assert (1, 2) in aligned_paragraphs(alignment, 0, 1)
    annotation = _annotation(a.id, 1, body_a[0], "Kamikawa")
    proposals = propose(alignment, annotation)
    assert [(p.article_id, p.paragraph, p.exact) for p in proposals] == [(b.id, 2, "Kamikawa")]
    assert proposals[0].label == "person" and proposals[0].note == "checked"
    orphan = Annotation("o", a.id, None, None, None, "x", "", "", "person", "", "me", "", "")
    assert propose(alignment, orphan) == []
