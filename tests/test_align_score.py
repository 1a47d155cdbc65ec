"""Alignment terms and pair scores on small hand-made paragraphs."""

from __future__ import annotations

from index import align_score
from index.align import AlignParams, Unit, align, alignable_units
from index.align_terms import NAME, NUMBER, WORD_KIND, numbers, sentences, weigh
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
    assert numbers("54,000 troops") == numbers("54000 troops") == {"54000", "~54000"}
    assert numbers("about 70% of bases") == numbers("about 70 percent of bases") == {"70%"}
    assert numbers("$1.7 billion") == {"1700000000", "~1700000000"}
    assert numbers("two ministers and 2 generals") == {"2"}


def test_a_large_number_rounded_agrees_with_its_exact_figure() -> None:
    exact, rounded = numbers("they paid $43,885,310"), numbers("they paid nearly $44 million")
    assert exact & rounded == {"~44000000"}
    assert numbers("$13.6 million") & numbers("$13,625,777") == {"~14000000"}
    assert numbers("in 2015 and 2007") == {"2015", "2007"}  # years are not rounded together
    assert not numbers("54,000 troops") & numbers("55,000 files")


def test_terms_are_numbers_names_or_words() -> None:
    units = _units(["Officials said Japan hosts 54,000 troops."], ["Troops stay in Japan."])
    kinds = units[0][1].kinds
    assert kinds["#54000"] == NUMBER
    assert kinds["japan"] == NAME
    assert kinds["troop"] == WORD_KIND
    assert units[1][1].kinds["japan"] == NAME  # a name anywhere in the story is one everywhere


def test_a_shared_number_says_more_than_a_shared_name() -> None:
    def pair(kind: str) -> list[float]:
        values = [0.0] * len(align_score.FEATURES)
        values[align_score.FEATURES.index(kind)] = 0.2  # the same overlap, of another kind
        return values

    numbers_p = align_score.probability(pair("numbers"))
    assert numbers_p > align_score.probability(pair("words"))
    assert align_score.probability(pair("words")) > align_score.probability(pair("names"))


def test_a_quote_of_common_words_carried_word_for_word_is_seen() -> None:
    said = "“Tell me who you are,” the congressman demanded."
    quoted = "He kept asking: “Tell me who you are.”"
    units = _units([said, WEATHER], [CHINA, quoted])
    values = align_score.features(units)
    phrase = align_score.FEATURES.index("phrase")
    assert values[((0, 1), (1, 2))][phrase] > 0
    assert ((0, 1), (1, 1)) not in values  # nothing in common


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
    values = align_score.features(units)
    triangle = align_score.FEATURES.index("triangle")
    assert values[((0, 1), (1, 1))][triangle] > 0.5
    assert values[((0, 1), (1, 1))][triangle] <= align_score.overlaps(units)[((0, 1), (2, 1))]


def test_skipping_hopeless_pairs_changes_no_probability() -> None:
    units = _units([TROOPS, OKINAWA, CHINA], [TROOPS_2, DRILLS, WEATHER], [OKINAWA, TROOPS])
    every = align_score.features(units)
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


def test_sentences_are_cut_at_full_stops_that_end_one() -> None:
    text = "Mr. Smith met Sen. Jones in the U.S. capital. They spoke. “Yes,” he said."
    assert sentences(text) == [
        "Mr. Smith met Sen. Jones in the U.S. capital. ",
        "They spoke. ",
        "“Yes,” he said.",
    ]


def test_a_paragraph_stating_two_facts_has_a_best_partner_for_each() -> None:
    # One outlet says in one paragraph what the other splits over two: the drills paragraph
    # is the best partner of the two-fact paragraph as a whole, but its troops sentence has
    # its own best partner, so the troops pair is not held back by the drills pair.
    units = _units([TROOPS + " " + DRILLS, CHINA], [TROOPS_2, DRILLS, WEATHER])
    two_facts = units[0][1]
    assert len(two_facts.sentences) == 2
    overlap, parts = align_score.compare(units)
    context = align_score._Context(units, overlap, parts)
    troops, drills = (1, 1), (1, 2)
    assert overlap[((0, 1), drills)] > overlap[((0, 1), troops)]  # paragraphs: drills wins
    assert overlap[((0, 1), troops)] - context.best[((0, 1), 1)] < 0
    assert context.gap((0, 1), troops, overlap[((0, 1), troops)]) == 0.0  # its sentence wins
    assert context.gap((0, 1), drills, overlap[((0, 1), drills)]) == 0.0
    alignment = align(
        [
            make_article("A", [TROOPS + " " + DRILLS, CHINA]),
            make_article("B", [TROOPS_2, DRILLS, WEATHER]),
        ]
    )
    matched = {(link.a, link.b) for link in alignment.matches()}
    assert ((0, 1), troops) in matched and ((0, 1), drills) in matched
