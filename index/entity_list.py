"""Entities of a set of articles (a story, or the whole library), for the reader and CLI.

Reads the stored mentions, adds the unmarked repeats of names found elsewhere in the set
('US Forces Japan' where the model saw only 'US' and 'Japan'), splits joined place pairs
('U.S.-Japan'), and resolves them with library-wide votes. No spaCy here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from index.entities import ROLES
from index.entity_names import canonical, is_acronym, name_key, name_spans, rules, word_end
from index.entity_resolve import Entity, keys_to_vote, resolve
from index.entity_store import EntityStore, Mention


def entities_for(library: Any, article_ids: Sequence[str] | None = None) -> list[Entity]:
    """Entities named in these articles (all articles when None), most mentioned first.

    Each entity's ``mentions`` carry article, paragraph and character offsets into the
    stored paragraph text; ``outlets`` counts its mentions per outlet. Articles not yet
    read by ``extract_entities`` contribute nothing.
    """
    store = EntityStore(library.store)
    mentions = store.mentions(article_ids)
    if not mentions:
        return []
    ids = sorted({m.article for m in mentions})
    votes = store.votes(keys_to_vote(mentions))
    mentions = spread(mentions, _paragraphs(library, ids))
    mentions = split_pairs(mentions, votes)
    return resolve(mentions, votes, _outlets(library, ids))


def spread(mentions: list[Mention], paragraphs: dict[tuple[str, int], str]) -> list[Mention]:
    """Mentions plus the unmarked repeats of names: the set's multi-word names and acronyms
    anywhere in it, an article's one-word names (and its people's surnames) in that article,
    but not as a sentence's first word."""
    names: dict[str, str] = {}
    words: dict[str, dict[str, str]] = defaultdict(dict)
    for m in mentions:
        key = canonical(m.key)
        if m.weak:
            continue
        if " " in key or (len(key) > 2 and is_acronym(m.text)):
            names.setdefault(key, m.label)
            if m.label == "PERSON":
                words[m.article].setdefault(key.rsplit(" ", 1)[-1], "PERSON")
        else:
            words[m.article].setdefault(key, m.label)
    taken: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        taken[(m.article, m.paragraph)].append(m)
    for (article, index), text in paragraphs.items():
        here = taken[(article, index)]
        found = [(a, b) for a, b, _ in name_spans(text)]
        found += [(w.start(), word_end(text, w.start(), w.end())) for w in _WORD.finditer(text)]
        for start, end in found:
            key = canonical(name_key(text[start:end]))
            label = names.get(key) or words[article].get(key)
            if label is None or any(_covers(m, start, end) for m in here):
                continue
            if " " not in key and _sentence_start(text, start) and key not in names:
                continue
            name = text[start:end]
            new = Mention(article, index, start, end, name, name_key(name), label)
            here = [m for m in here if not (start <= m.start and m.end <= end)] + [new]
        taken[(article, index)] = here
    return [m for ms in taken.values() for m in ms]


_WORD = re.compile(r"(?<![\w.'’-])[A-Z][\w.'’-]*")


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?:;—–-"


def _covers(m: Mention, start: int, end: int) -> bool:
    """Whether ``m`` overlaps the span and is not inside it (or is it)."""
    return (
        m.start < end
        and start < m.end
        and not (start <= m.start and m.end <= end and (start, end) != (m.start, m.end))
    )


def split_pairs(mentions: list[Mention], votes: dict[str, Counter[str]]) -> list[Mention]:
    """'U.S.-Japan' and 'Washington-Tokyo' as two places, when both halves are places."""
    result = []
    for m in mentions:
        parts = m.text.split("-")
        if len(parts) == 2 and all(_place(canonical(name_key(p)), votes) for p in parts):
            cut = m.start + len(parts[0])
            result.append(
                Mention(
                    m.article,
                    m.paragraph,
                    m.start,
                    cut,
                    parts[0],
                    name_key(parts[0]),
                    "PLACE",
                    m.weak,
                )
            )
            result.append(
                Mention(
                    m.article,
                    m.paragraph,
                    cut + 1,
                    m.end,
                    parts[1],
                    name_key(parts[1]),
                    "PLACE",
                    m.weak,
                )
            )
        else:
            result.append(m)
    return result


def _place(key: str, votes: dict[str, Counter[str]]) -> bool:
    alias = rules().aliases.get(key)
    if alias:
        return alias[1] == "PLACE"
    counts = votes.get(key)
    return counts is not None and counts.most_common(1)[0][0] == "PLACE"


def _paragraphs(library: Any, ids: list[str]) -> dict[tuple[str, int], str]:
    roles = sorted(str(r) for r in ROLES)
    found: dict[tuple[str, int], str] = {}
    conn = library.store.connection
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        sql = (
            "SELECT article_id, idx, text FROM paragraphs"
            f" WHERE article_id IN ({','.join('?' * len(chunk))})"
            f" AND role IN ({','.join('?' * len(roles))})"
        )
        for article, index, text in conn.execute(sql, (*chunk, *roles)):
            found[(article, index)] = text
    return found


def _outlets(library: Any, ids: list[str]) -> dict[str, str]:
    conn = library.store.connection
    found: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        sql = f"SELECT id, outlet FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
        found.update((r[0], r[1]) for r in conn.execute(sql, chunk))
    return found
