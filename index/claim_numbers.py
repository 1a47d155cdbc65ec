"""Numeric claims: a number with what it counts and how exact it is said to be.

"more than 54,000 US troops" is the value 54000, the qualifier "more than" and the counted
thing "US troops"; "about 70% of US bases in Japan" is 70 with unit "%" counting "US bases
in Japan". Years, dates, times, ordinals and numbers inside names are left out. A number
inside a quote or statement belongs to that claim's speaker.
"""

from __future__ import annotations

import re
from typing import Any

from index.claim_cues import MONTHS, QUALIFIERS, word_set
from index.claim_model import NUMBER, Claim

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_PERCENT = {"%", "percent", "per cent", "percentage"}
_NUMERAL = re.compile(r"^\$?\d[\d,]*(\.\d+)?%?$")
_TIME_UNITS = word_set("years year months month weeks week days day hours hour minutes decades")


def parse_value(text: str) -> float | None:
    """The value of a written number ("54,000", "1.5 million", "$3bn" is not read)."""
    words = text.lower().replace("$", "").replace("%", "").split()
    if not words or not _NUMERAL.match(words[0]):
        return None
    value = float(words[0].replace(",", ""))
    for word in words[1:]:
        value *= _SCALES.get(word, 1.0)
    return value


def _is_year_or_date(token: Any) -> bool:
    text = token.text
    doc = token.doc
    if re.fullmatch(r"(1[89]|20)\d\d", text):
        return True
    near = [doc[i].lower_ for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return any(w in MONTHS for w in near)


def _in_name(token: Any) -> bool:
    """Part of a name or code ("2+2 talks", "G-7", "Air Force 1")."""
    text = token.doc.text
    start, end = token.idx, token.idx + len(token.text)
    if (start and text[start - 1] in "+-/") or (end < len(text) and text[end] in "+-/"):
        return True
    return token.dep_ == "compound" and token.head.tag_ == "NNP"


def number_claims(
    article: str, index: int, text: str, doc: Any, claims: list[Claim]
) -> list[Claim]:
    """The numeric claims of one parsed paragraph."""
    found: list[Claim] = []
    used: set[int] = set()
    for token in doc:
        if token.i in used or token.tag_ != "CD" or not _NUMERAL.match(token.text):
            continue
        if _is_year_or_date(token) or _in_name(token):
            continue
        group = [token]
        while group[-1].i + 1 < len(doc) and doc[group[-1].i + 1].lower_ in _SCALES:
            group.append(doc[group[-1].i + 1])
        used.update(t.i for t in group)
        claim = _claim(article, index, text, doc, group)
        if claim is not None:
            found.append(claim)
            if claim.upper is not None:
                used.add(group[-1].i + 2)  # the top of the range is this claim's
    for claim in found:
        owner = next((c for c in claims if c.start <= claim.start < c.end and c.speaker), None)
        if owner is not None:
            claim.speaker, claim.cue = owner.speaker, owner.cue
    return found


def _claim(article: str, index: int, text: str, doc: Any, group: list[Any]) -> Claim | None:
    first, last = group[0], group[-1]
    start_i = first.i - 1 if first.i and doc[first.i - 1].text == "$" else first.i
    unit = "$" if start_i < first.i else ""
    top = _range_top(doc, start_i - _qualifier_length(doc, start_i), last)
    counted_from = last.i + (3 if top is not None else 1)
    if top is not None:
        last = doc[last.i + 2]
    counter = next((t for t in (group[-1], last) if t.dep_ == "nummod"), None)
    noun = counter.head if counter is not None else None
    if first.text.endswith("%"):
        unit = "%"
    qualifier_i = start_i - _qualifier_length(doc, start_i)
    end_i = last.i
    counted = ""
    if noun is not None and noun.i > last.i:
        if noun.lower_ in _PERCENT:
            unit = "%"
        counted_first = counted_from
        counted_last = noun.i
        pobj = _prep_object(noun, "of") if unit == "%" else _prep_object(noun, "of", "in")
        if pobj is not None and pobj[1] - noun.i <= 6:
            counted_last = pobj[1]
        if noun.lower_ in _TIME_UNITS:
            return None  # "in 70 years" is a span of time, not a count
        while counted_first <= counted_last and doc[counted_first].lower_ in _PERCENT | {"of"}:
            counted_first += 1
        while counted_last > counted_first and doc[counted_last].is_punct:
            counted_last -= 1
        if counted_first <= counted_last:
            span_end = doc[counted_last].idx + len(doc[counted_last].text)
            counted = text[doc[counted_first].idx : span_end]
        end_i = counted_last
    if not counted and not unit:
        return None  # a bare number ("rose to 54") says too little on its own
    value = parse_value(" ".join(t.text for t in group))
    if value is None:
        return None
    if top is not None:
        qualifier_i -= 1  # "between"
    start = doc[qualifier_i].idx
    end = doc[end_i].idx + len(doc[end_i].text)
    qualifier = " ".join(t.lower_ for t in doc[qualifier_i:start_i])
    claim = Claim(article, 0, NUMBER, text[start:end], index, start, end)
    claim.qualifier, claim.value, claim.unit, claim.upper = qualifier, value, unit, top
    claim.counted = counted
    claim.context = last.sent.text
    return claim


def _range_top(doc: Any, first: int, last: Any) -> float | None:
    """The top of "between 150 and 200": the second number after "between ... and"."""
    if first == 0 or doc[first - 1].lower_ != "between" or last.i + 2 >= len(doc):
        return None
    if doc[last.i + 1].lower_ not in ("and", "to") or doc[last.i + 2].tag_ != "CD":
        return None
    return parse_value(doc[last.i + 2].text)


_AT_LEAST = {"more than", "over", "at least", "upwards of", "well over", "just over", "above"}
_AT_LEAST |= {"no fewer than", "more than a"}
_AT_MOST = {"up to", "fewer than", "less than", "under", "below", "no more than", "at most"}
_AT_MOST |= {"as many as", "as much as", "as few as"}
_JUST_BELOW = {"nearly", "almost", "just under", "barely"}
_ABOUT = {"about", "around", "approximately", "roughly", "some", "estimated", "an estimated"}
_ABOUT |= {"reportedly", "an average of", "close to"}
#: How far an exact figure may be off and still agree (rounding), and an "about" figure.
EXACT, ABOUT = 0.02, 0.05


def interval(claim: Claim) -> tuple[float, float]:
    """The values a numeric claim allows: "more than 54,000" is [54000, infinity)."""
    low = claim.value or 0.0
    high = claim.upper if claim.upper is not None else low
    q = claim.qualifier
    if q in _AT_LEAST:
        return low, float("inf")
    if q in _AT_MOST:
        return 0.0, high
    if q in _JUST_BELOW:
        return low * 0.9, high
    spread = ABOUT if q in _ABOUT else EXACT
    return low * (1 - spread), high * (1 + spread)


def compatible(a: Claim, b: Claim) -> bool:
    """Whether two numeric claims can both be true."""
    (a_low, a_high), (b_low, b_high) = interval(a), interval(b)
    return a_low <= b_high and b_low <= a_high


def _qualifier_length(doc: Any, at: int) -> int:
    """How many words before token ``at`` qualify the number ("more than", "about")."""
    for size in (3, 2, 1):
        if at >= size and " ".join(t.lower_ for t in doc[at - size : at]) in QUALIFIERS:
            return size
    return 0


def _prep_object(noun: Any, *preps: str) -> tuple[int, int] | None:
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            return child.i, child.right_edge.i
    return None
