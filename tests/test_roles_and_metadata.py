"""Paragraph roles and metadata detection, on the seeds and on small cases."""

from __future__ import annotations

from index.assets import DEMO_DIR
from index.dates import date_from_text, normalize_date
from index.formats.text import parse_text
from index.model import Article, Role
from index.prepare import prepare_article
from index.roles import assign_roles, is_boilerplate, is_caption
from index.signatures import outlet_from_text, outlet_from_url
from index.textclean import normalize_text


def _seed(prefix: str) -> Article:
    path = next(DEMO_DIR.glob(f"{prefix}_*.txt"))
    raw = parse_text(normalize_text(path.read_text(encoding="utf-8")), source=str(path))
    return prepare_article(raw, article_id=prefix)


def _roles(article: Article) -> list[tuple[Role, str]]:
    return [(p.role, p.text[:40]) for p in article.paragraphs]


def test_antiwar_seed() -> None:
    article = _seed("000")
    assert article.outlet == "Antiwar.com"
    assert article.author == "Dave DeCamp"
    assert article.title.startswith("US, Japan Announce Steps")
    roles = [p.role for p in article.paragraphs]
    assert roles[:3] == [Role.HEADLINE, Role.DEK, Role.BODY]
    assert roles[-2:] == [Role.BYLINE, Role.BOILERPLATE]


def test_press_tv_seed() -> None:
    article = _seed("003")
    assert article.outlet == "Press TV"
    assert article.date == "2024-07-28"
    assert article.title == "US to strengthen Japan force amid perceived threat from China"
    roles = [p.role for p in article.paragraphs]
    assert roles[:4] == [Role.BOILERPLATE, Role.HEADLINE, Role.CAPTION, Role.BODY]
    assert roles[-4:] == [Role.BOILERPLATE] * 4  # alternate addresses, share, app labels


def test_upi_seed() -> None:
    article = _seed("004")
    assert article.outlet == "UPI"
    assert article.date == "--07-28"  # the dateline gives no year; none is invented
    roles = [p.role for p in article.paragraphs]
    assert roles[:3] == [Role.CAPTION, Role.BOILERPLATE, Role.BODY]
    assert article.title.startswith("The United States and Japan on Sunday announced")
    assert len(article.title.split()) <= 21


def test_caption_and_boilerplate_rules() -> None:
    assert is_caption("Soldiers march in Tokyo. (Photo by AFP)")
    assert is_caption("A view of the harbor. Photo courtesy of the Navy")
    assert not is_caption("The minister said the photo was misleading.")
    for text in [
        "News / Military / More",
        "SHARE THIS ARTICLE",
        "X",
        "www.example.co.uk",
        "Jane Roe is a staff reporter at Example News.",
    ]:
        assert is_boilerplate(text), text
    assert not is_boilerplate("The US and Japan announced steps on Sunday.")


def test_byline_variants() -> None:
    roles = assign_roles(
        ["Headline here", "By Jane Roe and John Doe", "Body text."], has_title=False
    )
    assert roles == [Role.HEADLINE, Role.BYLINE, Role.BODY]


def test_dates() -> None:
    assert date_from_text(["WASHINGTON, Sept. 3, 2023 (Reuters) - Text"]) == "2023-09-03"
    assert date_from_text(["July 28 (UPI) -- x", "On July 28, 2024 (Photo by AFP)"]) == "2024-07-28"
    assert normalize_date("2024/07/28") == "2024-07-28"
    assert normalize_date("12 March 2021") == "2021-03-12"
    assert normalize_date("not a date") == ""


def test_outlets() -> None:
    assert outlet_from_text(["Foo", "July 28 (UPI) -- bar"]) == "UPI"
    assert outlet_from_text(["Nothing here"]) == ""
    assert outlet_from_url("https://www.reuters.com/world/x") == "Reuters"
