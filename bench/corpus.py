"""The benchmark corpus: real news from ../shared/data, read in place and written as JSONL.

Five datasets (reuters21578, bbc_news_fulltext, ag_news_test, polnear, basil) give about
31k documents. The larger scale repeats the corpus; each copy gets a distinct url, a
" (copy N)" title suffix and one unique closing sentence, so the library's duplicate check
(same source or same content hash) does not skip it. Nothing is copied into the repository:
the JSONL goes to a temporary directory.
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DATASETS = ("reuters21578", "bbc_news_fulltext", "ag_news_test", "polnear", "basil")

Doc = dict[str, str]

_REUTERS = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_TAG = {n: re.compile(rf"<{n}>(.*?)</{n}>", re.S) for n in ("DATE", "TITLE", "BODY")}
_UNPROC = re.compile(r"<TEXT TYPE=\"UNPROC\">(.*?)</TEXT>", re.S)
_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
_AG_SOURCE = re.compile(r"\(([A-Z][A-Za-z.& ]{1,30})\)\s*$")
_POLNEAR_OUTLETS = {
    "breitbart": "Breitbart",
    "huff-post": "HuffPost",
    "nyt": "New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "Washington Post",
    "west-journal": "Western Journal",
    "parc": "Wall Street Journal",
}
_BASIL_OUTLETS = {"fox": "Fox News", "nyt": "New York Times", "hpo": "HuffPost"}


def available() -> bool:
    return all((DATA_DIR / name).is_dir() for name in DATASETS)


def _doc(title: str, text: str, outlet: str, url: str, date: str = "", author: str = "") -> Doc:
    return {
        "title": title,
        "text": text,
        "outlet": outlet,
        "author": author,
        "date": date,
        "url": url,
    }


def _tag(name: str, block: str) -> str:
    found = _TAG[name].search(block)
    return found.group(1) if found else ""


def _reuters_text(raw: str) -> str:
    """Wire text: lines wrapped at ~70 columns, paragraphs start with an indent."""
    raw = html.unescape(raw).replace("\x03", "").replace("\x02", "")
    raw = re.sub(r"\s*Reuter\s*$", "", raw.strip())
    blocks = re.split(r"\n(?=\s{3,}\S)", raw)
    return "\n\n".join(" ".join(b.split()) for b in blocks if b.strip())


def _reuters_date(raw: str) -> str:
    match = re.match(r"\s*(\d{1,2})-([A-Z]{3})-(\d{4})", raw)
    if not match or match.group(2) not in _MONTHS:
        return ""
    month = _MONTHS.index(match.group(2)) + 1
    return f"{match.group(3)}-{month:02d}-{int(match.group(1)):02d}"


def load_reuters() -> Iterator[Doc]:
    """Stories with a BODY, plus the untagged (UNPROC) ones whose first line is the title."""
    for path in sorted((DATA_DIR / "reuters21578").glob("reut2-*.sgm")):
        for newid, block in _REUTERS.findall(path.read_text(encoding="latin-1")):
            date = _reuters_date(_tag("DATE", block))
            url = f"bench://reuters/{newid}"
            body = _TAG["BODY"].search(block)
            if body:
                title = html.unescape(_tag("TITLE", block))
                yield _doc(
                    " ".join(title.split()), _reuters_text(body.group(1)), "Reuters", url, date
                )
                continue
            unproc = _UNPROC.search(block)
            if unproc:
                first, _, rest = html.unescape(unproc.group(1)).strip("\x02 \n").partition("\n")
                if rest.strip():
                    yield _doc(first.strip(), _reuters_text(rest), "Reuters", url, date)


def load_bbc() -> Iterator[Doc]:
    """One story a file: the headline line, then paragraphs separated by blank lines."""
    for path in sorted((DATA_DIR / "bbc_news_fulltext").glob("*/*.txt")):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        title, _, body = text.strip().partition("\n")
        url = f"bench://bbc/{path.parent.name}/{path.stem}"
        yield _doc(title.strip(), body.strip(), "BBC News", url)


def _ag_clean(text: str) -> str:
    """AG News escapes: "#36;" for "&#36;", "\\$" for "$", a backslash for a line break."""
    text = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), text)
    return html.unescape(text.replace("\\$", "$").replace("\\", " "))


def load_ag_news() -> Iterator[Doc]:
    """Title + description items; the outlet is the title's "(AP)"-style tag if any."""
    with (DATA_DIR / "ag_news_test" / "test.csv").open(encoding="utf-8", newline="") as f:
        for number, row in enumerate(csv.reader(f), start=1):
            if len(row) < 3:
                continue
            title, text = (_ag_clean(s) for s in row[1:3])
            source = _AG_SOURCE.search(title)
            outlet = source.group(1) if source else "AG News"
            yield _doc(title, text, outlet, f"bench://ag_news/{number}")


