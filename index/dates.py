"""Dates from datelines and metadata, as ISO strings."""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501

#: "July 28 (UPI) --", "WASHINGTON, July 28 (Reuters) -", "July 28, 2024 (AP) —"
DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z .'-]{1,40},\s*)?" + _MONTH + r"\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?"
    r"\s*(?:\([^)]{1,30}\)\s*)?(?:--|—|–|-)",
)

#: "July 28, 2024" or "28 July 2024" anywhere.
FULL_DATE = re.compile(
    _MONTH + r"\s+(?P<day>\d{1,2}),\s*(?P<year>(?:19|20)\d{2})\b"
    r"|\b(?P<day2>\d{1,2})\s+"
    + _MONTH.replace("month", "month2")
    + r"\s+(?P<year2>(?:19|20)\d{2})\b"
)

ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")


def _iso(year: int | None, month: int, day: int) -> str:
    try:
        if year is None:
            date(2000, month, day)  # validate (2000 is a leap year)
            return f"--{month:02d}-{day:02d}"
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def date_from_text(paragraphs: list[str]) -> str:
    """The publication date a text states: a dateline first, else a full date near the top.

    A dateline without a year borrows the year of a full date in the text; without one it
    stays partial (ISO 8601 ``--MM-DD``), never invented.
    """
    head = paragraphs[:6]
    full = None
    for text in head:
        found = FULL_DATE.search(text)
        if found:
            full = found
            break
    for text in paragraphs[:8]:
        match = DATELINE.match(text.strip())
        if match:
            month = _MONTHS[match.group("month").lower().rstrip(".")]
            year = int(match.group("year")) if match.group("year") else None
            if year is None and full is not None:
                year = int(full.group("year") or full.group("year2"))
            return _iso(year, month, int(match.group("day")))
    if full is not None:
        month_name = (full.group("month") or full.group("month2")).lower().rstrip(".")
        return _iso(
            int(full.group("year") or full.group("year2")),
            _MONTHS[month_name],
            int(full.group("day") or full.group("day2")),
        )
    return ""


def normalize_date(value: object) -> str:
    """Any metadata date (ISO text, datetime, '2024/07/28', 'July 28, 2024') as ISO, or ''."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat()
            if value.time() == datetime.min.time()
            else (value.isoformat(timespec="minutes"))
        )
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = ISO_DATE.search(text.replace("/", "-"))
    if match:
        return _iso(int(match["year"]), int(match["month"]), int(match["day"]))
    return date_from_text([text]) or ""
