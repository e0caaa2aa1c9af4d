"""One declarative table of every setting policykg has: name, type, default and help.

Every limit is a named setting here, nowhere else. A setting is read, in order of precedence, from an
explicit override (CLI flag / `Settings(**overrides)`), the environment variable `POLICYKG_<NAME>`
(upper case), then the default. `policykg settings` prints the table; docs/settings.md is generated
from it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from policykg.errors import ConfigurationError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str
    type: type = str


SETTINGS: tuple[Setting, ...] = (
    # store
    Setting("store", "var/store", "Directory of the embedded store written by `build` and read by `serve`."),
    Setting("backend", "oxigraph", "Store backend: 'oxigraph' (embedded, on disk) or 'sparql' (a remote SPARQL 1.1 server)."),
    Setting("sparql_query_url", "", "Remote backend: the server's SPARQL query endpoint URL."),
    Setting("sparql_update_url", "", "Remote backend: the server's SPARQL update endpoint URL."),
    Setting("sparql_store_url", "", "Remote backend: the server's Graph Store Protocol endpoint URL (optional)."),
    Setting("sparql_user", "", "Remote backend: HTTP basic-auth user (optional)."),
    Setting("sparql_password", "", "Remote backend: HTTP basic-auth password (optional)."),
    Setting("query_workers", 2, "Embedded store: processes that run timed SPARQL queries; one past its timeout is killed.", int),
    # build
    Setting("workers", 0, "Build processes; 0 means one per core.", int),
    Setting("store_batch_mb", 32, "A build that opened the store itself writes new graphs in batches of about this many MB of N-Quads (one bulk load each).", int),
    Setting("executor", "local", "Where a build's per-document step runs: 'local' (`workers` processes) or 'dask://HOST:PORT'."),
    Setting("max_file_bytes", 64 * 1024 * 1024, "Input files larger than this are quarantined without being read.", int),
    Setting("max_text_chars", 20_000_000, "Decoded texts longer than this are quarantined.", int),
    Setting("max_unzipped_bytes", 64 * 1024 * 1024, "Maximum total uncompressed size read from a .docx archive.", int),
    Setting("max_zip_members", 2000, "Maximum number of members in a .docx archive.", int),
    Setting("max_html_depth", 512, "HTML deeper than this is flattened to text rather than walked.", int),
    Setting("max_pdf_pages", 2000, "PDF files with more pages than this are quarantined.", int),
    Setting("encoding_sample_bytes", 1024 * 1024, "Bytes of a non-UTF-8 file examined to guess its encoding.", int),
    Setting("link_top_k", 3, "Candidate clauses kept per measure and higher document.", int),
    Setting("link_min_score", 0.05, "Clause-link candidates scoring below this are dropped.", float),
    Setting("link_min_share", 0.25, "Clause-link candidates scoring below this share of the best candidate in the same higher document are dropped.", float),
    Setting("link_parent_top_k", 3, "A document citing no higher document implements this many best-matching higher works.", int),
    Setting("link_parents_per_level", 2, "Most documents of one level a document implements, and most documents of one level above it (parents and their ancestors, best chain first) its measures are linked to.", int),
    Setting("link_parent_min_score", 0.3, "Least score (citation, family, topic and hierarchy evidence combined) of a document a document implements.", float),
    Setting("link_cached_documents", 64, "A linking process keeps the clause indexes of at most this many higher documents (the least recently used are made again when needed): its memory stays bounded as the corpus grows. 0: no bound.", int),
    Setting("link_title_similarity", 0.8, "Least character-bigram similarity of normalised titles for a citation to resolve by title.", float),
    # service
    Setting("host", "127.0.0.1", "Address `serve` binds to."),
    Setting("port", 8000, "Port `serve` binds to.", int),
    Setting("write_token", "", "Bearer token for write routes (upload, SPARQL update). Empty: writes are disabled."),
    Setting("sparql_timeout", 10.0, "Seconds after which a SPARQL query is stopped and its worker freed.", float),
    Setting("sparql_max_rows", 10_000, "At most this many result rows are returned; the response says it was truncated.", int),
    Setting("max_body_bytes", 1 * 1024 * 1024, "Request bodies larger than this get 413 before they are read.", int),
    Setting("max_upload_bytes", 32 * 1024 * 1024, "Uploaded documents larger than this get 413.", int),
    Setting("api_max_limit", 500, "Largest `limit` a list endpoint accepts.", int),
    Setting("page_size", 100, "Items per page of a paged list endpoint (/api/units, /api/targets) when the request gives no `limit`; at most `api_max_limit`.", int),
    Setting("trace_max_depth", 4, "Levels of higher documents a trace follows upward from a measure.", int),
    Setting("trace_max_parents", 3, "Candidate higher clauses a trace keeps per level, best first.", int),
    Setting("answer_index", True, "Answer units, targets, phrase searches and coverage from the answer index the build writes beside the store (answers.sqlite), while it is in step with the store; off, they come from SPARQL alone (the same answers, slower on a large corpus).", bool),
    Setting("search_max_concepts", 20, "Concepts a search phrase may expand to (best matches first).", int),
    Setting("rate_limit", 0, "Requests per minute allowed per client address; 0 disables rate limiting.", int),
    Setting("trusted_proxies", "", "Comma-separated addresses (or networks) of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto `serve` believes; the client address, and so its rate limit, then comes from the header. Empty: the headers are ignored."),
    Setting("cors_origins", "", "Comma-separated origins allowed by CORS; empty keeps CORS closed."),
    # neo4j
    Setting("neo4j_batch_size", 500, "Rows per UNWIND batch when projecting into Neo4j.", int),
)

_BY_NAME = {s.name: s for s in SETTINGS}

#: Write tokens that count as "left at a default": the service refuses to start with one of them.
DEFAULT_TOKENS = frozenset({"changeme", "change-me", "secret", "token", "default", "password", "admin"})


class Settings:
    """Resolved settings; attribute access by name (`settings.sparql_timeout`)."""

    def __init__(self, **overrides: Any) -> None:
        unknown = set(overrides) - set(_BY_NAME)
        if unknown:
            raise KeyError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {}
        for s in SETTINGS:
            if overrides.get(s.name) is not None:
                raw = overrides[s.name]
            else:
                raw = os.environ.get(f"POLICYKG_{s.name.upper()}", s.default)
            values[s.name] = _convert(s, raw)
        self._values = values

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._values[name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    def __reduce__(self) -> tuple[Any, ...]:
        """Settings travel to build worker processes as their resolved values."""
        return (_restore, (self._values,))

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    def replace(self, **overrides: Any) -> Settings:
        merged = {**self._values, **{k: v for k, v in overrides.items() if v is not None}}
        return Settings(**merged)


#: How a switch is written in the environment (POLICYKG_ANSWER_INDEX=0 turns the index off; any other word is refused).
_SWITCH_WORDS = {"1": True, "true": True, "yes": True, "on": True,
                 "0": False, "false": False, "no": False, "off": False, "": False}


def _convert(setting: Setting, raw: Any) -> Any:
    """A raw value (an override or the environment's text) as the setting's type; a value that is not one is a
    configuration error naming the setting, not a bare ValueError (bool("0") would be True)."""
    if setting.type is bool and isinstance(raw, str):
        word = raw.strip().lower()
        if word not in _SWITCH_WORDS:
            raise ConfigurationError(f"setting {setting.name} is a switch: {raw!r} is none of {', '.join(sorted(w for w in _SWITCH_WORDS if w))}")
        return _SWITCH_WORDS[word]
    try:
        return setting.type(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigurationError(f"setting {setting.name} takes a {setting.type.__name__}: {raw!r} is not one") from exc


def _restore(values: dict[str, Any]) -> Settings:
    return Settings(**values)


def settings_markdown() -> str:
    """The settings table as Markdown, for docs/settings.md."""
    lines = [
        "| setting | environment variable | default | help |",
        "| --- | --- | --- | --- |",
    ]
    for s in SETTINGS:
        lines.append(f"| `{s.name}` | `POLICYKG_{s.name.upper()}` | `{s.default!r}` | {s.help} |")
    return "\n".join(lines) + "\n"
