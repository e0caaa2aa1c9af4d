"""Document ids: readable, URL-safe, stable.

A manifest entry names its document; otherwise the file stem is slugged (lower-case ASCII letters,
digits, hyphens). A stem with non-ASCII characters would slug to little or nothing, so such a document
is named after its content instead: "doc-" + the first 10 hex digits of its normalised text's sha256.
"""

from __future__ import annotations

import hashlib
import re

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_id(stem: str, normalised_text: str) -> str:
    if stem.isascii():
        slug = _NOT_SLUG.sub("-", stem.lower()).strip("-")
        if slug:
            return slug
    return "doc-" + content_hash(normalised_text)[:10]
