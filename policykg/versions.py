"""The versions a build compares with the store's: a document graph's, the links graph's and the
reference graph's. Each is a hash of what the graph is made from, so an unchanged input is never
rewritten and a change of code or lexicons rewrites exactly what it touches."""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from pathlib import Path

from policykg import __version__
from policykg.ingest.model import NormalisedDocument
from policykg.settings import Settings


def code_version(*packages: str) -> str:
    """Hash of the code and data files of `packages` (the stage packages' short names: "ingest"…), so
    that any change of them rebuilds what they make with no version to raise by hand."""
    import importlib

    files: list[Path] = []
    for name in packages:
        module = importlib.import_module(f"policykg.{name}")
        root = Path(str(module.__file__)).resolve().parent
        files += [f for f in root.rglob("*") if f.is_file() and f.suffix in _CODE_SUFFIXES
                  and "__pycache__" not in f.parts]
    h = hashlib.sha256()
    for f in sorted(files):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


def _graph_code_version() -> str:
    """The code a document's graph is made by: ingest, extract, ontology and the mapping."""
    import policykg.graph

    graph = Path(str(policykg.graph.__file__)).resolve().parent
    h = hashlib.sha256(code_version("ingest", "extract", "ontology").encode())
    for f in (graph / "rdf_documents.py", graph / "rdf_links.py"):
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


_CODE_SUFFIXES = {".py", ".txt", ".toml", ".ttl", ".json", ".tsv", ".csv"}

#: The version of every document graph's making: the release and the code that makes it, so that a
#: rebuild with new code replaces graphs even when the document text did not change.
GRAPH_SCHEMA_VERSION = f"{__version__}+{_graph_code_version()}"


def document_version(doc: NormalisedDocument) -> str:
    """What a document's graph depends on: its normalised text, its metadata and the code's schema version."""
    h = hashlib.sha256()
    h.update(doc.content_hash.encode())
    h.update(repr(asdict(doc.metadata)).encode())
    h.update(GRAPH_SCHEMA_VERSION.encode())
    return h.hexdigest()


#: Link settings that change how linking runs, not the links it finds.
_LINKS_UNCHANGED_BY = frozenset({"link_cached_documents"})


def links_version(versions: dict[str, str], settings: Settings) -> str:
    """What the links graph depends on: every cached document's version, the linker's and the link settings."""
    from policykg.link import LINKER_VERSION

    h = hashlib.sha256(GRAPH_SCHEMA_VERSION.encode())
    h.update(f"linker={LINKER_VERSION}+{code_version('link')}\n".encode())
    for doc_id, version in sorted(versions.items()):
        h.update(f"{doc_id}={version}\n".encode())
    for name, value in sorted(settings.as_dict().items()):
        if name.startswith("link_") and name not in _LINKS_UNCHANGED_BY:
            h.update(f"{name}={value!r}\n".encode())
    return "inputs:" + h.hexdigest()


def reference_version() -> str:
    """Hash of the shared lexicons (ontology, concept scheme, unit registry) the reference graph is made from."""
    import policykg.ontology

    root = Path(policykg.ontology.__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.glob("*.t*")):
        if p.suffix in (".ttl", ".toml"):
            h.update(p.read_bytes())
    return h.hexdigest()[:16]
