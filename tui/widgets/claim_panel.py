"""The claims panel: claims with their speakers, which outlets carry each and which do not,
conflicts marked; ``w`` swaps the list for the "who is quoted" table.

Claims, speakers and outlets are untrusted and shown inert (the table gets Rich ``Text`` cells,
never strings, which ``DataTable`` would read as markup). The panel only posts messages.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, OptionList
from textual.widgets.option_list import Option

from index.claim_model import NUMBER, QUOTE, Claim
from index.claims import who_is_quoted
from tui.keys import with_ids
from tui.panel_data import PanelData
from tui.safe import inert, inert_text

TEXT_LIMIT = 90
SPEAKER_LIMIT = 18
KIND_TAGS = {QUOTE: "“”", NUMBER: "#"}


def claim_entry(claim: Claim, data: PanelData) -> Content:
    """The claim, its speaker, the outlets carrying it and not, and a conflict if any."""
    text = " ".join(claim.text.split())
    if len(text) > TEXT_LIMIT:
        text = text[: TEXT_LIMIT - 1] + "…"
    tag = KIND_TAGS.get(claim.kind, "»")
    lines = [Content.assemble(inert(f"{tag} ", "dim"), inert(text))]
    if claim.speaker:
        lines.append(inert(f"  — {claim.speaker}", "italic"))
    carry, others = data.carried_by(claim)
    where = f"  in {', '.join(carry) or '?'}"
    if others:
        where += f" · not in {', '.join(others)}"
    lines.append(inert(where, "dim"))
    conflicts = [c.conflict for c in data.cluster_claims(claim) if c.conflict]
    if conflicts:
        lines.append(inert(f"  ⚠ conflict: {conflicts[0]}", "bold $warning"))
    elif claim.differences:
        lines.append(inert(f"  ≠ {', '.join(claim.differences)}", "dim"))
    return Content("\n").join(lines)


class ClaimList(OptionList, inherit_bindings=False):
    """The claims, one option each."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="claims_down"),
        Binding("k", "cursor_up", "Up", show=False, id="claims_up"),
        *with_ids(OptionList.BINDINGS, "claims"),
    ]


def _short(speaker: str) -> str:
    speaker = " ".join(speaker.split())
    return speaker if len(speaker) <= SPEAKER_LIMIT else speaker[: SPEAKER_LIMIT - 1] + "…"


class QuotedTable(DataTable[Text], inherit_bindings=False):
    """Speakers by outlet, with counts."""

    BINDINGS = with_ids(DataTable.BINDINGS, "quoted")


class ClaimPanel(Vertical, inherit_bindings=False):
    """The claims list or the who-is-quoted table; hidden until ``c`` opens it."""

    HELP = """
## Claims

The claims of this article (or story): quotes `“”`, statements `»` and numbers `#`, each
with its speaker, the outlets that carry it and those that do not, and `⚠` where outlets
conflict (`≠` lists how the wording differs).

- `enter`: show the claim in the text (in the story, in every outlet's column)
- `w`: who is quoted, speakers by outlet · `escape` or `c`: close the panel
"""

    BINDINGS = [
        Binding("w", "who", "Who is quoted", id="claims_who"),
        Binding("escape", "close", "Close", id="claims_close"),
    ]

    DEFAULT_CSS = """
    ClaimPanel {
        dock: right; width: 38; max-width: 50%; height: 1fr; margin-bottom: 1;
        border: round $panel-lighten-2; display: none;
    }
    ClaimPanel:focus-within { border: round $accent; }
    ClaimPanel.-open { display: block; }
    ClaimPanel.-who { width: 56; max-width: 75%; }
    ClaimPanel > ClaimList, ClaimPanel > ClaimList:focus { border: none; height: 1fr; }
    ClaimPanel > ClaimList > .option-list--option { padding: 0 1; }
    ClaimPanel > QuotedTable { height: 1fr; display: none; }
    ClaimPanel.-who > QuotedTable { display: block; }
    ClaimPanel.-who > ClaimList { display: none; }
    """

    class Closed(Message):
        """The panel asked to be closed (``escape``)."""

    class Chosen(Message):
        """``enter`` on a claim: show it."""

        def __init__(self, claim: Claim) -> None:
            super().__init__()
            self.claim = claim

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.loaded = False
        self.claims: dict[str, Claim] = {}
        self.border_title = "Claims"

    def compose(self) -> ComposeResult:
        yield ClaimList()
        yield QuotedTable(cursor_type="row", zebra_stripes=True)

    def focus(self, scroll_visible: bool = True) -> ClaimPanel:
        shown = QuotedTable if self.has_class("-who") else ClaimList
        self.query_one(shown).focus(scroll_visible)
        return self

    def on_mount(self) -> None:
        if not self.loaded:
            reading = Option(inert("Reading the claims…", "dim"), disabled=True)
            self.query_one(ClaimList).set_options([reading])

    def show(self, data: PanelData, note: str = "") -> None:
        """List the claims of ``data`` and fill the who-is-quoted table from the story."""
        self.loaded = True
        self.claims = {c.id: c for c in data.claims}
        options = [Option(claim_entry(c, data), id=c.id) for c in data.claims]
        if not options:
            options = [Option(inert(note or "No claims found here.", "dim"), disabled=True)]
        claims = self.query_one(ClaimList)
        claims.set_options(options)
        if data.claims:
            claims.highlighted = 0
        self.border_title = f"Claims ({len(data.claims)})"
        self.border_subtitle = "enter: show · w: who"
        self._fill_table(data)

    def _fill_table(self, data: PanelData) -> None:
        table = who_is_quoted(data.story_claims)
        outlets = sorted({o for counts in table.values() for o in counts}, key=str.casefold)
        grid = self.query_one(QuotedTable)
        grid.clear(columns=True)
        grid.add_columns(inert_text("Speaker", "bold"), *(inert_text(o, "bold") for o in outlets))
        for speaker, counts in table.items():
            cells = [inert_text(str(counts[o]) if o in counts else "·") for o in outlets]
            grid.add_row(inert_text(_short(speaker)), *cells)

    def action_who(self) -> None:
        self.toggle_class("-who")
        self.border_title = (
            "Who is quoted" if self.has_class("-who") else f"Claims ({len(self.claims)})"
        )
        self.border_subtitle = "w: claims" if self.has_class("-who") else "enter: show · w: who"
        self.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        claim = self.claims.get(event.option.id or "")
        if claim is not None:
            self.post_message(self.Chosen(claim))

    def action_close(self) -> None:
        self.post_message(self.Closed())
