"""Proposals one by one: the other outlet's paragraph with the passage marked, ``y`` or ``n``.

Dismissed with the accepted proposals when the last is answered, or early with ``escape``
(the ones accepted so far are kept; the rest are dropped).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from index.proposals import Proposal
from tui.keys import SCREEN_BINDINGS
from tui.safe import inert


def proposal_text(proposal: Proposal) -> Content:
    """The paragraph, the proposed passage bold and reversed (not by colour alone)."""
    return Content.assemble(
        inert(proposal.text[: proposal.start]),
        inert(proposal.text[proposal.start : proposal.end], "bold reverse"),
        inert(proposal.text[proposal.end :]),
    )


class ProposalReview(ModalScreen[list[Proposal]], inherit_bindings=False):
    """Accept (``y``) or reject (``n``) each proposal in turn."""

    HELP = """
## Proposals

The same annotation, proposed on the paragraphs the other outlets' articles align with this
one. The proposed passage is **bold and reversed**. `y` accepts, `n` rejects, `escape` stops
(keeping what was accepted).
"""

    DEFAULT_CSS = """
    ProposalReview { align: center middle; }
    ProposalReview > Vertical {
        width: 90%; max-width: 100; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ProposalReview #proposal-head { text-style: bold; }
    ProposalReview #proposal-body { height: auto; max-height: 14; }
    ProposalReview .-hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Accept", id="proposal_accept"),
        Binding("n", "answer(False)", "Reject", id="proposal_reject"),
        Binding("escape", "stop", "Stop", id="proposal_stop"),
        *SCREEN_BINDINGS,
    ]

    def __init__(self, proposals: list[Proposal]) -> None:
        super().__init__()
        self.proposals = proposals
        self.accepted: list[Proposal] = []
        self.position = 0

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="proposal-head")
            with VerticalScroll(id="proposal-body"):
                yield Static(id="proposal-text")
            yield Static(inert("y: accept · n: reject · escape: stop"), classes="-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        proposal = self.proposals[self.position]
        head = (
            f"{self.position + 1} of {len(self.proposals)} · {proposal.outlet or '?'}, "
            f"paragraph {proposal.paragraph} · {proposal.label} “{proposal.exact}”"
        )
        self.query_one("#proposal-head", Static).update(inert(head))
        self.query_one("#proposal-text", Static).update(proposal_text(proposal))

    def action_answer(self, accept: bool) -> None:
        if accept:
            self.accepted.append(self.proposals[self.position])
        self.position += 1
        if self.position >= len(self.proposals):
            self.dismiss(self.accepted)
        else:
            self._show()

    def action_stop(self) -> None:
        self.dismiss(self.accepted)
