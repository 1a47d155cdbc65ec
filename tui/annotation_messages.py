"""Messages about annotations: what widgets ask for, and what workers found or stored.

Widgets post requests (a span to label, an annotation to edit, delete, show or propose);
the screen (``tui.annotating``) answers them, runs the writes in workers, and the workers
post the results back. Nothing here touches a widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from textual.content import Content

    from index.annotation_store import Changes
    from index.annotations import Annotation
    from index.proposals import Proposal
    from tui.labels import LabelKey


class AnnotateSpan(Message):
    """Label ``start:end`` of an article's paragraph (``exact`` is the text the person saw)."""

    def __init__(
        self, article: str, paragraph: int, start: int, end: int, exact: str, label: LabelKey
    ) -> None:
        super().__init__()
        self.article = article
        self.paragraph, self.start, self.end = paragraph, start, end
        self.exact = exact
        self.label = label


class AnnotationRequest(Message):
    """Something to do with one annotation, by id."""

    def __init__(self, annotation_id: str) -> None:
        super().__init__()
        self.annotation_id = annotation_id


class EditAnnotation(AnnotationRequest):
    """Change the label or note of one's own annotation."""


class DeleteAnnotation(AnnotationRequest):
    """Delete one's own annotation (after a confirmation)."""


class ShowAnnotation(AnnotationRequest):
    """Jump to the annotation in the text."""


class ProposeAnnotation(AnnotationRequest):
    """Propose the same annotation on the other outlets' aligned paragraphs."""


class CursorStatus(Message):
    """The text cursor's mode and keys, for the status line (None: hide it)."""

    def __init__(self, text: Content | None) -> None:
        super().__init__()
        self.text = text


class AnnotationsLoaded(Message):
    """A worker read the article's annotations (all of them, at ``version``)."""

    def __init__(
        self, version: int, annotations: list[Annotation], writable: bool, error: str = ""
    ) -> None:
        super().__init__()
        self.version = version
        self.annotations = annotations
        self.writable = writable
        self.error = error


class AnnotationsChanged(Message):
    """The poll found changes since the version the screen last had."""

    def __init__(self, changes: Changes) -> None:
        super().__init__()
        self.changes = changes


class AnnotationWritten(Message):
    """A write finished: ``done`` says what happened, ``error`` why it failed."""

    def __init__(self, done: str, error: str = "", focus: str = "") -> None:
        super().__init__()
        self.done = done
        self.error = error
        self.focus = focus


class ProposalsFound(Message):
    """The aligned passages where an annotation could go too."""

    def __init__(self, proposals: list[Proposal], error: str = "") -> None:
        super().__init__()
        self.proposals = proposals
        self.error = error
