"""The loader base and registry: one loader per format turns a file's bytes into its text.

A loader returns the document's text layer — for a plain-text file the decoded file itself, for HTML,
Word and PDF the visible text in reading order. That text is the document's `original`: every span
points into it. Loaders register themselves by media type; `loader_for` finds one or refuses the file.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from policykg.errors import UnsupportedFormat
from policykg.ingest.model import Note, RawDocument
from policykg.settings import Settings

_MODULES = ("load_text", "load_html", "load_docx", "load_pdf", "pack")
_REGISTRY: dict[str, Loader] = {}


@dataclass(slots=True)
class LoadedText:
    text: str
    encoding: str
    confidence: float
    notes: list[Note] = field(default_factory=list)
    #: "pdf" when the text is a PDF's text layer whose page layout the normaliser must undo
    layout: str | None = None
    #: (file name, sha256) of the file the text was first read from, when that is not this file (a pack)
    source: tuple[str, str] | None = None


class Loader(ABC):
    """Turns the bytes of one format into text; raises typed ingest errors."""

    media_types: tuple[str, ...] = ()

    @abstractmethod
    def load(self, raw: RawDocument, settings: Settings) -> LoadedText: ...


def register(loader_class: type[Loader]) -> type[Loader]:
    instance = loader_class()
    for media_type in loader_class.media_types:
        _REGISTRY[media_type] = instance
    return loader_class


def loader_for(media_type: str) -> Loader:
    for name in _MODULES:  # each registers its loader when first imported
        importlib.import_module(f"policykg.ingest.{name}")
    try:
        return _REGISTRY[media_type]
    except KeyError:
        raise UnsupportedFormat(f"no loader reads {media_type} files", media_type=media_type) from None
