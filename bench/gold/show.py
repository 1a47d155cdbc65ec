"""Print the articles of one event with paragraph indices and roles, for writing gold by hand.

    PYTHONPATH=. python bench/gold/show.py seed                # list events of a dataset
    PYTHONPATH=. python bench/gold/show.py basil EVENT [KEY..]  # print one event's articles
    PYTHONPATH=. python bench/gold/show.py basil --list         # events with sizes and years

Text is read from ../shared/data through bench.eventdata; nothing is written.
"""

from __future__ import annotations

import hashlib
import sys
import textwrap
from collections import defaultdict

from bench import eventdata


def check(article) -> str:
    text = "\n".join(p.text for p in article.paragraphs)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def main(argv: list[str]) -> None:
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
