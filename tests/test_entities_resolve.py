"""Resolving hand-made mentions into entities: voting, merging, spreading (no model)."""

from __future__ import annotations

from collections import Counter

from index.entity_list import split_pairs, spread
from index.entity_names import name_key
from index.entity_resolve import Entity, resolve
from index.entity_store import Mention


def _m(article: str, text: str, label: str, *, start: int = 0, weak: bool = False) -> Mention:
    return Mention(article, 1, start, start + len(text), text, name_key(text), label, weak)


def _votes(mentions: list[Mention], **extra: dict[str, int]) -> dict[str, Counter[str]]:
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        if not m.weak:
            votes.setdefault(m.key, Counter())[m.label] += 1
    for key, counts in extra.items():
        votes.setdefault(key.replace("_", " "), Counter()).update(counts)
    return votes


def _by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def test_one_type_per_entity_by_library_wide_vote() -> None:
    mentions = [_m("a", "Ankara", "ORG"), _m("b", "Ankara", "PLACE")]
    found = resolve(mentions, _votes(mentions, ankara={"PLACE": 6}))
    assert [(e.name, e.type, len(e.mentions)) for e in found] == [("Ankara", "PLACE", 2)]


def test_a_surname_read_as_a_place_is_the_person_of_its_article() -> None:
    mentions = [
        _m("a", "Antony Blinken", "PERSON"),
        _m("a", "Blinken", "PLACE", start=40),
        _m("a", "Blinken", "PLACE", start=80),
    ]
    found = resolve(mentions, _votes(mentions))
    assert [(e.name, e.type, e.aliases, len(e.mentions)) for e in found] == [
        ("Antony Blinken", "PERSON", ["Blinken"], 3)
    ]


def test_surnames_join_the_sets_only_person_but_a_city_stays_a_city() -> None:
    mentions = [
        _m("a", "Lloyd Austin", "PERSON"),
        _m("b", "Austin", "PERSON"),
        _m("c", "Austin", "PLACE"),
    ]
    found = _by_name(resolve(mentions, _votes(mentions)))
    assert len(found["Lloyd Austin"].mentions) == 2
    assert found["Austin"].type == "PLACE"
    assert [m.article for m in found["Austin"].mentions] == ["c"]


def test_reversed_names_are_one_person() -> None:
    mentions = [_m("a", "Kamikawa Yoko", "PERSON"), _m("b", "Yoko Kamikawa", "PERSON")]
    (entity,) = resolve(mentions, _votes(mentions))
    assert entity.type == "PERSON"
    assert {entity.name, *entity.aliases} == {"Kamikawa Yoko", "Yoko Kamikawa"}


def test_acronyms_join_their_expansions() -> None:
    mentions = [
        _m("a", "USFJ", "ORG"),
        _m("b", "US Forces Japan", "ORG"),
        _m("a", "INDOPACOM", "PLACE", start=20),
        _m("b", "Indo-Pacific Command", "ORG", start=30),
        _m("b", "Indo-Pacific Command", "ORG", start=60),
        _m("a", "PRC", "PLACE", start=40),
        _m("b", "People's Republic of China", "PLACE", start=90),
    ]
    found = _by_name(resolve(mentions, _votes(mentions)))
    assert found["US Forces Japan"].aliases == ["USFJ"]
    assert found["Indo-Pacific Command"].aliases == ["INDOPACOM"]
    assert found["Indo-Pacific Command"].type == "ORG"
    assert found["People's Republic of China"].aliases == ["PRC"]


def test_us_forms_are_the_united_states() -> None:
    mentions = [_m("a", "US", "ORG"), _m("a", "U.S.", "PLACE", start=9)]
    mentions += [_m("b", "United States", "PLACE"), _m("b", "US", "PLACE", start=20)]
    (entity,) = resolve(mentions, _votes(mentions))
    assert (entity.name, entity.type, len(entity.mentions)) == ("United States", "PLACE", 4)
    assert set(entity.aliases) == {"US", "U.S."}


