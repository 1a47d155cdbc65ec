"""A text cursor: a modal, vi-like way to select a passage and label it.

Three modes. *read*: the reader's scrolling keys. *cursor* (``v``): a caret moved by word,
sentence, paragraph, character and line; a label key labels the word under it. *select*
(``v`` again): the caret extends a selection from where ``v`` was pressed; a label key
labels the selection. ``escape`` goes back one mode. The view posts what was asked
(``AnnotateSpan``, ``EditAnnotation``, ``DeleteAnnotation``) and a status line: it never
writes an annotation itself.

The mixin knows nothing of rows or columns: a view (the article view, the story split view)
gives it the paragraphs' texts and answers a few questions (``caret_start``,
``caret_on_row``, ``show_caret``, ``caret_paragraph``, ``caret_article``, ``restyle``,
``mark_at``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content

from tui.annotation_messages import (
    AnnotateSpan,
    CursorStatus,
    DeleteAnnotation,
    EditAnnotation,
)
from tui.labels import BUILT_IN, LabelKey
from tui.selection import (
    Caret,
    clamp,
    first_caret,
    paragraph_start,
    seek,
    selected,
    sentence_starts,
    step_char,
    word_ends,
    word_starts,
)
from tui.widgets.annotation_status import cursor_status, select_status

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView

    from index.annotations import Annotation

    _Base = ScrollView
else:
    _Base = object


CURSOR_KEYS_HELP = """Move it by word
(`w` `b` `e`), sentence (`(` `)`), paragraph (`{` `}`), character (`h` `l`) or line
(`j` `k`). `v` again starts a selection there, and the same keys extend it. A label key
labels the selection, or the word under the cursor when nothing is selected: `p` person,
`o` organisation, `g` place, `c` claim, `n` note (asks for its text), `1`-`9` your own
labels (`[annotation] labels` in the config). On one of your annotations, `r` edits it and
`x` deletes it; `A` proposes it on the other outlets' aligned paragraphs. `escape` drops
the selection, then the cursor. The line above the text says the mode and the keys.
"""
CURSOR_HELP = (
    """
### Annotating

