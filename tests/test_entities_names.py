"""Entity names as text, without the model: trimming, keys, acronyms, headlines."""

from __future__ import annotations

import json

from index.assets import ASSETS_DIR
from index.entity_names import canonical, expands, name_key, name_spans, title_case, trim


def _trim(text: str, span: str, label: str) -> tuple[str, str] | None:
    start = text.index(span)
    found = trim(text, start, start + len(span), label)
    return (text[found[0] : found[1]], found[2]) if found else None


def test_titles_and_honorifics_are_stripped_and_make_a_person() -> None:
    text = "Secretary of Defense Lloyd Austin met Foreign Minister Yoko Kamikawa."
    assert _trim(text, "Defense Lloyd Austin", "ORG") == ("Lloyd Austin", "PERSON")
    assert _trim(text, "Foreign Minister Yoko Kamikawa", "PERSON") == ("Yoko Kamikawa", "PERSON")
    assert _trim("President Joe Biden", "President Joe Biden", "PERSON") == ("Joe Biden", "PERSON")


def test_organisations_that_begin_like_titles_keep_their_name() -> None:
    assert _trim("General Motors", "General Motors", "ORG") == ("General Motors", "ORG")
    text = "the director of the Defense Intelligence Agency"
    assert _trim(text, "the Defense Intelligence Agency", "ORG") == (
        "Defense Intelligence Agency",
        "ORG",
    )
    assert _trim("Billie Jean King won", "Billie Jean King", "PERSON") == (
        "Billie Jean King",
        "PERSON",
    )


def test_fragments_are_no_names() -> None:
    assert _trim("Secretary of State Antony Blinken", "State", "ORG") is None
    assert _trim("the Foreign Minister said", "Foreign Minister", "ORG") is None
    assert _trim("the East and South China Seas", "East", "LOC") is None
    assert _trim("the Attorney General said", "Attorney General", "ORG") is None


def test_tails_articles_and_possessives_go_and_a_trimmed_cue_sets_the_type() -> None:
    assert _trim("in the Indo-Pacific region", "the Indo-Pacific region", "ORG") == (
        "Indo-Pacific",
        "PLACE",
    )
    assert _trim("the United States' bases", "the United States'", "GPE") == (
        "United States",
        "GPE",
    )
    assert _trim("USFJ's mission", "USFJ's", "ORG") == ("USFJ", "ORG")
    assert _trim("Surrey 429-7 ( C. Lewis", "Surrey 429-7", "ORG") == ("Surrey", "ORG")
    assert _trim("US Secretaries of State", "US Secretaries", "ORG") == ("US", "ORG")
    assert _trim("in Vietnam.. and", "Vietnam..", "GPE") == ("Vietnam", "GPE")


def test_keys_and_aliases_make_us_one_name() -> None:
    assert name_key("U.S.") == name_key("US") == "us"
    assert name_key("The United States'") == "united states"
    keys = {canonical(name_key(n)) for n in ("US", "U.S.", "United States", "the USA")}
    assert keys == {"united states"}
    assert name_key("U.S.-Japan") == "us-japan"
    assert name_key("Raúl Labrador") == name_key("Raul Labrador")


def test_acronyms_spell_their_expansions() -> None:
    assert expands("USFJ", ["U.S.", "Forces", "Japan"])
    assert expands("USFJ", ["US", "Forces", "Japan"])
    assert expands("INDOPACOM", ["Indo-Pacific", "Command"])
    assert expands("PRC", ["People's", "Republic", "of", "China"])
    assert expands("DOD", ["Department", "of", "Defense"])
    assert not expands("CHINA", ["Chinese", "National"])
    assert not expands("PRC", ["The", "People's", "Republic"])
    assert not expands("R.N.C.", ["RNC", "Chairman"])


def test_name_spans_find_capitalised_runs_with_connectors() -> None:
    text = "The People's Republic of China said. Then U.S. Forces Japan's chief spoke."
    spans = {text[a:b] for a, b, _ in name_spans(text)}
    assert {"People's Republic of China", "U.S. Forces Japan"} <= spans
    assert not any(s.startswith("The ") for s in spans)


def test_title_case_headlines_are_told_from_sentences() -> None:
    assert title_case("US, Japan Announce Steps To Strengthen Alliance in Buildup Aimed at China")
    assert not title_case("US to strengthen Japan force amid perceived threat from China")


def test_the_alias_file_is_small_and_general() -> None:
    data = json.loads((ASSETS_DIR / "entity_aliases.json").read_text(encoding="utf-8"))
    forms = [name_key(f) for entry in data["aliases"].values() for f in entry["forms"]]
    assert len(forms) == len(set(forms))
    assert {e["type"] for e in data["aliases"].values()} <= {"PERSON", "ORG", "PLACE"}
    seed_answers = {"blinken", "austin", "kamikawa", "usfj", "indopacom", "prc"}
    assert not seed_answers & {w for f in forms for w in f.split()}
