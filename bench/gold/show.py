"""Print the articles of one event with paragraph indices and roles, for writing gold by hand.

    PYTHONPATH=. python bench/gold/show.py seed                # list events of a dataset
    PYTHONPATH=. python bench/gold/show.py basil EVENT [KEY..]  # print one event's articles
    PYTHONPATH=. python bench/gold/show.py basil --list         # events with sizes and years
    PYTHONPATH=. python bench/gold/show.py --check              # validate bench/gold/align/*.json

Text is read from ../shared/data through bench.eventdata; nothing is written.
"""

from __future__ import annotations

import hashlib
import json
import sys
import textwrap
from collections import defaultdict
from pathlib import Path

from bench import eventdata


def check(article) -> str:
    text = "\n".join(p.text for p in article.paragraphs)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


GOLD = Path(__file__).resolve().parent / "align"
UNLINKED = {"byline", "boilerplate", "caption"}


def validate() -> int:
    """Check every gold file against the data as loaded now; return the number of problems."""
    loaded = {}
    problems = 0
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        dataset = gold["event"].split(":")[0]
        if dataset not in loaded:
            loaded[dataset] = {e.article.id: e for e in eventdata.load(dataset)}
        found = loaded[dataset]
        errors = []
        keys = {a["key"] for a in gold["articles"]}
        for entry in gold["articles"]:
            e = found.get(entry["key"])
            if e is None:
                errors.append(f"missing article {entry['key']}")
                continue
            if e.event != gold["event"]:
                errors.append(f"{entry['key']} is in event {e.event}")
            if len(e.article.paragraphs) != entry["paragraphs"]:
                errors.append(f"{entry['key']} has {len(e.article.paragraphs)} paragraphs")
            if check(e.article) != entry["check"]:
                errors.append(f"{entry['key']} text changed (check {check(e.article)})")
        seen = set()
        pairs = set()
        for link in gold["links"]:
            (ka, ia), (kb, ib) = link["a"], link["b"]
            if link["kind"] not in ("sure", "possible"):
                errors.append(f"bad kind {link}")
            if ka == kb or ka not in keys or kb not in keys:
                errors.append(f"bad keys {link}")
                continue
            pair = (ka, ia, kb, ib) if ka < kb else (kb, ib, ka, ia)
            if pair in seen:
                errors.append(f"duplicate {link}")
            seen.add(pair)
            pairs.add(frozenset((ka, kb)))
            for key, i in ((ka, ia), (kb, ib)):
                paragraphs = found[key].article.paragraphs if key in found else []
                if not 0 <= i < len(paragraphs):
                    errors.append(f"index out of range {key} {i}")
                elif paragraphs[i].role in UNLINKED:
                    errors.append(f"{key} {i} has role {paragraphs[i].role}")
        expected = len(keys) * (len(keys) - 1) // 2
        if len(pairs) != expected:
            errors.append(f"links cover {len(pairs)} of {expected} article pairs")
        sure = sum(1 for link in gold["links"] if link["kind"] == "sure")
        status = "ok" if not errors else f"{len(errors)} problems"
        print(
            f"{path.name}: {gold['split']} {len(keys)} articles, sure {sure}, "
            f"possible {len(gold['links']) - sure}: {status}"
        )
        for error in errors:
            print("   ", error)
        problems += len(errors)
    return problems


def main(argv: list[str]) -> None:
    if argv[0] == "--check":
        sys.exit(1 if validate() else 0)
    dataset = argv[0]
    events = defaultdict(list)
    for e in eventdata.load(dataset):
        events[e.event].append(e.article)
    if len(argv) == 1 or argv[1] == "--list":
        for event, arts in sorted(events.items()):
            sizes = " ".join(f"{a.outlet[:8]}:{len(a.paragraphs)}" for a in arts)
            print(event, arts[0].date[:10], sizes, "|", arts[0].title[:70])
        return
    keys = set(argv[2:])
    for a in events[argv[1]]:
        if keys and a.id not in keys:
            continue
        print(f"=== {a.id}  {a.outlet}  {a.date}  paragraphs={len(a.paragraphs)} check={check(a)}")
        for p in a.paragraphs:
            body = textwrap.fill(p.text, 110, initial_indent="", subsequent_indent="      ")
            print(f"[{p.index:2}] {p.role[:4]} {body}")
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
