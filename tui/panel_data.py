"""What the entities and claims panels show, read off the UI thread (plain data, no widgets).

A panel covers some articles (``focus``: one article in the reader, the whole story in the
split view) and counts across the whole story (``story``), so an article's panel still says
which other outlets name an entity or carry a claim. Reading is read-only: nothing is
extracted here (spaCy is never loaded by the reader).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.claim_model import Claim
    from index.entity_resolve import Entity
    from index.library import Library


@dataclass(slots=True)
class PanelData:
    """Entities and claims of ``focus`` (article ids), counted over the ``story``."""

    focus: list[str]
    outlets: dict[str, str]  # article id -> outlet, for every article of the story
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)  # the focus articles' claims
    story_claims: list[Claim] = field(default_factory=list)
    error: str = ""

    def carried_by(self, claim: Claim) -> tuple[list[str], list[str]]:
        """The outlets that carry ``claim`` (its cluster) and those of the story that do not."""
        if claim.cluster:
            found = [c.outlet for c in self.story_claims if c.cluster == claim.cluster]
        else:
            found = [claim.outlet]
        carry = sorted(set(found) - {""}, key=str.casefold)
        others = sorted(set(self.outlets.values()) - set(carry) - {""}, key=str.casefold)
        return carry, others

    def cluster_claims(self, claim: Claim) -> list[Claim]:
        """The same claim in every article of the story (itself when it has no cluster)."""
        if not claim.cluster:
            return [claim]
        return [c for c in self.story_claims if c.cluster == claim.cluster]

    def conflicts(self, claim: Claim) -> bool:
        return any(c.conflict for c in self.cluster_claims(claim))


def load_panel_data(library: Library, focus: list[str], story: list[str]) -> PanelData:
    """Read the stored names and claims of ``story`` and keep those of ``focus``."""
    from index.claims import claims_for
    from index.entity_list import entities_for

    story = list(dict.fromkeys([*focus, *story]))
    articles = library.store.get_many(story)
    data = PanelData(list(focus), {a.id: a.outlet for a in articles})
    wanted = set(focus)
    entities = entities_for(library, story)
    data.entities = [e for e in entities if any(m.article in wanted for m in e.mentions)]
    data.story_claims = claims_for(library, story)
    data.claims = [c for c in data.story_claims if c.article in wanted]
    data.claims.sort(key=lambda c: (focus.index(c.article), c.paragraph, c.start))
    return data
