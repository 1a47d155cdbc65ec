"""The text cursor's status line: the mode, what is under the caret, what the keys do.

Quotes, labels and user names are untrusted: they are made inert here.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from index.annotations import Annotation
from tui.labels import BUILT_IN, LabelKey, keys_help
from tui.safe import inert


class AnnotationStatus(Static):
    """Hidden while reading; one or two lines while the text cursor is on."""

    DEFAULT_CSS = """
    AnnotationStatus {
        height: auto; max-height: 2; padding: 0 1; display: none;
        background: $boost; color: $text;
    }
    AnnotationStatus.-on { display: block; }
    """

    def show(self, text: Content | None) -> None:
        """Show ``text`` (built inert by the caller), or hide the line when None."""
        if text is None:
            self.remove_class("-on")
        else:
            self.update(text)
            self.add_class("-on")


def quoted(text: str, limit: int = 40) -> Content:
    """``“text”`` in italics, shortened to ``limit`` characters."""
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return inert(f"“{short}”", "italic")


def _labels(keys: Sequence[LabelKey]) -> Content:
    built_in = " ".join(k.key for k in BUILT_IN)
    own = keys_help([k for k in keys if k not in BUILT_IN])
    return inert(f"{built_in}{' · ' + own if own else ''}")


def select_status(chosen: str, keys: Sequence[LabelKey]) -> Content:
    """Selecting: the text chosen so far and the label keys."""
    return Content.assemble(
        Content.styled("SELECT", "bold reverse"),
        Content(" "),
        quoted(chosen),
        Content(" · label it: "),
        _labels(keys),
        Content(" · v: start here · esc: cursor"),
    )


def cursor_status(mark: Annotation | None, keys: Sequence[LabelKey]) -> Content:
    """The cursor: the annotation under it, if any, and the keys."""
    parts = [Content.styled("CURSOR", "bold reverse"), Content(" ")]
    if mark is not None:
        parts += [inert(f"on {mark.label} by {mark.user} "), quoted(mark.exact)]
        parts.append(Content(" · r: edit · x: delete · A: propose · "))
    parts.append(Content("move: w b e ( ) { } h l j k · v: select · label the word: "))
    parts += [_labels(keys), Content(" · esc: done")]
    return Content.assemble(*parts)


def described(mark: Annotation) -> Content:
    """One annotation, jumped to while reading: label, user, quote and note."""
    note = f" · {mark.note}" if mark.note else ""
    return Content.assemble(
        inert(f"{mark.label} by {mark.user} "), quoted(mark.exact), inert(note), Content(" · ] [")
    )