def load_polnear() -> Iterator[Doc]:
    """train/dev/test text files, with publisher, date, author and title from metadata.tsv."""
    root = DATA_DIR / "polnear"
    meta: dict[str, dict[str, str]] = {}
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["filename"]] = row
    for split in ("train", "dev", "test"):
        for path in sorted((root / split / "text").glob("*.txt")):
            info = meta.get(path.stem, {})
            text = path.read_text(encoding="utf-8").strip()
            first, _, rest = text.partition("\n")
            title = info.get("title") or first
            if first.strip().casefold() == title.strip().casefold():
                text = rest.strip()
            publisher = info.get("publisher") or path.stem.split("_", 1)[0]
            author = info.get("author", "")
            yield _doc(
                title.strip(),
                text,
                _POLNEAR_OUTLETS.get(publisher, publisher),
                f"bench://polnear/{split}/{path.stem}",
                info.get("publication_date", ""),
                "" if author in ("None", "") else author,
            )


def load_basil() -> Iterator[Doc]:
    """JSON articles: body-paragraphs is a list of paragraphs, each a list of sentences."""
    for path in sorted((DATA_DIR / "basil" / "articles").glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(s.strip() for s in p) for p in record.get("body-paragraphs", [])]
        source = str(record.get("source", "")).lower()
        yield _doc(
            str(record.get("title", "")),
            "\n\n".join(p for p in paragraphs if p),
            _BASIL_OUTLETS.get(source, source),
            f"bench://basil/{path.stem}",
            str(record.get("date", "")),
        )


LOADERS = {
    "reuters21578": load_reuters,
    "bbc_news_fulltext": load_bbc,
    "ag_news_test": load_ag_news,
    "polnear": load_polnear,
    "basil": load_basil,
}


def load_all() -> list[Doc]:
    """Every document of the five datasets, in a fixed order."""
    return [doc for name in DATASETS for doc in LOADERS[name]()]


def copy_of(doc: Doc, n: int) -> Doc:
    """Copy ``n`` (0 = the original) with a distinct url, title and text."""
    if n == 0:
        return doc
    return {
        **doc,
        "title": f"{doc['title']} (copy {n})",
        "text": f"{doc['text']}\n\nBench copy {n} of {doc['url'].removeprefix('bench://')}.",
        "url": f"{doc['url']}#copy{n}",
    }


def write_jsonl(docs: list[Doc], folder: Path, *, copies: int = 1, chunk: int = 1000) -> int:
    """Write ``copies`` copies of ``docs`` (copy-major) as JSONL files of ``chunk`` lines.

    ``chunk`` = 0 writes one file. Returns the number of lines written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    lines = (json.dumps(copy_of(d, n), ensure_ascii=False) for n in range(copies) for d in docs)
    count, part, out = 0, 0, None
    try:
        for line in lines:
            if out is None or (chunk and count % chunk == 0):
                if out is not None:
                    out.close()
                part += 1
                out = (folder / f"part-{part:05d}.jsonl").open("w", encoding="utf-8")
            out.write(line + "\n")
            count += 1
    finally:
        if out is not None:
            out.close()
    return count
