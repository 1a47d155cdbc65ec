"""Annotating in the reader: loading, showing, writing and polling one article's annotations.

``AnnotatingScreen`` is a mixin for the reader and the story split view. It loads the
annotations of the article (of every article of the story) in a worker and hands them down to
the text view (``annotation_view``) and the panel; every write runs in a
worker, since a busy database must not freeze the reader; and every ``poll_seconds`` a
worker asks whether someone else changed the article's annotations, so theirs appear
without a restart. What the view and the panel ask for is answered in
``tui.annotation_requests``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.binding import Binding

from index.annotations import Annotation
from tui.annotation_messages import (
    AnnotationsChanged,
    AnnotationsLoaded,
    AnnotationWritten,
    CursorStatus,
)
from tui.annotation_requests import AnnotationRequests, AnnotationView
from tui.annotation_session import AnnotationSession
from tui.config import Config
from tui.labels import LabelKey, user_labels
from tui.widgets.annotation_panel import AnnotationPanel
from tui.widgets.annotation_status import AnnotationStatus

if TYPE_CHECKING:
    from textual.widget import Widget

    from index.annotation_store import AnnotationStore

ANNOTATION_BINDINGS = [
    Binding("a", "annotations_panel", "Annotations", id="annotations_panel"),
    Binding("A", "propose_annotation", "Propose", show=False, id="propose_annotation"),
]
STORE_ERRORS = (sqlite3.Error, OSError, ValueError, KeyError, RuntimeError)


class AnnotatingScreen(AnnotationRequests):
    """Mixin for a screen with a text view (``annotation_view``), an ``AnnotationPanel`` and
    an ``AnnotationStatus``: call ``start_annotating`` once they are mounted (the view may
    come later: then call ``annotation_view_ready``)."""

    annotation_session: AnnotationSession | None = None
    #: The articles' annotations by id, at ``annotations_version`` (-1: not loaded yet).
    annotations: dict[str, Annotation]
    annotations_version = -1
    label_keys: tuple[LabelKey, ...] = ()

    def annotation_view(self) -> AnnotationView | None:
        """The view showing the text (None while it is not there yet)."""
        raise NotImplementedError

    def start_annotating(
        self, library_path: Path, article_id: str, others: Sequence[str] = ()
    ) -> None:
        """Annotate ``article_id`` (and ``others``, the rest of its story in the split view)."""
        config = getattr(self.app, "config", None) or Config()
        self.annotation_session = AnnotationSession(library_path, article_id, others=others)
        self.annotations = {}
        self.label_keys = user_labels(config.labels)
        self.annotation_view_ready()
        self._load_annotations()
        self.set_interval(config.poll_seconds, self._poll_annotations, name="annotation-poll")

    def annotation_view_ready(self) -> None:
        """Give the view the label keys and the annotations read so far."""
        view = self.annotation_view()
        if view is not None:
            view.set_user_labels(self.label_keys)
            if self.annotations_version >= 0:
                self._show_annotations()

    def on_unmount(self) -> None:
        if self.annotation_session is not None:  # a worker may be using it: close off-thread
            threading.Thread(target=self.annotation_session.close, daemon=True).start()

    # -- reading ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="annotation-load", exit_on_error=False)
    def _load_annotations(self) -> None:
        session = self.annotation_session
        assert session is not None
        try:
            version, found = session.load()
        except STORE_ERRORS as error:
            self.post_message(AnnotationsLoaded(0, [], False, str(error)))
            return
        self.post_message(AnnotationsLoaded(version, found, session.writable))

    def _poll_annotations(self) -> None:
        if self.annotations_version >= 0:
            self._poll_worker(self.annotations_version)

    @work(thread=True, exclusive=True, group="annotation-poll", exit_on_error=False)
    def _poll_worker(self, since: int) -> None:
        assert self.annotation_session is not None
        try:
            changes = self.annotation_session.poll(since)
        except STORE_ERRORS:
            return  # the next poll tries again
        if changes is not None:
            self.post_message(AnnotationsChanged(changes))

    def on_annotations_loaded(self, message: AnnotationsLoaded) -> None:
        if message.error:
            self.notify(f"Annotations could not be read: {message.error}", markup=False)
        self.annotations = {a.id: a for a in message.annotations}
        self.annotations_version = message.version
        self._show_annotations()

    def on_annotations_changed(self, message: AnnotationsChanged) -> None:
        changes = message.changes
        if changes.version <= self.annotations_version:
            return  # an older poll, overtaken by a newer one
        for annotation in changes.changed:
            self.annotations[annotation.id] = annotation
        for annotation_id in changes.deleted:
            self.annotations.pop(annotation_id, None)
        self.annotations_version = changes.version
        self._show_annotations()

    def _show_annotations(self) -> None:
        session = self.annotation_session
        order = {a: n for n, a in enumerate(session.article_ids)} if session else {}
        ordered = sorted(
            self.annotations.values(),
            key=lambda a: (
                order.get(a.article, 0),
                a.paragraph is None,
                a.paragraph or 0,
                a.start or 0,
                a.created,
                a.id,
            ),
        )
        view = self.annotation_view()
        if view is not None:
            view.show_annotations(ordered)
        self.query_one(AnnotationPanel).show(ordered, session.user if session else "")
        self.refresh_bindings()

    # -- writing ----------------------------------------------------------------------------

    def write_annotations(self, change: Callable[[AnnotationStore], object], done: str) -> None:
        """Run ``change`` on the store in a worker; ``done`` is said when it worked."""
        session = self.annotation_session
        if session is None:
            return
        if self.annotations_version < 0:
            self.notify("The annotations are still loading; try again in a moment.")
        elif not session.writable:
            self.notify("This library is read-only for you: annotations cannot be saved.")
        else:
            self._write_worker(change, done, self.annotations_version)

    @work(thread=True, group="annotation-write", exit_on_error=False)
    def _write_worker(
        self, change: Callable[[AnnotationStore], object], done: str, since: int
    ) -> None:
        session = self.annotation_session
        assert session is not None
        try:
            result = session.run(change)
            changes = session.changes(since)
        except STORE_ERRORS as error:  # PermissionError is an OSError
            self.post_message(AnnotationWritten(done, str(error)))
            return
        self.post_message(AnnotationsChanged(changes))
        focus = result.id if isinstance(result, Annotation) else ""
        self.post_message(AnnotationWritten(done, focus=focus))

    def on_annotation_written(self, message: AnnotationWritten) -> None:
        if message.error:
            self.notify(f"Not saved: {message.error}", severity="error", markup=False)
            return
        self.notify(message.done, markup=False, timeout=3)
        view = self.annotation_view()
        if message.focus in self.annotations and view is not None:
            view.focus_mark(self.annotations[message.focus])

    # -- the status line and the panel ------------------------------------------------------

    def on_cursor_status(self, message: CursorStatus) -> None:
        self.query_one(AnnotationStatus).show(message.text)

    def on_annotation_panel_closed(self) -> None:
        self.query_one(AnnotationPanel).remove_class("-open")
        view = self.annotation_view()
        if view is not None:
            view.focus()

    if TYPE_CHECKING:  # from PanelScreen, which every annotating screen also is

        def open_panel(self, panel: Widget) -> None: ...

    def action_annotations_panel(self) -> None:
        """Open the annotations panel and go to it (closing the other panels); from the
        panel, close it."""
        self.open_panel(self.query_one(AnnotationPanel))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "propose_annotation":
            return True if getattr(self, "annotations", None) else None
        if action == "annotations_panel":
            return self.annotation_session is not None
        return super().check_action(action, parameters)
