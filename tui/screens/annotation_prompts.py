"""Small dialogs for annotating: the note (and label) to write, and "delete this?"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.keys import SCREEN_BINDINGS, with_ids
from tui.safe import inert

_DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 64; max-width: 100%; height: auto; padding: 0 1;
    border: round $accent; background: $surface;
}}
{name} Static {{ width: 100%; }}
{name} .-hint {{ color: $text-muted; }}
"""


class PromptInput(Input, inherit_bindings=False):
    """Textual's ``Input`` with an id on every key."""

    BINDINGS = with_ids(Input.BINDINGS, "prompt")


def _quote(text: str, limit: int = 120) -> Content:
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return inert(f"“{short}”", "italic")


class AnnotationPrompt(ModalScreen[tuple[str, str] | None], inherit_bindings=False):
    """Ask for a note, and the label too when editing: returns (label, note) or None."""

    DEFAULT_CSS = _DIALOG_CSS.format(name="AnnotationPrompt")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt_cancel"), *SCREEN_BINDINGS]

    def __init__(self, title: str, exact: str, label: str, note: str, *, edit_label: bool) -> None:
        super().__init__()
        self.title_text, self.exact = title, exact
        self.label, self.note, self.edit_label = label, note, edit_label

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(inert(self.title_text, "bold"))
            yield Static(_quote(self.exact))
            if self.edit_label:
                yield PromptInput(self.label, placeholder="label", id="prompt-label")
            yield PromptInput(self.note, placeholder="note (may be empty)", id="prompt-note")
            yield Static(inert("enter: save · tab: next field · escape: cancel"), classes="-hint")

    def on_mount(self) -> None:
        self.query_one("#prompt-label" if self.edit_label else "#prompt-note", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        label = self.query_one("#prompt-label", Input).value if self.edit_label else self.label
        self.dismiss((label, self.query_one("#prompt-note", Input).value))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDelete(ModalScreen[bool], inherit_bindings=False):
    """``y`` deletes, anything else keeps."""

    DEFAULT_CSS = _DIALOG_CSS.format(name="ConfirmDelete")
    BINDINGS = [
        Binding("y", "answer(True)", "Delete", id="confirm_delete"),
        Binding("n,escape", "answer(False)", "Keep", id="confirm_keep"),
        *SCREEN_BINDINGS,
    ]

    def __init__(self, label: str, exact: str) -> None:
        super().__init__()
        self.label, self.exact = label, exact

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(inert(f"Delete this {self.label}?", "bold"))
            yield Static(_quote(self.exact))
            yield Static(inert("y: delete · n or escape: keep"), classes="-hint")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
