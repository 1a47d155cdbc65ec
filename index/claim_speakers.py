"""Who a claim's source is: the words as written, a name for them, and what pronouns mean.

The source is the subject of the reporting verb (or the object of "according to"). Its
name is the run of proper nouns at its head without titles ("Chinese Foreign Ministry
spokesman Lin Jian" is "Lin Jian"), or for a group or document the noun phrase without its
article ("the Quad ministers" is "Quad ministers"). ``Speakers`` remembers the article's
names so far: "he" is the latest person, "they" the latest group, and "Austin" becomes
"Lloyd Austin" once the full name has appeared.
"""

from __future__ import annotations

import re
from typing import Any

from index.claim_cues import (
    GROUP_PRONOUNS,
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    TITLES,
    word_set,
)

_PROPER = ("NNP", "NNPS")
_ORG_WORDS = word_set(
    """ministry department command house party committee council office agency administration
    government campaign court congress senate university institute association union news
    times post journal network company corporation group bank board commission police army
    forces force navy pentagon kremlin statement report poll survey press"""
)
_NO_NAME = frozenset({"it", "i", "you", "this", "that", "there"})


def source_span(token: Any) -> tuple[int, int]:
    """Token range ``[first, last]`` of the phrase headed by ``token``, without clauses."""
    first, last = token.i, token.i
    for child in token.lefts:
        if child.dep_ not in ("punct", "cc", "appos", "relcl", "acl"):
            first = min(first, child.left_edge.i)
    for child in token.rights:
        if child.dep_ in ("compound", "flat"):
            last = max(last, child.right_edge.i)
        elif child.dep_ == "prep" and child.lower_ in ("of", "for", "from", "at", "with"):
            if child.right_edge.i - token.i <= 8:
                last = max(last, child.right_edge.i)
            break
        else:
            break
    return first, last


def proper_run(token: Any) -> list[Any]:
    """The proper nouns compounding into ``token`` (itself included), titles left out."""
    run = [token]
    doc = token.doc
    i = token.i - 1
    while i >= 0 and doc[i].tag_ in _PROPER and doc[i].dep_ in ("compound", "flat"):
        if doc[i].head.i not in {t.i for t in run}:
            break
        run.insert(0, doc[i])
        i -= 1
    titled = [k for k, t in enumerate(run[:-1]) if t.lower_ in TITLES]
    return run[titled[-1] + 1 :] if titled else run


def is_personish(name: str) -> bool:
    """A name that looks like a person's: capitalised words, no organisation words."""
    words = name.split()
    return (
        1 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not any(w.lower().strip(".") in _ORG_WORDS for w in words)
        and not (len(words) == 1 and words[0].isupper())
    )


_SUBJECT_NAME = re.compile(
    r"(?:^|(?<=[.!?] ))((?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\. )?([A-Z][a-z]+(?: [A-Z][a-z'’-]+){0,2})"
    r" (?=[a-z])"
)
_ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]?\.)+$|^[DRI]-")
_NOT_NAMES = word_set(
    """The A An In On At But And When While After Before As If For From With This That
    These Those It He She They We I Its His Her Their Our Some Many Most Other Another"""
)


class Speakers:
    """Names seen so far in one article, to resolve pronouns and short names."""

    def __init__(self) -> None:
        self.people: list[str] = []  # full names, latest last
        self.last_person = ""
        self.last_group = ""
        self.last_any = ""
        self.last_speaker = ""  # the latest person quoted, whom "he said" most often means

    def full(self, name: str) -> str:
        """A short name ("Austin", "Mr. Steele") as the full name seen before, if any."""
        words = name.split()
        if not words:
            return name
        for person in reversed(self.people):
            if person.split()[-1] == words[-1] and len(person) >= len(name):
                return person
        if len(words) == 1:  # a surname written first ("Lin" for "Lin Jian")
            for person in reversed(self.people):
                if person.split()[0] == words[0]:
                    return person
        return name

    def note(self, name: str, *, person: bool | None = None) -> None:
        """Remember a name that was a subject or a speaker."""
        if not name:
            return
        person = is_personish(name) if person is None else person
        if person:
            if len(name.split()) >= 2 and name not in self.people:
                self.people.append(name)
            self.last_person = self.full(name)
        else:
            self.last_group = name
        self.last_any = self.full(name) if person else name

    def note_text(self, text: str) -> None:
        """Remember people introduced as the subject of sentences that were not parsed."""
        for match in _SUBJECT_NAME.finditer(text):
            name = match.group(2)
            if name.split()[0] in _NOT_NAMES or not is_personish(name):
                continue
            if match.group(1) or len(name.split()) >= 2 or self.full(name) != name:
                self.note(self.full(name), person=True)
                self.last_speaker = self.last_person  # a new person is whom "he" means next

    def quoted(self, name: str) -> None:
        """Remember who was just quoted."""
        if name and is_personish(name):
            self.last_speaker = name

    def name(self, head: Any) -> str:
        """The speaker's name for the source phrase headed by ``head``."""
        word = head.lower_
        if head.tag_ in ("PRP", "WP", "WDT") or word in RELATIVE_PRONOUNS:
            if word in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
                return self.name(head.head.head)
            if word in PERSONAL_PRONOUNS:
                return self.last_speaker or self.last_person
            if word in GROUP_PRONOUNS:
                return self.last_group or self.last_person
            return "" if word in _NO_NAME else self.last_any
        named = next((c for c in head.children if c.dep_ == "appos" and c.tag_ in _PROPER), None)
        if head.tag_.startswith("NN") and named is not None:  # "the aide, Elizabeth Lauten,"
            head = named
        if head.tag_ in _PROPER and _ABBREVIATION.match(head.text):  # "Rep. X, D-N.Y., said"
            head = next(
                (
                    t
                    for t in head.subtree
                    if t.tag_ in _PROPER
                    and t.dep_ != "compound"
                    and not _ABBREVIATION.match(t.text)
                ),
                head,
            )
        if head.tag_ in _PROPER:
            name = self.full(_clean(" ".join(t.text for t in proper_run(head))))
            others = [c for c in head.children if c.dep_ == "conj" and c.tag_ in _PROPER]
            if others:  # "Washington and Tokyo claim ..."
                names = [
                    name,
                    *(self.full(" ".join(t.text for t in proper_run(c))) for c in others),
                ]
                name = " and ".join(names)
                self.note(name, person=False)
                return name
            self.note(name)
            return name
        first, last = source_span(head)
        tokens = list(head.doc[first : last + 1])
        while tokens and (tokens[0].dep_ in ("det", "punct") or tokens[0].tag_ == "PRP$"):
            tokens = tokens[1:]
        if not tokens:
            return ""
        name = _clean(head.doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)])
        self.note(name, person=False)
        return name


def _clean(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,")
