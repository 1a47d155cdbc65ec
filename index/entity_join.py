"""Which names of a set are one entity: groups of name keys before typing.

Joined: the same words in another order ('Kamikawa Yoko', 'Yoko Kamikawa'); a two-word
name with the only longer one of the same first and last word ('Hillary Clinton',
'Hillary Rodham Clinton'); an acronym of three letters or more with the names it spells
('PRC', 'People's Republic of China'), never a person's; an organisation with a country of
the alias file before it ('U.S. Indo-Pacific Command'); a place with its designation
('Okinawa Prefecture'). The alias file's forms share a key already (``canonical``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from index.entity_names import CONNECTORS, canonical, expands, is_acronym, rules


class Groups:
    """Union-find over name keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = self.parent.setdefault(key, key)
        if root != key:
            root = self.parent[key] = self.find(root)
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def top(counts: Counter[str] | None) -> str | None:
    """The most common type; ties go to PLACE, then ORG, then PERSON."""
    if not counts:
        return None
    order = {"PLACE": 0, "ORG": 1, "PERSON": 2}
    return max(counts, key=lambda t: (counts[t], -order.get(t, 3)))


def join_names(
    groups: Groups, forms: dict[str, Counter[str]], votes: dict[str, Counter[str]]
) -> None:
    """Join the keys of ``forms`` (key -> surface forms) that name one thing."""
    keys = sorted(forms)
    multi = [k for k in keys if " " in k]
    people = [k for k in multi if top(votes.get(k)) == "PERSON"]
    by_words: dict[frozenset[str], str] = {}
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in people:
        words = key.split()
        if frozenset(words) in by_words:
            groups.join(key, by_words[frozenset(words)])
        by_words.setdefault(frozenset(words), key)
        if len(words) > 2:
            by_ends[(words[0], words[-1])].append(key)
    for key in people:
        words = key.split()
        longer = by_ends.get((words[0], words[-1]), [])
        if len(words) == 2 and len(longer) == 1:
            groups.join(key, longer[0])
    spelled = _Spellings([k for k in multi if k not in people], forms)
    for key in keys:
        acronym = next((f for f in forms[key] if is_acronym(f)), None)
        if acronym is None or key in rules().aliases or len(acronym.replace(".", "")) < 3:
            continue
        for other in spelled.candidates(acronym):
            if any(expands(acronym, f.split()) for f in forms[other]):
                groups.join(key, other)
    for key in multi:
        head, _, rest = key.partition(" ")
        org = rest in forms and (
            top(votes.get(rest)) == "ORG" or rest.split()[-1] in rules().org_cues
        )
        if org and rules().aliases.get(canonical(head), ("", ""))[1] == "PLACE":
            groups.join(key, rest)
        last = key.rsplit(" ", 1)
        if last[0] in forms and last[1] in rules().place_cues:
            groups.join(key, last[0])


class _Spellings:
    """Multi-word names by their initials, so acronyms find their expansions quickly."""

    def __init__(self, keys: Sequence[str], forms: dict[str, Counter[str]]) -> None:
        self.by_initials: dict[str, set[str]] = defaultdict(set)
        self.by_letter: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            for form in forms[key]:
                words = [w for p in form.split() for w in p.split("-") if w]
                for initials in _initials(words):
                    self.by_initials[initials].add(key)
            self.by_letter[key[:1]].add(key)

    def candidates(self, acronym: str) -> set[str]:
        letters = acronym.replace(".", "").lower()
        if len(letters) >= 6:
            return self.by_letter.get(letters[:1], set())
        return self.by_initials.get(letters, set())


def _initials(words: list[str]) -> set[str]:
    """First letters with and without the small connecting words ('dod', 'dd')."""

    def letter(word: str) -> str:
        return word.replace(".", "").lower() if is_acronym(word) else word[:1].lower()

    full = "".join(letter(w) for w in words)
    bare = "".join(letter(w) for w in words if w.lower() not in CONNECTORS)
    return {full, bare}
