"""Paragraph roles: headline, dek, byline, caption, boilerplate and body.

Rules are small and explicit, tuned on the seeds and on real pages; each rule looks at one
paragraph plus its position, so a wrong guess never hides text (roles only dim and rank).
"""

from __future__ import annotations

import re

from index.model import Role

_WORD = re.compile(r"\w+")

BYLINE = re.compile(
    r"^(?:author|written by|reporting by|by)\s*:?\s+"
    r"(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|de|van|von|al|bin))*)\s*"
    r"(?:[,|–—-].{0,60})?$",
    re.IGNORECASE,
)

_CAPTION = re.compile(
    r"\((?:photo|image|picture|file photo)s?\b[^)]*\)|\bphoto courtesy of\b|\bphoto(?:graph)?"
    r"\s*(?:by|:|credit)|\((?:AFP|Reuters|AP|EPA|Getty Images|Xinhua)(?:/[^)]*)?\)\s*$"
    r"|\bGetty Images\b|\bfile photo\b|\((?:\d(?:st|nd|rd|th)\s+)?[LR]\)",
    re.IGNORECASE,
)

_SHARE = re.compile(
    r"^(?:share (?:this|on)|share$|follow us|subscribe|sign up|newsletter|advertisement|"
    r"related(?: articles| stories)?:?$|read more:?$|read more\b.{0,80}$|click here|"
    r"all rights reserved|copyright|©|download (?:the|our) app|comments?$|print$|email$)",
    re.IGNORECASE,
)

_ALTERNATE_ADDRESS = re.compile(
    r"(?:alternate|alternative|mirror) (?:addresses|address|sites?|domains?)|"
    r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$",
    re.IGNORECASE,
)

_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s+(?:is|was)\s+(?:a|an|the)\s+[^.]{0,80}?"
    r"(?:editor|reporter|correspondent|writer|journalist|columnist|contributor|author|"
    r"producer|fellow|analyst)\b|\bfollow (?:him|her|them) on (?:twitter|x|bluesky|facebook)",
    re.IGNORECASE,
)

_CRUMB_SEPARATOR = re.compile(r"\s+[/>›»|]\s+")

#: A lone paragraph that looks like a headline is the body when it has this many words.
LONE_BODY_MIN_WORDS = 8


def word_count(text: str) -> int:
    """Number of words in ``text``."""
    return len(_WORD.findall(text))


def is_navigation(text: str) -> bool:
    """Crumbs like ``News / Military / More`` or ``Home > World``."""
    parts = _CRUMB_SEPARATOR.split(text.strip())
    return len(parts) >= 2 and all(0 < word_count(p) <= 3 for p in parts)


def is_boilerplate(text: str) -> bool:
    """Navigation, share prompts, lone widget labels, alternate addresses and author bios."""
    stripped = text.strip()
    if len(stripped) <= 2 and not stripped.isdigit():
        return True  # a lone "X" close button, a bullet
    if is_navigation(stripped) or _SHARE.search(stripped):
        return True
    if _ALTERNATE_ADDRESS.search(stripped) and word_count(stripped) <= 14:
        return True
    return bool(_BIO.search(stripped)) and word_count(stripped) <= 60


def byline_author(text: str) -> str:
    """The author named by a byline paragraph, or ''."""
    stripped = text.strip()
    if word_count(stripped) > 12:
        return ""
    match = BYLINE.match(stripped)
    return match.group("name").strip() if match else ""


def is_caption(text: str) -> bool:
    """Photo captions and credits."""
    return bool(_CAPTION.search(text))


def looks_like_headline(text: str) -> bool:
    """Short, one line, not a finished sentence with a dateline."""
    words = word_count(text)
    return 0 < words <= 30 and "\n" not in text and not text.rstrip().endswith((":", ";"))


def _is_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", '."', ".”", "?”", '?"', "!”"))


def assign_roles(
    paragraphs: list[str], *, has_title: bool, preset: dict[int, Role] | None = None
) -> list[Role]:
    """Give each paragraph a role.

    ``has_title`` says the title came from metadata, so no paragraph needs to be the
    headline unless it repeats the title. ``preset`` roles from the format win.
    """
    preset = preset or {}
    roles: list[Role] = []
    headline_at: int | None = None
    body_seen = False
    for i, text in enumerate(paragraphs):
        if i in preset:
            role = preset[i]
        elif is_boilerplate(text):
            role = Role.BOILERPLATE
        elif byline_author(text):
            role = Role.BYLINE
        elif is_caption(text):
            role = Role.CAPTION
        elif headline_at is None and not body_seen and not has_title and looks_like_headline(text):
            role = Role.HEADLINE
        elif (
            headline_at is not None
            and not body_seen
            and i == _next_content(roles, headline_at)
            and word_count(text) <= 45
            and not _is_sentence(text)
        ):
            role = Role.DEK
        else:
            role = Role.BODY
        if role == Role.HEADLINE:
            headline_at = i
        if role == Role.BODY:
            body_seen = True
        roles.append(role)
    if (
        headline_at is not None
        and headline_at not in preset
        and not any(r in (Role.BODY, Role.DEK) for r in roles)
        and word_count(paragraphs[headline_at]) >= LONE_BODY_MIN_WORDS
    ):
        roles[headline_at] = Role.BODY  # a one-paragraph article, not a bare headline
    _mark_trailing_widgets(paragraphs, roles)
    return roles


def _next_content(roles: list[Role], after: int) -> int:
    """Index of the first paragraph after ``after`` that is not boilerplate or caption."""
    i = after + 1
    while i < len(roles) and roles[i] in (Role.BOILERPLATE, Role.CAPTION, Role.BYLINE):
        i += 1
    return i


def _mark_trailing_widgets(paragraphs: list[str], roles: list[Role]) -> None:
    """Short non-sentences after the last boilerplate block at the end are boilerplate too.

    Catches app-store and social labels ("Press TV News Roku") that follow a share prompt.
    """
    last_boiler = max((i for i, r in enumerate(roles) if r == Role.BOILERPLATE), default=-1)
    if last_boiler < 0:
        return
    tail = range(last_boiler + 1, len(paragraphs))
    if all(word_count(paragraphs[i]) <= 8 and not _is_sentence(paragraphs[i]) for i in tail):
        for i in tail:
            roles[i] = Role.BOILERPLATE
