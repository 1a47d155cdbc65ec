"""The fixed query mix, written once for Parallax and once in FTS5 MATCH syntax.

Plain FTS5 terms are limited to the title and body columns (``{title body}:``), the columns
Parallax searches by default; field queries name their column. Term frequencies in the
comments are documents of the ~31k corpus containing the word.
"""

from __future__ import annotations

from dataclasses import dataclass

_TEXT = "{title body}"


@dataclass(frozen=True, slots=True)
class Query:
    """One query: a label for the table, its kind, and the two spellings."""

    kind: str
    parallax: str
    fts5: str
    fts5_where: str = ""

    @property
    def label(self) -> str:
        return self.parallax


def _text(expression: str) -> str:
    return f"{_TEXT} : ({expression})"


QUERIES: tuple[Query, ...] = (
    Query("rare", "iphone", _text("iphone")),  # 7
    Query("rare", "sorghum", _text("sorghum")),  # 59
    Query("rare", "bundesbank", _text("bundesbank")),  # 149
    Query("rare", "chelsea", _text("chelsea")),  # 111
    Query("common", "said", _text("said")),  # 19,665
    Query("common", "market", _text("market")),  # 3,578
    Query("common", "dollar", _text("dollar")),  # 1,312
    Query("words", "trade deficit japan", _text("trade deficit japan")),
    Query("AND", "oil AND prices", _text("oil AND prices")),
    Query("OR", "wheat OR corn", _text("wheat OR corn")),
    Query("NOT", "oil NOT opec", _text("oil NOT opec")),
    Query("phrase", '"interest rates"', _text('"interest rates"')),
    Query("phrase", '"prime minister"', _text('"prime minister"')),
    Query("prefix", "econom*", _text("econom*")),
    Query("prefix", "elect*", _text("elect*")),
    Query("field", "title:bank", "title : bank"),
    Query("field", "outlet:reuters", "outlet : reuters"),
    Query("field", "outlet:bbc election", "outlet : bbc AND {title body} : election"),
    Query(
        "mixed",
        'title:merger "stock exchange"',
        'title : merger AND {title body} : "stock exchange"',
    ),
    Query(
        "date",
        "oil date:[19870301 to 19870331]",
        _text("oil"),
        "date BETWEEN '1987-03-01' AND '1987-03-31'",
    ),
)
