"""The SPARQL 1.1 Protocol side of the endpoint: reading the operation out of a request, and the guard.

`read_operation` accepts exactly the request shapes the Protocol defines — `query` in a GET query
string; `query=` or `update=` in an urlencoded POST; a raw `application/sparql-query` or
`application/sparql-update` body — and refuses anything else with a precise status: 415 for an
unknown body type, 400 for two operations in one request or bytes that are not UTF-8.

`check_query` / `check_update` run before anything executes. The store's query engine would follow
a `SERVICE` (and `LOAD`) to any address it names, so these are refused outright, as are dataset
clauses (`FROM`, `FROM NAMED`, `USING`) naming graphs outside this knowledge graph. The check works
on the query's tokens (strings, IRIs and comments cannot hide or fake a keyword), and it errs on the
side of refusing: a keyword glued to the token before it is still found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes, urljoin

from policykg.api.problems import ApiError
from policykg.ontology.vocab import BASE

QUERY_MEDIA_TYPE = "application/sparql-query"
UPDATE_MEDIA_TYPE = "application/sparql-update"
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"

#: Protocol parameters naming a dataset; the endpoint's dataset is the whole graph (see docs/api.md).
_DATASET_PARAMETERS = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")


@dataclass(frozen=True, slots=True)
class Operation:
    kind: str  # "query" | "update"
    text: str


# --- reading the request --------------------------------------------------------------------------
def _decode(raw: bytes, what: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "not_utf8", f"the {what} is not valid UTF-8 (byte {exc.start})") from None


def parse_form(raw: bytes, what: str) -> list[tuple[str, str]]:
    """application/x-www-form-urlencoded → (name, value) pairs, refusing percent-escapes that are not UTF-8.

    The framework's own parser silently replaces such bytes with U+FFFD, which would run a different
    query than the one sent.
    """
    pairs: list[tuple[str, str]] = []
    if not raw:
        return pairs
    for field in raw.split(b"&"):
        if not field:
            continue
        name, _, value = field.partition(b"=")
        pairs.append(
            (
                _decode(unquote_to_bytes(name.replace(b"+", b" ")), what),
                _decode(unquote_to_bytes(value.replace(b"+", b" ")), what),
            )
        )
    return pairs


def _media_type(content_type: str | None) -> tuple[str, dict[str, str]]:
    if not content_type:
        return "", {}
    main, *params = content_type.split(";")
    parsed = {}
    for param in params:
        key, _, value = param.partition("=")
        parsed[key.strip().lower()] = value.strip().strip('"').lower()
    return main.strip().lower(), parsed


def read_operation(method: str, query_string: bytes, content_type: str | None, body: bytes) -> Operation:
    """The one query or update a Protocol request carries."""
    url_params = parse_form(query_string, "query string")
    names = [n for n, _ in url_params]
    for name in _DATASET_PARAMETERS:
        if name in names:
            raise ApiError(
                400, "unsupported_parameter",
                f"'{name}' is not supported: the dataset is the whole graph; name graphs with GRAPH in the query",
            )
    if method == "GET":
        if "update" in names:
            raise ApiError(403, "update_over_get", "updates are never accepted over GET; use POST")
        return _single(url_params, [], "query")

    media, params = _media_type(content_type)
    charset = params.get("charset")
    if charset and charset.replace("-", "") != "utf8":
        raise ApiError(415, "unsupported_media_type", f"only UTF-8 request bodies are accepted, not {charset}")
    if media == FORM_MEDIA_TYPE:
        return _single(url_params, parse_form(body, "request body"), None)
    if media in (QUERY_MEDIA_TYPE, UPDATE_MEDIA_TYPE):
        if "query" in names or "update" in names:
            raise ApiError(400, "multiple_operations", "the request carries an operation both in its URL and its body")
        kind = "query" if media == QUERY_MEDIA_TYPE else "update"
        text = _decode(body, "request body")
        if not text.strip():
            raise ApiError(400, "missing_query" if kind == "query" else "missing_update", f"the {kind} is empty")
        return Operation(kind, text)
    shown = media or "no Content-Type"
    raise ApiError(
        415, "unsupported_media_type",
        f"{shown} is not a SPARQL request body; send {QUERY_MEDIA_TYPE}, {UPDATE_MEDIA_TYPE} or {FORM_MEDIA_TYPE}",
    )


def _single(url_params: list[tuple[str, str]], body_params: list[tuple[str, str]], only: str | None) -> Operation:
    found = [(n, v) for n, v in url_params + body_params if n in ("query", "update")]
    if only == "query":
        found = [(n, v) for n, v in found if n == "query"]
    if len(found) > 1:
        raise ApiError(400, "multiple_operations", "one request carries exactly one query or one update")
    if not found or not found[0][1].strip():
        what = only or "query or update"
        raise ApiError(400, "missing_query", f"no {what} given")
    kind, text = found[0]
    return Operation(kind, text)


# --- tokens -------------------------------------------------------------------------------------------
# Character classes of the SPARQL 1.1 grammar (section 19.8), so tokens end where the parser's do.
_BASE_CHARS = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d\u2070-\u218f"
    "\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_U_CHARS = _BASE_CHARS + "_"
_CHARS = _U_CHARS + "\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_PREFIX = f"[{_BASE_CHARS}](?:[{_CHARS}.]*[{_CHARS}])?"
_PN_LOCAL = f"(?:[{_U_CHARS}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"

_TOKEN = re.compile(
    "|".join(
        f"(?P<{name}>{pattern})"
        for name, pattern in (
            ("iri", r'<[^<>"{}|^`\\\x00-\x20]*>'),
            ("string", r"'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''"
                       r'|"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""'
                       r"|'(?:[^'\\\n\r]|\\.)*'"
                       r'|"(?:[^"\\\n\r]|\\.)*"'),
            ("comment", r"#[^\r\n]*"),
            ("var", f"[?$][{_U_CHARS}0-9][{_U_CHARS}0-9\u00b7\u0300-\u036f\u203f-\u2040]*"),
            ("bnode", f"_:[{_U_CHARS}0-9](?:[{_CHARS}.]*[{_CHARS}])?"),
            ("pname", f"(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?"),
            ("langtag", r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*"),
            ("number", r"[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?"),
            ("word", r"[A-Za-z_][A-Za-z0-9_]*"),
            ("space", r"\s+"),
            ("other", r"."),
        )
    ),
    re.S,
)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str


def tokens(text: str) -> list[Token]:
    """The significant tokens of a query or update (whitespace and comments dropped)."""
    out = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            out.append(Token(kind, match.group()))
    return out


# --- the guard ----------------------------------------------------------------------------------------
def _names(token: Token, keyword: str) -> bool:
    """Whether `token` may stand for `keyword` to the parser.

    Bare words and language tags are checked for the keyword anywhere inside (a parser may read
    "trueSERVICE" as two tokens); a prefixed name only in its prefix, since its local part is read
    greedily as one name.
    """
    if token.kind in ("word", "langtag", "other"):
        return keyword in token.text.lower()
    if token.kind == "pname":
        return keyword in token.text.split(":", 1)[0].lower()
    return False


def is_local(iri: str) -> bool:
    """A graph of this knowledge graph: everything the store holds is named under BASE."""
    return iri.startswith(BASE)


#: Keywords the guard refuses or checks; a text without any of them, in any case, passes as it is.
_GUARDED = ("service", "from", "using")


class _Prologue:
    """BASE and PREFIX declarations seen so far, to resolve the IRIs dataset clauses name."""

    def __init__(self) -> None:
        self.base: str | None = None
        self.prefixes: dict[str, str] = {}

    def resolve(self, token: Token) -> str | None:
        if token.kind == "iri":
            ref = token.text[1:-1]
            iri = urljoin(self.base, ref) if self.base else ref
        elif token.kind == "pname":
            prefix, _, local = token.text.partition(":")
            namespace = self.prefixes.get(prefix)
            if namespace is None:
                return None
            iri = namespace + re.sub(r"\\(.)", r"\1", local)
        else:
            return None
        return iri if re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", iri) else None


def _check(text: str, update: bool) -> None:
    lowered = text.lower()
    if not any(word in lowered for word in (*_GUARDED, "load") if update or word != "load"):
        return  # no token can name a guarded keyword: skip the tokenizer (a long query costs it seconds)
    toks = tokens(text)
    prologue = _Prologue()
    for i, token in enumerate(toks):
        if _names(token, "service"):
            raise ApiError(
                403, "service_refused",
                "federated queries (SERVICE) are refused: this endpoint makes no outbound connections",
            )
        if update and _names(token, "load"):
            raise ApiError(403, "load_refused", "LOAD is refused: this endpoint fetches nothing from elsewhere")
        if token.kind != "word":
            continue
        word = token.text.upper()
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if word == "BASE" and nxt is not None and nxt.kind == "iri":
            prologue.base = prologue.resolve(nxt)
        elif word == "PREFIX" and nxt is not None and nxt.kind == "pname" and i + 2 < len(toks):
            namespace = prologue.resolve(toks[i + 2])
            if namespace is not None:
                prologue.prefixes[nxt.text.rstrip(":")] = namespace
        elif word in ("FROM", "USING"):
            j = i + 1
            if j < len(toks) and toks[j].kind == "word" and toks[j].text.upper() == "NAMED":
                j += 1
            target = toks[j] if j < len(toks) else None
            iri = prologue.resolve(target) if target is not None else None
            if iri is None:
                raise ApiError(400, "unresolvable_dataset", f"cannot tell which graph {word} names here")
            if not is_local(iri):
                raise ApiError(
                    403, "remote_dataset_refused",
                    f"{word} <{iri}> is refused: only graphs of this knowledge graph ({BASE}…) can be named",
                )


def check_query(text: str) -> None:
    """Raises ApiError for a query that would reach outside the store (SERVICE, foreign FROM)."""
    _check(text, update=False)


def check_update(text: str) -> None:
    """Raises ApiError for an update that would reach outside the store (LOAD, SERVICE, foreign USING)."""
    _check(text, update=True)
