"""Answers to what the article view and the annotations panel ask: label a span (asking for
the note first when the label wants one), edit or delete one's own annotation, show one in
the text, and propose one on the other outlets' aligned paragraphs (``A``).

Only an annotation's user may change it; other people's are refused here, before any write.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from textual import work

from index.anchoring import Quote
from index.annotations import Annotation, Draft
from tui.annotation_messages import (
    AnnotateSpan,
    DeleteAnnotation,
    EditAnnotation,
    ProposalsFound,
    ProposeAnnotation,
    ShowAnnotation,
)
from tui.screens.annotation_prompts import AnnotationPrompt, ConfirmDelete
from tui.screens.proposal_review import ProposalReview
from tui.widgets.annotation_panel import AnnotationPanel

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen

    from index.annotation_store import AnnotationStore
    from index.proposals import Proposal
    from tui.annotation_session import AnnotationSession
    from tui.labels import LabelKey
    from tui.selection import Caret

    _Base = Screen[None]
else:
    _Base = object


class AnnotationView(Protocol):
    """What a screen's text view does for annotating (the article view, the split view)."""

    caret: Caret | None
    focused_mark: str

    def mark_at(self, caret: Caret | None) -> Annotation | None: ...
    def focus_mark(self, mark: Annotation) -> None: ...
    def show_annotations(self, annotations: Sequence[Annotation]) -> None: ...
    def set_user_labels(self, keys: tuple[LabelKey, ...]) -> None: ...
    def focus(self, scroll_visible: bool = True) -> object: ...


NOTHING_TO_PROPOSE = "Nothing to propose: no aligned passage is like it, or it has that label."


