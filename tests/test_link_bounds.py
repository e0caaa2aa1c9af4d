"""Clause links stay bounded on real documents: the bundled texts with a sample of the bundled real PDFs.

A measure is linked only to clauses of the documents its document implements and their ancestors, at
most `link_parents_per_level` documents per level and `link_top_k` clauses per document, never to a
document issued after its own; so the links of a document are bounded by its own size, not by the
corpus's.
"""

from __future__ import annotations

import functools
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from policykg.evaluate import bundled_corpus
from policykg.extract.model import DocumentExtraction
from policykg.ingest.model import NormalisedDocument
from policykg.link import link_corpus
from policykg.link.documents import HEADS, beside_bound, is_head, is_local_head, issued, not_later, rank
from policykg.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SAMPLE = 16  # real PDFs (of the split's tune side) linked with the bundled texts


@functools.lru_cache(maxsize=1)
def real_sample() -> tuple[tuple[NormalisedDocument, ...], dict[str, DocumentExtraction]]:
    """Every n-th document of the tune side of the real corpus, from the bundled pack, ingested and extracted."""
    from policykg.ingest.manifest import load_manifest
    from policykg.ingest.pack import sources
    from policykg.pipeline import process_file

    pack = REPO / "corpus" / "real"
    tune = set(tomllib.loads((REPO / "tests" / "keys" / "split.toml").read_text(encoding="utf-8"))["tune"])
    files = sorted(path for source, path in sources(pack).items() if source in tune and path.exists())
    if not files:
        pytest.skip("the real corpus's pack is not bundled")
    chosen = files[:: max(1, len(files) // SAMPLE)][:SAMPLE]
    manifest, settings = load_manifest(), Settings()
    docs: list[NormalisedDocument] = []
    extractions: dict[str, DocumentExtraction] = {}
    for path in chosen:
        doc, extraction = process_file(path, manifest.get(str(path.resolve())), settings)
        docs.append(doc)
        extractions[doc.id] = extraction
    return tuple(docs), extractions


@pytest.fixture(scope="module", params=["bundled texts", "bundled texts and real PDFs"])
def linked(request):  # type: ignore[no-untyped-def]
    docs, extractions = bundled_corpus()
    docs, extractions = list(docs), dict(extractions)
    if request.param != "bundled texts":
        more, more_extractions = real_sample()
        docs += [d for d in more if d.id not in extractions]
        extractions.update(more_extractions)
    return {d.id: d for d in docs}, extractions, link_corpus(docs, extractions, Settings())


def _document(node_id: str) -> str:
    return node_id.split("~", 1)[0]


def test_no_measure_has_more_than_k_links_per_parent_document(linked) -> None:  # type: ignore[no-untyped-def]
    _, _, links = linked
    k = Settings().link_top_k
    per = Counter((lk.source, _document(lk.target)) for lk in links.clauses if lk.method != "alignment")
    assert per and max(per.values()) <= k


def test_no_link_points_at_a_document_issued_later(linked) -> None:  # type: ignore[no-untyped-def]
    docs, _, links = linked
    pairs = {(_document(lk.source), _document(lk.target)) for lk in links.clauses if lk.method != "alignment"}
    pairs |= {(d.source, d.target) for d in links.documents if d.relation == "implements"}
    for source, target in pairs:
        assert not_later(issued(docs[target]), issued(docs[source])), (source, target)
        assert rank(docs[target]) < rank(docs[source])  # and only upwards


def test_a_document_is_linked_to_few_documents_per_level_and_only_those_it_implements(linked) -> None:  # type: ignore[no-untyped-def]
    docs, _, links = linked
    per_level = Settings().link_parents_per_level
    parents: dict[str, set[str]] = defaultdict(set)
    for d in links.documents:
        if d.relation == "implements":
            parents[d.source].add(d.target)
    targets: dict[str, set[str]] = defaultdict(set)
    for lk in links.clauses:
        if lk.method != "alignment":
            targets[_document(lk.source)].add(_document(lk.target))
    for source, found in targets.items():
        above: set[str] = set()
        todo = list(parents[source])
        while todo:
            doc = todo.pop()
            if doc not in above:
                above.add(doc)
                todo.extend(parents[doc])
        assert found <= above, source
        # the two heads of the 1+N system a document belongs to, national and its province's, come besides
        # the bound of their level
        levels = Counter(docs[t].metadata.level for t in found if not beside_bound(docs[t]))
        assert max(levels.values(), default=0) <= per_level, (source, levels)
        assert sum(1 for t in found if is_head(docs[t])) <= len(HEADS)
        assert sum(1 for t in found if is_local_head(docs[t])) <= len(HEADS)


def test_the_links_of_a_document_are_bounded_by_its_own_size(linked) -> None:  # type: ignore[no-untyped-def]
    docs, _, links = linked
    settings = Settings()
    units: dict[str, set[str]] = defaultdict(set)
    count: Counter[str] = Counter()
    local_heads: dict[str, set[str]] = defaultdict(set)
    for lk in links.clauses:
        if lk.method != "alignment":
            units[_document(lk.source)].add(lk.source)
            count[_document(lk.source)] += 1
            if is_local_head(docs[_document(lk.target)]):
                local_heads[_document(lk.source)].add(_document(lk.target))
    for doc_id, n in count.items():
        levels_above = rank(docs[doc_id]) if docs[doc_id].metadata.level else 5
        # the national heads, and the province's (at most as many) beside the bound
        documents_above = settings.link_parents_per_level * levels_above + len(HEADS) + len(local_heads[doc_id])
        assert n <= len(units[doc_id]) * settings.link_top_k * documents_above
