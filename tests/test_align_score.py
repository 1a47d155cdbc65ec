"""Alignment terms and pair scores on small hand-made paragraphs."""

from __future__ import annotations

from index import align_score
from index.align import AlignParams, Unit, align, alignable_units
from index.align_terms import numbers, weigh
from index.model import Paragraph, Role
from tests.helpers import make_article

TROOPS = "Japan hosts more than 54,000 US troops, the largest foreign US military presence."
TROOPS_2 = "About 54,000 American troops are based in Japan, the largest US presence abroad."
OKINAWA = "Most of the bases are on Okinawa, where residents have long protested the noise."
CHINA = "China's foreign ministry rejected the statement as interference in its affairs."
WEATHER = "Heavy rain in Kyushu flooded several towns and forced thousands to leave homes."
DRILLS = "The navies will hold joint drills near Okinawa in August, officials said."


def _units(*bodies: list[str]) -> list[list[Unit]]:
    articles = [make_article(f"Story {i}", body) for i, body in enumerate(bodies)]
    units = [alignable_units(article, position) for position, article in enumerate(articles)]
    weigh(u for column in units for u in column)
    return units


def test_numbers_agree_whatever_their_spelling() -> None:
    assert numbers("54,000 troops") == numbers("54000 troops") == {"54000"}
    assert numbers("about 70% of bases") == numbers("about 70 percent of bases") == {"70%"}
    assert numbers("$1.7 billion") == {"1700000000"}
    assert numbers("two ministers and 2 generals") == {"2"}


def test_words_rare_in_english_weigh_more_than_common_ones() -> None:
    units = _units(["The residency rule changed."], ["The state rule changed."])
    weights = {**units[0][1].weights, **units[1][1].weights}
    assert weights["resid"] > weights["state"]


def test_a_paragraph_prefers_its_best_partner() -> None:
    units = _units([TROOPS, CHINA], [OKINAWA + " " + TROOPS_2, TROOPS_2, WEATHER])
    scores = align_score.scores(units, align_score.WEIGHTS, 0.0)
    assert scores[((0, 1), (1, 2))] > scores[((0, 1), (1, 1))]
    assert ((0, 1), (1, 3)) not in scores  # nothing in common


def test_a_third_article_carrying_both_confirms_a_pair() -> None:
    units = _units([TROOPS, CHINA], [TROOPS_2, WEATHER], [TROOPS, DRILLS])
    values = align_score.features(units, align_score.overlaps(units))
    triangle = align_score.FEATURES.index("triangle")
    assert values[((0, 1), (1, 1))][triangle] > 0.5
    assert values[((0, 1), (1, 1))][triangle] <= values[((0, 1), (2, 1))][0]


def test_skipping_hopeless_pairs_changes_no_probability() -> None:
    units = _units([TROOPS, OKINAWA, CHINA], [TROOPS_2, DRILLS, WEATHER], [OKINAWA, TROOPS])
    every = align_score.features(units, align_score.overlaps(units))
    kept = align_score.scores(units, align_score.WEIGHTS, 0.2)
    assert kept
    for pair, values in every.items():
        probability = align_score.probability(values)
        if probability >= 0.2:
            assert abs(kept[pair] - probability) < 1e-9
        else:
            assert kept.get(pair, 0.0) < 0.2


def test_headlines_always_match_and_captions_are_at_most_related() -> None:
    a = make_article("Floods in Kyushu", [TROOPS])
    b = make_article("US troops stay", [TROOPS_2], outlet="Other")
    a.paragraphs.append(Paragraph(2, Role.CAPTION, "Austin and Blinken in Tokyo on Sunday."))
    b.paragraphs.append(Paragraph(2, Role.CAPTION, "Austin and Blinken in Tokyo on Sunday."))
    alignment = align([a, b], AlignParams(related=0.01))
    kinds = {(link.a, link.b): link.kind for link in alignment.links}
    assert kinds[((0, 0), (1, 0))] == "match"
    assert kinds[((0, 2), (1, 2))] == "related"
    assert alignment.coverage[(0, 2)] == "only"
