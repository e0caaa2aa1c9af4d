"""The documents of the graph: every read document with its metadata (`/api/documents`).

Documents known only because another cites them are not listed (they are `referenced_only` entries of
a document's `cites`, see `answer_document_links`).
"""

from __future__ import annotations

from typing import Any

from policykg.graph.answer_model import Answer
from policykg.graph.runner import Runner
from policykg.graph.sparql_text import short_id
from policykg.ontology import vocab as v

_LANGUAGES = {v.EU_LANGUAGE + code: lang for lang, code in (("zh", "ZHO"), ("en", "ENG"))}
_SCRIPTS = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "en": "en"}


class DocumentSource(Answer):
    file: str  # the file as published (a pack names its PDF)
    sha256: str


class DocumentSummary(Answer):
    id: str
    title: str | None  # in the document's own script
    titles: dict[str, str]  # script → title
    level: str | None  # central, ministry, provincial, municipal, county
    region: str | None
    issuer: str | None
    issued: str | None  # ISO date, year-month or year
    doc_number: str | None  # 文号
    language: str | None  # zh, en
    doc_type: str | None = None  # the genre its title ends with: 实施方案, 意见, 规划 …
    notice_title: str | None = None  # the covering notice's title, where it differs
    source: DocumentSource | None = None


class DocumentList(Answer):
    documents: list[DocumentSummary]


def script(lang: str | None) -> str | None:
    """A language tag as the scheme writes scripts ("zh-hans" → "zh-Hans")."""
    return _SCRIPTS.get((lang or "").lower(), lang) if lang else None


def as_text(value: Any) -> str | None:
    return None if value is None else str(value)


def summaries(run: Runner, filter_: str) -> list[dict[str, Any]]:
    """The documents `filter_` keeps (a VALUES over ?doc, or nothing for all), sorted by id."""
    docs: dict[str, dict[str, Any]] = {}
    scripts: dict[str, str | None] = {}
    for row in run.rows("documents", filter=filter_):
        doc_id = short_id(row["doc"])
        entry = docs.get(doc_id)
        if entry is None:
            entry = docs[doc_id] = {
                "id": doc_id,
                "title": None,
                "titles": {},
                "level": row["level"],
                "region": short_id(row["region"]) if row["region"] else None,
                "issuer": row["issuer"],
                "issued": as_text(row["issued"]),
                "doc_number": row["number"],
                "language": _LANGUAGES.get(row["language"] or ""),
                "doc_type": row["type"],
                "notice_title": row["notice"],
                "source": {"file": row["file"], "sha256": row["sha"]} if row["file"] and row["sha"] else None,
            }
            scripts[doc_id] = row["script"]
        if row["title"] is not None:
            entry["titles"][script(row["lang"]) or "und"] = row["title"]
    for doc_id, entry in docs.items():
        titles = entry["titles"]
        entry["titles"] = dict(sorted(titles.items()))
        own = scripts[doc_id]
        entry["title"] = titles.get(own) if own in titles else next(iter(entry["titles"].values()), None)
    return [docs[k] for k in sorted(docs)]


def of_documents(doc_ids: list[str]) -> str:
    """The filter of `summaries` keeping these documents."""
    return "VALUES ?doc { " + " ".join(v.iri_ref(v.doc_iri(d)) for d in doc_ids) + " }"


def documents(run: Runner) -> DocumentList:
    return DocumentList.model_validate({"documents": summaries(run, "")})