def test_headline_only_names_go_unless_the_body_names_them_too() -> None:
    mentions = [
        _m("a", "Buildup Aimed", "ORG", weak=True),
        _m("a", "China", "PLACE", start=30, weak=True),
        _m("b", "China", "PLACE"),
    ]
    assert [e.name for e in resolve(mentions, _votes(mentions))] == ["China"]


def test_a_country_before_an_organisation_is_the_organisation() -> None:
    mentions = [
        _m("a", "U.S. Indo-Pacific Command", "ORG"),
        _m("b", "Indo-Pacific Command", "ORG"),
        _m("b", "U.S.", "PLACE", start=50),
    ]
    names = [e.name for e in resolve(mentions, _votes(mentions))]
    assert sorted(names) == ["Indo-Pacific Command", "United States"]


def test_outlets_count_mentions() -> None:
    mentions = [_m("a", "Japan", "PLACE"), _m("a", "Japan", "PLACE", start=9)]
    mentions.append(_m("b", "Japan", "PLACE"))
    (entity,) = resolve(mentions, _votes(mentions), {"a": "UPI", "b": "Press TV"})
    assert entity.outlets == {"UPI": 2, "Press TV": 1}


def test_spread_marks_repeats_the_model_missed() -> None:
    text = "Austin said US Forces Japan will grow. Later, Austin met USFJ staff."
    mentions = [
        _m("a", "Lloyd Austin", "PERSON"),
        Mention("b", 1, 0, 6, "Austin", "austin", "PERSON"),
        _m("c", "U.S. Forces Japan", "ORG"),
        _m("c", "USFJ", "ORG", start=40),
    ]
    found = spread(mentions, {("b", 1): text})
    texts = sorted(m.text for m in found if m.article == "b")
    assert texts == ["Austin", "Austin", "US Forces Japan", "USFJ"]
    for m in found:
        if m.article == "b":
            assert text[m.start : m.end] == m.text


def test_joined_places_are_split() -> None:
    mentions = [_m("a", "U.S.-Japan", "ORG"), _m("b", "Japan", "PLACE")]
    parts = split_pairs(mentions, _votes(mentions))
    assert [(m.text, m.start, m.end, m.label) for m in parts[:2]] == [
        ("U.S.", 0, 4, "PLACE"),
        ("Japan", 5, 10, "PLACE"),
    ]


def test_a_surname_of_two_people_goes_to_the_far_most_named_or_stays_apart() -> None:
    mentions = [
        _m("a", "Bill Clinton", "PERSON", start=0),
        _m("a", "Hillary Rodham Clinton", "PERSON", start=100),
        _m("a", "Clinton", "PERSON", start=150),
        _m("b", "Hillary Clinton", "PERSON"),
    ]
    found = _by_name(resolve(mentions, _votes(mentions)))
    assert sorted(found) == ["Bill Clinton", "Clinton", "Hillary Clinton"]
    assert found["Hillary Clinton"].aliases == ["Hillary Rodham Clinton"]
    mentions += [_m("c", "Bill Clinton", "PERSON", start=s) for s in range(0, 50, 10)]
    found = _by_name(resolve(mentions, _votes(mentions)))
    assert sorted(found) == ["Bill Clinton", "Hillary Clinton"]
    assert found["Bill Clinton"].aliases == ["Clinton"]


def test_lookalikes_stay_apart() -> None:
    mentions = [
        _m("a", "Dick Cheney", "PERSON"),
        _m("a", "D.C.", "PLACE", start=20),
        _m("b", "Wisconsin Republican Party", "ORG"),
        _m("b", "Republican Party", "ORG", start=40),
        _m("c", "Wisconsin", "PLACE"),
    ]
    names = sorted(e.name for e in resolve(mentions, _votes(mentions)))
    assert names == [
        "D.C.",
        "Dick Cheney",
        "Republican Party",
        "Wisconsin",
        "Wisconsin Republican Party",
    ]
