"""Running the recogniser at full speed on one core: numpy's BLAS, one thread.

The blis wheel that thinc uses is built for generic x86 here, several times slower than
numpy's OpenBLAS at the same matrix products; and OpenBLAS's extra threads only busy-wait
on a shared machine (measured: 7.8 articles per CPU second with them, 14.6 without). Both
changes touch only the recogniser's ops object and the calling thread; results are equal.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any


def use_numpy_products(nlp: Any) -> None:
    """Let every layer of ``nlp``'s components multiply with numpy (idempotent)."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        for node in component.model.walk():
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
