"""Mentions into entities: one name, one type and its aliases for each thing named.

Names join when they are one in the alias file ('US', 'U.S.', 'United States'), have the
same words in another order ('Kamikawa Yoko'), spell out an acronym ('PRC'), or add a
country to an organisation ('U.S. Indo-Pacific Command'); a lone surname or given name joins
the person of that article, else of the whole set, who has it ('Austin' is Lloyd Austin).
Each entity takes the type most of its library-wide mentions have ('Blinken' is a person).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from index.entity_names import CONNECTORS, TYPES, canonical, expands, is_acronym, name_key, rules
from index.entity_store import Mention


@dataclass(slots=True)
class Entity:
    """A person, organisation or place with its mentions and their counts per outlet."""

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


class _Groups:
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


def resolve(
    mentions: Sequence[Mention],
    votes: dict[str, Counter[str]],
    outlets: dict[str, str] | None = None,
) -> list[Entity]:
    """Entities of ``mentions``; ``votes`` are library-wide types per key (non-title lines),
    ``outlets`` the outlet of each article. Most mentioned first."""
    outlets = outlets or {}
    keyed = [(canonical(m.key), m) for m in mentions]
    votes = _canonical_votes(votes)
    keyed = [(k, m) for k, m in keyed if not m.weak or k in votes or k in rules().aliases]
    groups = _Groups()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for key, m in keyed:
        groups.find(key)
        forms[key][m.text] += 1
    _join_names(groups, forms, votes)
    kinds = _types(groups, forms, votes)
    people = _people_by_name(groups, kinds, forms)
    in_article: dict[str, set[str]] = defaultdict(set)
    for key, m in keyed:
        in_article[m.article].add(groups.find(key))
    members: dict[str, list[Mention]] = defaultdict(list)
    for key, m in keyed:
        members[_person_for(key, m, groups.find(key), people, in_article[m.article])].append(m)
    entities = [
        _entity(found, [m for m in ms], kinds[found], outlets)
        for found, ms in members.items()
        if kinds.get(found) in TYPES
    ]
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name))


def _canonical_votes(votes: dict[str, Counter[str]]) -> dict[str, Counter[str]]:
    merged: dict[str, Counter[str]] = defaultdict(Counter)
    for key, counts in votes.items():
        merged[canonical(key)].update(counts)
    return merged


def _join_names(
    groups: _Groups, forms: dict[str, Counter[str]], votes: dict[str, Counter[str]]
) -> None:
    """Join reordered names, acronyms with their expansions, and 'US X' with 'X'."""
    keys = sorted(forms)
    multi = [k for k in keys if " " in k]
    by_words: dict[frozenset[str], str] = {}
    for key in multi:
        words = frozenset(key.split())
        if words in by_words and _mostly(votes, key, by_words[words], "PERSON"):
            groups.join(key, by_words[words])
        by_words.setdefault(words, key)
    spelled = _Spellings(multi, forms)
    for key in keys:
        acronym = next((f for f in forms[key] if is_acronym(f)), None)
        if acronym is not None and key not in rules().aliases:
            for other in spelled.candidates(acronym):
                if any(expands(acronym, f.split()) for f in forms[other]):
                    groups.join(key, other)
    for key in multi:
        head, _, rest = key.partition(" ")
        org = rest in forms and (
            _top(votes.get(rest)) == "ORG" or rest.split()[-1] in rules().org_cues
        )
        if org and _top(votes.get(canonical(head))) == "PLACE":
            groups.join(key, rest)
        last = key.rsplit(" ", 1)
        if len(last) == 2 and last[0] in forms and last[1] in rules().place_cues:
            groups.join(key, last[0])


def _types(
    groups: _Groups, forms: dict[str, Counter[str]], votes: dict[str, Counter[str]]
) -> dict[str, str]:
    """Each group's type: the alias file's, else the most common across the library."""
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    fixed: dict[str, str] = {}
    for key in forms:
        root = groups.find(key)
        tally[root].update(votes.get(key, Counter()))
        if key in rules().aliases:
            fixed[root] = rules().aliases[key][1]
    return {root: fixed.get(root) or _top(tally[root]) or "" for root in tally}


def _top(counts: Counter[str] | None) -> str | None:
    """The most common type; ties go to PLACE, then ORG, then PERSON."""
    if not counts:
        return None
    order = {"PLACE": 0, "ORG": 1, "PERSON": 2}
    return max(counts, key=lambda t: (counts[t], -order.get(t, 3)))


def _mostly(votes: dict[str, Counter[str]], a: str, b: str, kind: str) -> bool:
    return kind in (_top(votes.get(a)), _top(votes.get(b)))


def _person_for(
    key: str, mention: Mention, root: str, people: dict[str, set[str]], here: set[str]
) -> str:
    """The group of a lone name: the person of the same article with that first or last
    name, else the only such person of the set (when the model read a person here)."""
    if " " in key or is_acronym(mention.text) or key in rules().aliases:
        return root
    named = people.get(key, set())
    local = named & here
    if len(local) == 1:
        return next(iter(local))
    if not local and len(named) == 1 and mention.label == "PERSON":
        return next(iter(named))
    return root


def _people_by_name(
    groups: _Groups, kinds: dict[str, str], forms: dict[str, Counter[str]]
) -> dict[str, set[str]]:
    """Person groups by the first and the last word of their full names."""
    found: dict[str, set[str]] = defaultdict(set)
    for key in forms:
        words = key.split()
        root = groups.find(key)
        if len(words) > 1 and kinds.get(root) == "PERSON":
            found[words[0]].add(root)
            found[words[-1]].add(root)
    return found


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

    def letter(w: str) -> str:
        return w.replace(".", "").lower() if is_acronym(w) else w[:1].lower()

    full = "".join(letter(w) for w in words)
    bare = "".join(letter(w) for w in words if w.lower() not in CONNECTORS)
    return {full, bare}


def _entity(root: str, mentions: list[Mention], kind: str, outlets: dict[str, str]) -> Entity:
    """Name the entity: the alias file's name, else its most used full (not acronym) form."""
    texts = Counter(" ".join(m.text.split()) for m in mentions)
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    for text, count in texts.items():
        by_key[canonical(name_key(text))][text] += count
    alias = next((rules().aliases[k][0] for k in by_key if k in rules().aliases), None)

    def rank(key: str) -> tuple[bool, bool, int, int, str]:
        top = by_key[key].most_common(1)[0][0]
        total = sum(by_key[key].values())
        return (is_acronym(top), " " not in key, -total, len(key), key)

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
