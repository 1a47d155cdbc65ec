"""Paragraph alignment, layout rows and word-level differences on small hand-made stories."""

from __future__ import annotations

from index.align import TITLE_INDEX, align
from index.layout import story_rows
from index.model import Paragraph, Role
from index.wording import NUMBER, QUALIFIER, SAME, VERB, compare
from tests.helpers import make_article

TROOPS = "Japan hosts more than 54,000 US troops, the largest foreign US military presence."
TROOPS_2 = "About 54,000 American troops are based in Japan, the largest US presence abroad."
OKINAWA = "Most of the bases are on Okinawa, where residents have long protested the noise."
OKINAWA_2 = "Residents of Okinawa, home to most bases, have long protested against the noise."
QUOTE = "“This will be the most significant change to US Forces Japan,” Austin said on Sunday."
QUOTE_2 = "Austin claimed: “This will be the most significant change to US Forces Japan.”"
CHINA = "China's foreign ministry rejected the statement as interference in its affairs."
WEATHER = "Heavy rain in Kyushu flooded several towns and forced thousands to leave homes."


def _links(alignment, kind: str = "match") -> set[tuple[tuple[int, int], tuple[int, int]]]:
    return {(link.a, link.b) for link in alignment.links if link.kind == kind}


def test_reordered_paragraphs_are_matched_whatever_their_order() -> None:
    a = make_article("US and Japan upgrade command", [TROOPS, OKINAWA, QUOTE])
    b = make_article("Japan command upgraded", [QUOTE_2, OKINAWA_2, TROOPS_2], outlet="Other")
    links = _links(align([a, b]))
    assert ((0, 1), (1, 3)) in links  # troops, first in a, last in b
    assert ((0, 2), (1, 2)) in links
    assert ((0, 3), (1, 1)) in links
    assert ((0, 1), (1, 1)) not in links


def test_a_split_paragraph_links_one_to_many() -> None:
    a = make_article("Command upgraded", [TROOPS + " " + OKINAWA, CHINA])
    b = make_article("Command upgrade", [TROOPS_2, OKINAWA_2, WEATHER], outlet="Other")
    links = _links(align([a, b]))
    assert {((0, 1), (1, 1)), ((0, 1), (1, 2))} <= links


def test_a_fact_only_one_outlet_reports_is_marked_only_here() -> None:
    a = make_article("Command upgraded", [TROOPS, CHINA])
    b = make_article("Command upgrade", [TROOPS_2, WEATHER], outlet="Other")
    c = make_article("Upgrade", [TROOPS, OKINAWA], outlet="Third")
    alignment = align([a, b, c])
    assert alignment.coverage[(0, 1)] == "all"
    assert alignment.coverage[(1, 2)] == "only"
    assert alignment.coverage[(2, 2)] == "only"


def test_headlines_align_with_headlines_and_bylines_are_left_out() -> None:
    a = make_article("Japan hosts 54,000 US troops", [TROOPS])
    b = make_article("Japan hosts 54,000 US troops, report says", [TROOPS_2], outlet="Other")
    b.paragraphs.append(Paragraph(2, Role.BYLINE, "By Japan hosts 54,000 US troops"))
    alignment = align([a, b])
    links = _links(alignment) | _links(alignment, "related")
    assert ((0, 0), (1, 0)) in links
    assert all(b_ != (1, 2) for _, b_ in links)
    assert all(not (x == (0, 0) and y == (1, 1)) for x, y in links)


def test_the_title_stands_in_when_no_paragraph_is_a_headline() -> None:
    a = make_article("Japan hosts 54,000 US troops", [TROOPS])
    a.paragraphs = a.paragraphs[1:]
    b = make_article("Japan hosts 54,000 US troops", [TROOPS_2], outlet="Other")
    alignment = align([a, b])
    assert alignment.units[0][0].index == TITLE_INDEX
    data = alignment.to_json()
    assert data["articles"][0]["paragraphs"][0]["role"] == "headline"
    assert {"a", "b", "score", "kind"} <= set(data["links"][0])


def test_rows_put_matches_on_one_row_and_headlines_first() -> None:
    a = make_article("US and Japan upgrade command", [TROOPS, OKINAWA, CHINA])
    b = make_article("Japan command upgraded", [OKINAWA_2, WEATHER, TROOPS_2], outlet="Other")
    rows = story_rows(align([a, b]))
    assert rows[0].cells == [[0], [0]]
    troops = next(r for r in rows if 1 in r.cells[0])
    assert troops.cells[1] == [3]
    assert next(r for r in rows if 2 in r.cells[1]).filled() == [1]


def test_word_differences_name_numbers_qualifiers_and_verbs() -> None:
    left, right = compare(
        "Officials said more than 54,000 troops are based there.",
        "Officials claimed about 50,000 troops are based there.",
    )
    kinds = {
        ("Officials said more than 54,000 troops are based there."[s.start : s.end]): s.kind
        for s in left
    }
    assert kinds["said"] == VERB
    assert kinds["more"] == QUALIFIER
    assert kinds["54,000"] == NUMBER
    assert any(s.kind == SAME for s in left)
    assert {s.kind for s in right} >= {VERB, QUALIFIER, NUMBER, SAME}


def test_identical_paragraphs_are_all_shared_wording() -> None:
    left, right = compare(TROOPS, TROOPS)
    assert {s.kind for s in left} == {SAME} and {s.kind for s in right} == {SAME}


def test_a_number_stated_differently_still_links_the_paragraphs() -> None:
    taxes = "The Clintons paid $43,885,310 in federal taxes from 2007 to 2014, the returns show."
    taxes_2 = "Over eight years the couple handed nearly $44 million to the IRS, documents say."
    a = make_article("Clintons release returns", [taxes, WEATHER])
    b = make_article("Returns released", [CHINA, taxes_2], outlet="Other")
    links = _links(align([a, b]))
    assert links == {((0, 0), (1, 0)), ((0, 1), (1, 2))}
