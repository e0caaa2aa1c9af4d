"""Linking in several processes gives the same links as in one: a document's links depend only on it and
the documents above it. On the bundled texts with the links key's real documents (enough documents for
the linker to fork)."""

from __future__ import annotations

from pathlib import Path

from policykg.evaluate import links_key_corpus, load_key
from policykg.link import link_corpus
from policykg.link.linker import _processes
from policykg.settings import Settings

KEY = Path(__file__).parent / "keys" / "links_measure.toml"


def test_two_processes_link_as_one() -> None:
    docs, extractions = links_key_corpus(load_key(KEY, "measure"))
    assert _processes(2, len(docs)) == 2
    heard: list[tuple[int, int]] = []
    one = link_corpus(docs, extractions, Settings(workers=1))
    two = link_corpus(docs, extractions, Settings(workers=2), lambda done, total: heard.append((done, total)))
    assert len(one.clauses) > 1000
    assert two.clauses == one.clauses
    assert two.documents == one.documents and two.citations == one.citations
    assert heard and heard[-1][0] == heard[-1][1]  # progress reaches the end


def test_a_bounded_index_cache_links_as_an_unbounded_one() -> None:
    """With room for two higher documents' indexes (fewer than most documents link to), indexes and relays
    are dropped and made again all the time: the same links, only slower."""
    docs, extractions = links_key_corpus(load_key(KEY, "measure"))
    unbounded = link_corpus(docs, extractions, Settings(workers=1, link_cached_documents=0))
    bounded = link_corpus(docs, extractions, Settings(workers=1, link_cached_documents=2))
    assert len(unbounded.clauses) > 1000
    assert bounded.clauses == unbounded.clauses