class AnnotationRequests(_Base):
    """Mixin for ``AnnotatingScreen``: its request handlers."""

    if TYPE_CHECKING:
        annotation_session: AnnotationSession | None
        annotations: dict[str, Annotation]

        def write_annotations(
            self, change: Callable[[AnnotationStore], object], done: str
        ) -> None: ...
        def annotation_view(self) -> AnnotationView | None: ...

    def _user(self) -> str:
        return self.annotation_session.user if self.annotation_session else ""

    def _own(self, annotation_id: str) -> Annotation | None:
        """The annotation, if it is the user's; else say whose it is."""
        annotation = self.annotations.get(annotation_id)
        if annotation is not None and annotation.user != self._user():
            self.notify(f"Only {annotation.user} can change this annotation.", markup=False)
            return None
        return annotation

    # -- label, edit, delete ----------------------------------------------------------------

    def on_annotate_span(self, message: AnnotateSpan) -> None:
        label, exact = message.label.label, message.exact

        def save(note: str) -> None:
            article_id, user = message.article, self._user()
            self.write_annotations(
                lambda store: store.create(
                    article_id,
                    message.paragraph,
                    message.start,
                    message.end,
                    label=label,
                    note=note,
                    user=user,
                    exact=exact,
                ),
                f"{label}: “{exact}”",
            )

        if not message.label.asks_note:
            save("")
            return

        def noted(answer: tuple[str, str] | None) -> None:
            if answer is not None:
                save(answer[1])

        prompt = AnnotationPrompt(f"A {label} on", exact, label, "", edit_label=False)
        self.app.push_screen(prompt, noted)

    def on_edit_annotation(self, message: EditAnnotation) -> None:
        annotation = self._own(message.annotation_id)
        if annotation is None:
            return
        user = self._user()

        def edited(answer: tuple[str, str] | None) -> None:
            if answer is not None:
                label, note = answer
                self.write_annotations(
                    lambda store: store.edit(annotation.id, user=user, label=label, note=note),
                    f"saved: {label}",
                )

        prompt = AnnotationPrompt(
            "Edit the annotation on",
            annotation.exact,
            annotation.label,
            annotation.note,
            edit_label=True,
        )
        self.app.push_screen(prompt, edited)

    def on_delete_annotation(self, message: DeleteAnnotation) -> None:
        annotation = self._own(message.annotation_id)
        if annotation is None:
            return
        user = self._user()

        def answered(delete: bool | None) -> None:
            if delete:
                self.write_annotations(
                    lambda store: store.delete(annotation.id, user=user),
                    f"deleted: {annotation.label} “{annotation.exact}”",
                )

        self.app.push_screen(ConfirmDelete(annotation.label, annotation.exact), answered)

    def on_show_annotation(self, message: ShowAnnotation) -> None:
        annotation = self.annotations.get(message.annotation_id)
        if annotation is None:
            return
        if annotation.orphan:
            self.notify(
                f"This annotation lost its place when the article changed: “{annotation.exact}”",
                markup=False,
            )
            return
        view = self.annotation_view()
        if view is not None:
            view.focus_mark(annotation)
            view.focus()

    # -- proposals on the aligned paragraphs ---------------------------------------------------

    def action_propose_annotation(self) -> None:
        """Propose the annotation in the panel, under the cursor, or last shown."""
        panel, view = self.query_one(AnnotationPanel), self.annotation_view()
        chosen = panel.highlighted_id() if panel.has_focus else None
        if chosen is None and view is not None:
            mark = view.mark_at(view.caret) if view.caret else None
            chosen = mark.id if mark else view.focused_mark
        if chosen not in self.annotations:
            self.notify("Choose an annotation first: ] in the text, or the panel (a).")
            return
        self.post_message(ProposeAnnotation(chosen))

    def on_propose_annotation(self, message: ProposeAnnotation) -> None:
        annotation = self.annotations.get(message.annotation_id)
        if annotation is not None and not annotation.orphan:
            self.notify("Aligning the story…", timeout=2)
            self._find_proposals(annotation)

    @work(thread=True, exclusive=True, group="annotation-proposals", exit_on_error=False)
    def _find_proposals(self, annotation: Annotation) -> None:
        from index.align import align
        from index.proposals import propose

        session = self.annotation_session
        assert session is not None
        try:
            articles = session.story(annotation.article)
            if len(articles) < 2:
                self.post_message(ProposalsFound([], "No other outlet's article is in this story."))
                return
            proposals = propose(align(articles), annotation)
            there = session.run(
                lambda store: {p.article_id: store.for_article(p.article_id) for p in proposals}
            )
        except (sqlite3.Error, OSError, RuntimeError) as error:
            self.post_message(ProposalsFound([], str(error)))
            return
        fresh = [p for p in proposals if not _already(p, there[p.article_id])]
        self.post_message(ProposalsFound(fresh, "" if fresh else NOTHING_TO_PROPOSE))

    def on_proposals_found(self, message: ProposalsFound) -> None:
        if not message.proposals:
            self.notify(message.error or "Nothing to propose.", markup=False)
            return
        user = self._user()

        def reviewed(accepted: list[Proposal] | None) -> None:
            if not accepted:
                return
            drafts = [_draft(p, user) for p in accepted]
            count = len(drafts)
            self.write_annotations(
                lambda store: store.add(drafts),
                f"{count} proposal{'s' if count != 1 else ''} accepted",
            )

        self.app.push_screen(ProposalReview(message.proposals), reviewed)


def _already(proposal: Proposal, annotations: list[Annotation]) -> bool:
    """The passage already carries this label (anyone's) where it overlaps the proposal."""
    return any(
        a.label == proposal.label
        and a.paragraph == proposal.paragraph
        and (a.start or 0) < proposal.end
        and proposal.start < (a.end or 0)
        for a in annotations
    )


def _draft(proposal: Proposal, user: str) -> Draft:
    """An accepted proposal as an annotation to store (its quote guards the offsets)."""
    return Draft(
        proposal.article_id,
        proposal.label,
        proposal.note,
        user,
        proposal.paragraph,
        proposal.start,
        proposal.end,
        quote=Quote(proposal.exact),
    )
