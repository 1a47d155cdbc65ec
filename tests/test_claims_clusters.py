"""The same claim in several outlets: one cluster, its differences and its conflicts."""

from __future__ import annotations

from index.claim_clusters import cluster, shared_share, words
from index.claim_model import NUMBER, QUOTE, STATEMENT, Claim
from index.claims import who_is_quoted

AUSTIN = (
    "The United States will upgrade the US Forces Japan to a joint force headquarters "
    "with expanded missions and operational responsibilities"
)


def quote(article: str, text: str, speaker: str = "Lloyd Austin", cue: str = "told") -> Claim:
    claim = Claim(article, 0, QUOTE, text, 1, 0, len(text), speaker=speaker, cue=cue)
    claim.outlet = article.title()
    return claim


def number(article: str, text: str, value: float, qualifier: str, context: str) -> Claim:
    claim = Claim(article, 0, NUMBER, text, 2, 0, len(text))
    claim.value, claim.qualifier, claim.counted, claim.context = (
        value,
        qualifier,
        "US troops",
        context,
    )
    return claim


def test_words_ignore_punctuation_and_thousands_separators() -> None:
    assert words("“Japan hosts 54,000 U.S. troops,”") == ["japan", "hosts", "54000", "us", "troops"]
    assert shared_share(words(AUSTIN), words(" ".join(AUSTIN.split()[:10]))) == 1.0


def test_same_quote_with_other_punctuation_and_truncation_is_one_cluster() -> None:
    full = quote("antiwar", AUSTIN + ".")
    cut = quote("presstv", AUSTIN.replace("US Forces Japan", "U.S. Forces Japan")[:75] + " …")
    other = quote("upi", "Today, we unveil some of the most important advances in the alliance")
    claims = [full, cut, other]
    cluster(claims)
    assert full.cluster == cut.cluster != other.cluster
    assert "truncated" in cut.differences
    assert full.differences == [] and full.conflict == ""


def test_a_typo_and_another_speaker_are_differences_not_another_claim() -> None:
    austin = quote("antiwar", "This will be the most significant change to US Forces Japan")
    pentagon = quote("upi", "the most signifiant change", speaker="Pentagon", cue="framed")
    claims = [austin, pentagon]
    cluster(claims)
    assert austin.cluster == pentagon.cluster
    assert {"truncated", "wording", "speaker", "cue"} <= set(pentagon.differences)
    assert pentagon.conflict == ""  # the Pentagon is not another person


def test_one_quote_given_to_two_people_is_a_conflict() -> None:
    claims = [quote("a", AUSTIN), quote("b", AUSTIN, speaker="Antony Blinken")]
    cluster(claims)
    assert claims[0].cluster == claims[1].cluster
    assert claims[1].conflict == "speaker"


def test_a_negated_statement_is_a_conflict() -> None:
    said = "the alliance will upgrade the command in Japan this year"
    claims = [
        Claim("a", 0, STATEMENT, said, 1, 0, 1, speaker="officials"),
        Claim("b", 0, STATEMENT, said.replace("will", "will not"), 1, 0, 1, speaker="officials"),
    ]
    cluster(claims)
    assert claims[0].cluster == claims[1].cluster
    assert claims[0].conflict == "negation"


def test_54000_against_50000_troops_is_a_number_conflict() -> None:
    claims = [
        number(
            "a",
            "more than 54,000 US troops",
            54000,
            "more than",
            "Japan hosts more than 54,000 US troops, the largest US military presence abroad.",
        ),
        number(
            "b",
            "about 50,000 US troops",
            50000,
            "about",
            "Japan hosts about 50,000 US troops, the largest US military presence abroad.",
        ),
        number(
            "c",
            "about 54,000 US troops",
            54000,
            "about",
            "There are about 54,000 US troops in Japan, the largest US military presence abroad.",
        ),
    ]
    cluster(claims)
    assert len({c.cluster for c in claims}) == 1
    assert {c.conflict for c in claims} == {"number"}
    assert "number" in claims[1].differences and "qualifier" in claims[2].differences


def test_unrelated_numbers_stay_apart() -> None:
    claims = [
        number("a", "54,000 US troops", 54000, "", "Japan hosts 54,000 US troops."),
        number("b", "2,000 US troops", 2000, "", "Poland will receive 2,000 more soldiers."),
    ]
    claims[1].counted = "soldiers"
    cluster(claims)
    assert claims[0].cluster != claims[1].cluster and claims[0].conflict == ""


def test_short_names_take_the_full_name_another_outlet_gives() -> None:
    claims = [quote("a", AUSTIN, speaker="Austin"), quote("b", "Another thing he said today")]
    cluster(claims)
    assert claims[0].speaker == "Lloyd Austin"


def test_who_is_quoted_counts_speakers_by_outlet() -> None:
    claims = [
        quote("antiwar", AUSTIN),
        quote("antiwar", "A second quote"),
        quote("upi", AUSTIN),
        quote("upi", "A third quote", speaker="Quad ministers", cue="said"),
        number("upi", "54,000 US troops", 54000, "", "Japan hosts 54,000 US troops."),
    ]
    assert who_is_quoted(claims) == {
        "Lloyd Austin": {"Antiwar": 2, "Upi": 1},
        "Quad ministers": {"Upi": 1},
    }


def test_qualifiers_decide_whether_numbers_conflict() -> None:
    more = number(
        "a", "more than 150 US troops", 150, "more than", "Japan hosts more than 150 US troops."
    )
    about = number("b", "about 200 US troops", 200, "about", "Japan hosts about 200 US troops.")
    claims = [more, about]
    cluster(claims)
    assert more.cluster == about.cluster
    assert more.conflict == "" and "number" in about.differences  # 200 is more than 150
    fewer = number(
        "c", "fewer than 100 US troops", 100, "fewer than", "Japan hosts fewer than 100 US troops."
    )
    claims = [more, fewer]
    cluster(claims)
    assert more.conflict == fewer.conflict == "number"


def test_country_abbreviations_are_one_speaker() -> None:
    claims = [
        quote("a", AUSTIN, speaker="US and Japan"),
        quote("b", AUSTIN, speaker="United States and Japan"),
    ]
    cluster(claims)
    assert claims[0].speaker == claims[1].speaker == "United States and Japan"
    assert "speaker" not in claims[0].differences + claims[1].differences
