"""The annotations panel: an article's annotations grouped by label or by user.

Every string in it (quotes, labels, notes, user names) is untrusted and shown inert. The
panel only posts requests (``ShowAnnotation``, ``EditAnnotation``, ``DeleteAnnotation``);
the screen checks who may edit what, and does it.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index.annotations import Annotation
from tui.annotation_messages import DeleteAnnotation, EditAnnotation, ShowAnnotation
from tui.keys import with_ids
from tui.safe import inert

QUOTE_LIMIT = 60


def _entry(annotation: Annotation, by: str, user: str, outlet: str = "") -> Content:
    """One annotation: the quote, then who (by label) or which label (by user), and the note;
    in the story view, the outlet too."""
    exact = annotation.exact.replace("\n", " ")
    if len(exact) > QUOTE_LIMIT:
        exact = exact[: QUOTE_LIMIT - 1] + "…"
    who = "you" if annotation.user == user else annotation.user
    tail = annotation.label if by == "user" else who
    where = ("orphan · " if annotation.orphan else "") + (f"{outlet} · " if outlet else "")
    lines = [Content.assemble(inert(f"“{exact}”"), inert(f" · {where}{tail}", "dim"))]
    if annotation.note:
        lines.append(inert(f"  ✎ {annotation.note}", "italic"))
    return Content("\n").join(lines)


class AnnotationPanel(OptionList, inherit_bindings=False):
    """The list of annotations; hidden until ``a`` opens it."""

    HELP = """
## Annotations

Every annotation of this article (in the story view: of every outlet's article, with its
outlet), by label or by user (`u` switches). Yours are marked `you`; other people's are
shown but only they can change them.

- `enter`: show it in the text · `A`: propose it on the other outlets' aligned paragraphs
- `r`: edit the label and note of yours · `x`: delete yours (asks first)
- `escape` or `a`: close the panel
"""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="annotations_down"),
        Binding("k", "cursor_up", "Up", show=False, id="annotations_up"),
        Binding("r", "edit", "Edit", id="annotation_edit"),
        Binding("x,d", "delete", "Delete", id="annotation_delete"),
        Binding("u", "regroup", "By user", id="annotation_group"),
        Binding("escape", "close", "Close", id="annotation_close"),
        *with_ids(OptionList.BINDINGS, "annotations"),
    ]

    DEFAULT_CSS = """
    AnnotationPanel {
        dock: right; width: 34; max-width: 45%; height: 1fr; margin-bottom: 1;
        border: round $panel-lighten-2; display: none;
    }
    AnnotationPanel:focus { border: round $accent; }
    AnnotationPanel.-open { display: block; }
    AnnotationPanel > .option-list--option { padding: 0 1; }
    """

    grouping: reactive[str] = reactive("label", init=False)

    class Closed(Message):
        """The panel asked to be closed (``escape``)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.annotations: list[Annotation] = []
        self.user = ""
        #: Article id -> outlet, when the panel lists several articles (the story view).
        self.outlets: dict[str, str] = {}

    def show(self, annotations: Sequence[Annotation], user: str) -> None:
        """List these annotations, keeping the highlighted one if it is still there."""
        self.annotations, self.user = list(annotations), user
        self._rebuild()

    def highlighted_id(self) -> str | None:
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    def _rebuild(self) -> None:
        keep = self.highlighted_id()
        key = (lambda a: a.label) if self.grouping == "label" else (lambda a: a.user)
        groups: dict[str, list[Annotation]] = {}
        for annotation in self.annotations:
            groups.setdefault(key(annotation), []).append(annotation)
        options: list[Option] = []
        for name in sorted(groups, key=str.casefold):
            found = groups[name]
            heading = "you" if self.grouping == "user" and name == self.user else name
            options.append(Option(inert(f"{heading} ({len(found)})", "bold"), disabled=True))
            options += [
                Option(
                    _entry(a, self.grouping, self.user, self.outlets.get(a.article, "")), id=a.id
                )
                for a in found
            ]
        if not options:
            hint = inert("None yet: v in the text, then a label key.", "dim")
            options.append(Option(hint, disabled=True))
        self.set_options(options)
        count = len(self.annotations)
        self.border_title = f"Annotations ({count}) by {self.grouping}"
        self.border_subtitle = "u: by label" if self.grouping == "user" else "u: by user"
        ids = [o.id for o in options]
        if keep is not None and keep in ids:
            self.highlighted = ids.index(keep)
        elif any(ids):
            self.highlighted = next(n for n, i in enumerate(ids) if i)

    def watch_grouping(self) -> None:
        self._rebuild()

    def action_regroup(self) -> None:
        self.grouping = "user" if self.grouping == "label" else "label"

    def _post(self, make: type[ShowAnnotation | EditAnnotation | DeleteAnnotation]) -> None:
        annotation_id = self.highlighted_id()
        if annotation_id:
            self.post_message(make(annotation_id))
        else:
            self.notify("No annotation here yet: v in the text to make one.")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._post(ShowAnnotation)

    def action_edit(self) -> None:
        self._post(EditAnnotation)

    def action_delete(self) -> None:
        self._post(DeleteAnnotation)

    def action_close(self) -> None:
        self.post_message(self.Closed())