`v` puts a text cursor on the first line in view (or the search hit). """
    + CURSOR_KEYS_HELP
)


class Mode(StrEnum):
    READ = "read"
    CURSOR = "cursor"
    SELECT = "select"


def _label_binding(key: LabelKey) -> Binding:
    name = "Org" if key.label == "organisation" else key.label.title()
    return Binding(key.key, f"label('{key.key}')", name, id=f"label_{key.label}")


#: Listed before the reading keys: in the cursor modes these win, in read mode they step aside.
CURSOR_BINDINGS = [
    Binding("v", "cursor_start", "Annotate", id="cursor_start"),
    Binding("v", "select_start", "Select", id="select_start"),
    Binding("escape", "cursor_leave", "Done", id="cursor_leave"),
    Binding("w", "word(1)", "Word", show=False, id="cursor_word_forward"),
    Binding("b", "word(-1)", "Word back", show=False, id="cursor_word_back"),
    Binding("e", "word_end", "Word end", show=False, id="cursor_word_end"),
    Binding("right_parenthesis", "sentence(1)", "Sentence", show=False, id="cursor_sentence"),
    Binding(
        "left_parenthesis", "sentence(-1)", "Sentence back", show=False, id="cursor_sentence_back"
    ),
    Binding("right_curly_bracket", "paragraph(1)", "Paragraph", show=False, id="cursor_paragraph"),
    Binding(
        "left_curly_bracket",
        "paragraph(-1)",
        "Paragraph back",
        show=False,
        id="cursor_paragraph_back",
    ),
    Binding("l,right", "char(1)", "Right", show=False, id="cursor_right"),
    Binding("h,left", "char(-1)", "Left", show=False, id="cursor_left"),
    Binding("j,down", "line(1)", "Line down", show=False, id="cursor_down"),
    Binding("k,up", "line(-1)", "Line up", show=False, id="cursor_up"),
    *(_label_binding(k) for k in BUILT_IN),
    *(
        Binding(str(n), f"label('{n}')", f"Label {n}", show=False, id=f"label_user_{n}")
        for n in range(1, 10)
    ),
    Binding("r", "cursor_edit", "Edit", show=False, id="cursor_edit"),
    Binding("x", "cursor_delete", "Delete", show=False, id="cursor_delete"),
]
_READ_ONLY = {"cursor_start"}
_CURSOR_ONLY = {"cursor_edit", "cursor_delete"}
_CURSOR_ACTIONS = {b.action.partition("(")[0] for b in CURSOR_BINDINGS}


class TextCursor(_Base):
    """Mixin for a view of paragraphs: the modes, the caret and the selection, and their keys.

    ``texts`` are the paragraphs the caret moves over (a caret's ``para`` is a position in
    it); the view says where the caret starts, what is a row up or down, and shows it."""

    if TYPE_CHECKING:
        texts: list[str]

        def restyle(self, *positions: int) -> None: ...
        def mark_at(self, caret: Caret | None) -> Annotation | None: ...
        def caret_start(self) -> Caret | None: ...
        def caret_on_row(self, caret: Caret, step: int) -> Caret: ...
        def show_caret(self, caret: Caret) -> None: ...
        def caret_paragraph(self, position: int) -> int: ...
        def caret_article(self) -> str: ...

    def init_cursor(self) -> None:
        self.mode = Mode.READ
        self.caret: Caret | None = None
        self.select_from: Caret | None = None
        #: Label keys: the built-in ones, then the user's (1-9), set by the screen.
        self.label_keys: dict[str, LabelKey] = {k.key: k for k in BUILT_IN}

    def set_user_labels(self, keys: tuple[LabelKey, ...]) -> None:
        self.label_keys = {k.key: k for k in (*BUILT_IN, *keys)}

    # -- state ------------------------------------------------------------------------------

    def selection_span(self) -> tuple[int, int, int] | None:
        """The selection as (paragraph position, start, end), only while selecting."""
        if self.mode != Mode.SELECT or self.caret is None:
            return None
        return selected(self.texts, self.select_from, self.caret)

    def cursor_spans(self, position: int) -> tuple[tuple[int, int] | None, int | None]:
        """In the paragraph at ``position``: the selection (start, end) and the caret's
        offset, each None when not there; the view styles them."""
        span = self.selection_span()
        chosen = span[1:] if span and span[0] == position else None
        caret = self.caret
        at = caret.offset if caret and caret.para == position and self.mode != Mode.READ else None
        return chosen, at

    def _set_mode(self, mode: Mode, caret: Caret | None, start: Caret | None = None) -> None:
        touched = {c.para for c in (self.caret, self.select_from, caret, start) if c is not None}
        self.mode, self.caret, self.select_from = mode, caret, start
        self.restyle(*touched)
        self.refresh_bindings()
        if caret is not None:
            self.show_caret(caret)
        self.cursor_moved()

    def move_caret(self, caret: Caret) -> None:
        """Put the caret at ``caret`` in cursor mode (dropping any selection)."""
        self._set_mode(Mode.CURSOR, caret)

    def _move(self, caret: Caret) -> None:
        if self.select_from is not None:
            caret = clamp(self.texts, caret, self.select_from.para)
        self._set_mode(self.mode, caret, self.select_from)

    def cursor_moved(self) -> None:
        """Tell the screen what mode we are in and what the keys do."""
        self.post_message(CursorStatus(self.status()))

    def status(self) -> Content | None:
        if self.mode == Mode.READ or self.caret is None:
            return None
        keys = list(self.label_keys.values())
        if self.mode == Mode.CURSOR:
            return cursor_status(self.mark_at(self.caret), keys)
        span = self.selection_span()
        return select_status(self.texts[span[0]][span[1] : span[2]] if span else "", keys)

    # -- keys -------------------------------------------------------------------------------

    def check_cursor_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in _CURSOR_ACTIONS:
            return True
        if action in _READ_ONLY:
            return self.mode == Mode.READ
        if self.mode == Mode.READ:
            return False
        if action in _CURSOR_ONLY:
            return self.mode == Mode.CURSOR
        if action == "label":
            return str(parameters[0]) in self.label_keys
        return True

    def action_cursor_start(self) -> None:
        caret = self.caret_start() or first_caret(self.texts, 0)
        if caret is None:
            self.notify("This article has no text to annotate.", severity="warning")
            return
        self._set_mode(Mode.CURSOR, caret)

    def action_select_start(self) -> None:
        self._set_mode(Mode.SELECT, self.caret, self.caret)

    def action_cursor_leave(self) -> None:
        if self.mode == Mode.SELECT:
            self._set_mode(Mode.CURSOR, self.caret)
        else:
            self._set_mode(Mode.READ, None)

    def action_word(self, step: int) -> None:
        if self.caret is not None:
            self._move(seek(self.texts, self.caret, word_starts, step > 0))

    def action_word_end(self) -> None:
        if self.caret is not None:
            self._move(seek(self.texts, self.caret, word_ends, True))

    def action_sentence(self, step: int) -> None:
        if self.caret is not None:
            self._move(seek(self.texts, self.caret, sentence_starts, step > 0))

    def action_paragraph(self, step: int) -> None:
        if self.caret is not None:
            self._move(seek(self.texts, self.caret, paragraph_start, step > 0))

    def action_char(self, step: int) -> None:
        if self.caret is not None:
            self._move(step_char(self.texts, self.caret, step))

    def action_line(self, step: int) -> None:
        if self.caret is not None:
            self._move(self.caret_on_row(self.caret, step))

    def action_label(self, key: str) -> None:
        label = self.label_keys.get(key)
        if label is None or self.caret is None:
            return
        span = selected(self.texts, self.select_from, self.caret)
        if span is None:
            self.notify("No word under the cursor: move onto one, or v to select.")
            return
        position, start, end = span
        paragraph = self.caret_paragraph(position)
        exact = self.texts[position][start:end]
        article = self.caret_article()
        self.post_message(AnnotateSpan(article, paragraph, start, end, exact, label))
        if self.mode == Mode.SELECT:
            self._set_mode(Mode.CURSOR, self.caret)

    def action_cursor_edit(self) -> None:
        mark = self.mark_at(self.caret)
        if mark is None:
            self.notify("The cursor is not on an annotation.")
        else:
            self.post_message(EditAnnotation(mark.id))

    def action_cursor_delete(self) -> None:
        mark = self.mark_at(self.caret)
        if mark is None:
            self.notify("The cursor is not on an annotation.")
        else:
            self.post_message(DeleteAnnotation(mark.id))
