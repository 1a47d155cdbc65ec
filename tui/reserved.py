"""Keys kept for features still to come, shown greyed out in the footer until they land."""

from __future__ import annotations

from textual.binding import Binding

STORY_BINDING = Binding("s", "story_view", "Story", id="story_view")

RESERVED_BINDINGS = [
    Binding("e", "reserved('entities')", "Entities", id="entities_panel"),
    Binding("c", "reserved('claims')", "Claims", id="claims_panel"),
]


class ReservedKeys:
    """Mixin for screens: the reserved keys do nothing and are greyed out."""

    def action_reserved(self, feature: str) -> None:
        """Keys kept for features still to come."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "reserved" else True
