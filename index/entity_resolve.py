"""Mentions into entities: one name, one type and its aliases for each thing named.

Names join as ``entity_join`` says. Each entity takes the type most of its library-wide
mentions have (the alias file's, for its names). A lone surname or given name goes to the
set's only person with that name, or the far most named one (three times the next), when
its article names that person in full or names nobody so, and the model or the library's
vote reads a person there; otherwise it stays a name of its own. 'Austin' is Lloyd Austin,
'Blinken' read as a place is Antony Blinken, and 'Trump' where a story names Donald and
Melania Trump about as often stays 'Trump'.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from index.entity_join import Groups, join_names, top
from index.entity_names import TYPES, canonical, is_acronym, name_key, rules
from index.entity_store import Mention


@dataclass(slots=True)
class Entity:
    """A person, organisation or place with its mentions and their counts per outlet.

    ``id`` is a hash of type and name: the same wherever the entity gets the same name.
    """

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    outlets: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": self.aliases,
            "mentions": [m.to_json() for m in self.mentions],
        }


def resolve(
    mentions: Sequence[Mention],
    votes: dict[str, Counter[str]],
    outlets: dict[str, str] | None = None,
) -> list[Entity]:
    """Entities of ``mentions``; ``votes`` are library-wide types per key (outside title-case
    headlines), ``outlets`` the outlet of each article. Most mentioned first."""
    votes = _canonical_votes(votes)
    keyed = [(canonical(m.key), m) for m in mentions]
    keyed = [(k, m) for k, m in keyed if not m.weak or k in votes or k in rules().aliases]
    groups = Groups()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for key, m in keyed:
        groups.find(key)
        forms[key][m.text] += 1
    join_names(groups, forms, votes)
    kinds = _types(groups, forms, votes)
    people = _People(keyed, groups, kinds, votes)
    members: dict[str, list[Mention]] = defaultdict(list)
    for key, m in keyed:
        members[people.of(key, m, groups.find(key))].append(m)
    entities = [
        _entity(ms, kinds[root], outlets or {})
        for root, ms in members.items()
        if kinds.get(root) in TYPES
    ]
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name))


def _canonical_votes(votes: dict[str, Counter[str]]) -> dict[str, Counter[str]]:
    merged: dict[str, Counter[str]] = defaultdict(Counter)
    for key, counts in votes.items():
        merged[canonical(key)].update(counts)
    return merged


def _types(
    groups: Groups, forms: dict[str, Counter[str]], votes: dict[str, Counter[str]]
) -> dict[str, str]:
    """Each group's type: the alias file's, else the most common across the library."""
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    fixed: dict[str, str] = {}
    for key in forms:
        root = groups.find(key)
        tally[root].update(votes.get(key, Counter()))
        if key in rules().aliases:
            fixed[root] = rules().aliases[key][1]
    return {root: fixed.get(root) or top(tally[root]) or "" for root in tally}


class _People:
    """Where the full names of people are, to place lone first and last names."""

    def __init__(
        self,
        keyed: Sequence[tuple[str, Mention]],
        groups: Groups,
        kinds: dict[str, str],
        votes: dict[str, Counter[str]],
    ) -> None:
        self.votes = votes
        self.named: dict[str, Counter[str]] = defaultdict(Counter)
        self.places: dict[tuple[str, str], set[str]] = defaultdict(set)
        for key, m in keyed:
            words = key.split()
            root = groups.find(key)
            if len(words) > 1 and kinds.get(root) == "PERSON":
                # 'Trump' is not Donald Trump Jr., who is 'Trump Jr.' or 'Donald Jr.'
                ends = {words[0]} if words[-1].rstrip(".") in _SUFFIXES else {words[0], words[-1]}
                for word in ends:
                    self.named[word][root] += 1
                    self.places[(m.article, word)].add(root)

    def of(self, key: str, mention: Mention, root: str) -> str:
        """The group of ``mention`` (``root`` unless it is a lone name of a person)."""
        if " " in key or is_acronym(mention.text) or key in rules().aliases:
            return root
        ranked = self.named[key].most_common(2) if key in self.named else []
        if not ranked or (len(ranked) > 1 and ranked[0][1] < 3 * ranked[1][1]):
            return root
        best = ranked[0][0]
        here = self.places.get((mention.article, key))
        if here:
            return best if best in here else root
        person = mention.label == "PERSON" or top(self.votes.get(key)) == "PERSON"
        return best if person else root


#: Generational suffixes, never a surname ('Donald Trump Jr.').
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _entity(mentions: list[Mention], kind: str, outlets: dict[str, str]) -> Entity:
    """Name the entity: the alias file's name, else its most used full (not acronym) form."""
    texts = Counter(" ".join(m.text.split()) for m in mentions)
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    for text, count in texts.items():
        by_key[canonical(name_key(text))][text] += count
    alias = next((rules().aliases[k][0] for k in by_key if k in rules().aliases), None)

    def rank(key: str) -> tuple[bool, bool, int, int, str]:
        first = by_key[key].most_common(1)[0][0]
        total = sum(by_key[key].values())
        return (is_acronym(first), " " not in key, -total, len(key), key)

    best = by_key[min(by_key, key=rank)]
    name = alias or min(best, key=lambda t: (-best[t], t))
    aliases = [t for t, _ in sorted(texts.items(), key=lambda x: (-x[1], x[0])) if t != name]
    counts = Counter(outlets.get(m.article, "") for m in mentions)
    digest = hashlib.sha1(f"{kind}:{name_key(name)}".encode()).hexdigest()[:12]
    ordered = sorted(mentions, key=lambda m: (m.article, m.paragraph, m.start))
    return Entity(digest, name, kind, aliases, ordered, dict(counts.most_common()))


def keys_to_vote(mentions: Iterable[Mention]) -> set[str]:
    """The stored keys whose votes resolution needs: the mentions' and their aliases'."""
    keys = {m.key for m in mentions}
    wanted = {canonical(k) for k in keys}
    keys.update(k for k, (name, _) in rules().aliases.items() if name_key(name) in wanted)
    return keys
