"""The parsers under hypothesis: no input crashes them — they answer, or raise a typed error.

The ingest normaliser gets random bytes under every media type and random text; the extractors get
random text drawn half from the characters policy text is made of (so that their patterns fire) and
half from all of Unicode; the SPARQL endpoint's request reader and guard get random requests. Runs are
derandomised (the same examples every time) and bounded in count.
"""

from __future__ import annotations

import hashlib
import string
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykg.api.problems import ApiError
from policykg.api.sparql import check_query, check_update, read_operation, tokens
from policykg.errors import PolicyKGError
from policykg.extract.deadlines import extract_deadlines
from policykg.extract.nlp import find_concepts
from policykg.extract.targets import extract_targets
from policykg.extract.units import extract_units
from policykg.ingest import normalise
from policykg.ingest.model import RawDocument
from policykg.ingest.raw import DOCX, HTML, PDF, TEXT, UNKNOWN, media_type
from policykg.settings import Settings

BOUNDED = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow])

#: Characters policy text is made of: numbers, units, time words, clause markers, unit names, punctuation.
POLICY_CHARS = (
    "0123456789.%-~到年底前比下降提高达到以上以下左右万亿千吨瓦标准煤二氧化碳排放强度单位国内生产总值能耗"
    "一二三四五六七八九十百（）()、，。；：“”《》〔〕[]第章条节牵头负责配合市县省区局委员会厅部国务院发展和改革"
    "生态环境工业信息化碳达峰中和捕集利用封存十四五时期期间每年季度月日"
    "by before until the end of per cent percent reduce increase CCUS carbon peak neutrality Ministry "
    "\n\t \u3000"
)
policy_text = st.text(alphabet=POLICY_CHARS, max_size=400)
any_text = st.text(max_size=400)
texts = st.one_of(policy_text, any_text)
langs = st.sampled_from(["zh", "en", "zh-Hans", "zh-Hant"])

SETTINGS = Settings()


def _in_bounds(text: str, hits: list) -> None:  # type: ignore[type-arg]
    for hit in hits:
        assert 0 <= hit.start <= hit.end <= len(text), hit


# --- ingest ------------------------------------------------------------------------------------------------
@BOUNDED
@given(data=st.one_of(st.binary(max_size=2048), policy_text.map(lambda t: t.encode("gb18030"))),
       kind=st.sampled_from([TEXT, HTML, PDF, DOCX, UNKNOWN]))
def test_normalise_on_random_bytes_raises_only_typed_errors(data: bytes, kind: str) -> None:
    raw = RawDocument("random.bin", data, hashlib.sha256(data).hexdigest(), kind)
    try:
        doc = normalise(raw, None, SETTINGS)
    except PolicyKGError as exc:
        assert exc.code and exc.message
        return
    assert doc.text.strip()
    for clause in doc.clauses:
        assert 0 <= clause.start <= clause.end <= len(doc.text)


@BOUNDED
@given(text=st.one_of(policy_text, any_text, st.text(alphabet="<>/&;!-[]\"'= abcdhtmlpdivx一、", max_size=400)),
       kind=st.sampled_from([TEXT, HTML]))
def test_normalise_on_random_text_raises_only_typed_errors(text: str, kind: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    raw = RawDocument("random.txt", data, hashlib.sha256(data).hexdigest(), media_type("x.html" if kind == HTML else "x.txt", data))
    try:
        doc = normalise(raw, None, SETTINGS)
    except PolicyKGError as exc:
        assert exc.code and exc.message
        return
    # the offset map keeps every normalised character inside the original
    start, end = doc.offsets.to_original(0, len(doc.text))
    assert 0 <= start <= end <= len(doc.original)


# --- extraction ----------------------------------------------------------------------------------------------
@BOUNDED
@given(text=texts, lang=st.sampled_from(["zh", "en"]))
def test_extract_targets_never_crashes(text: str, lang: str) -> None:
    _in_bounds(text, extract_targets(text, lang))


@BOUNDED
@given(text=texts, lang=st.sampled_from(["zh", "en"]))
def test_extract_deadlines_never_crashes(text: str, lang: str) -> None:
    _in_bounds(text, extract_deadlines(text, lang))


@BOUNDED
@given(text=texts, jurisdiction=st.sampled_from([None, "CN", "CN-FJ", "CN-FJ-Sanming", "XX-nowhere"]),
       lang=st.sampled_from([None, "zh", "en"]))
def test_extract_units_never_crashes(text: str, jurisdiction: str | None, lang: str | None) -> None:
    _in_bounds(text, extract_units(text, jurisdiction, lang))


@BOUNDED
@given(text=texts, lang=langs)
def test_find_concepts_never_crashes(text: str, lang: str) -> None:
    for match in find_concepts(text, lang):
        start, end = match[0], match[1]
        assert 0 <= start <= end <= len(text), match


# --- the SPARQL endpoint's reader and guard --------------------------------------------------------------------
SPARQL_WORDS = st.sampled_from([
    "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "SERVICE", "SILENT", "LOAD", "FROM", "NAMED", "USING",
    "PREFIX", "BASE", "GRAPH", "INSERT", "DELETE", "DATA", "{", "}", "?s", "?p", "?o", ".", ";", "<", ">",
    "<http://127.0.0.1:9/sparql>", "<https://policykg.org/graph/links>", "r:", "r:x", "#", "\n", "'", '"',
    '"""', "\\", "a", "*", "(", ")",
])
sparql_text = st.one_of(st.lists(SPARQL_WORDS, max_size=40).map(" ".join), any_text,
                        st.lists(SPARQL_WORDS, max_size=40).map("".join))


@BOUNDED
@given(text=sparql_text, update=st.booleans())
def test_the_guard_refuses_or_passes_but_never_crashes(text: str, update: bool) -> None:
    tokens(text)
    try:
        (check_update if update else check_query)(text)
    except ApiError as exc:
        assert exc.status in (400, 403) and exc.code


@BOUNDED
@given(method=st.sampled_from(["GET", "POST", "PUT"]),
       query_string=st.one_of(st.binary(max_size=200), sparql_text.map(lambda t: ("query=" + t).encode("utf-8", "surrogatepass"))),
       content_type=st.one_of(st.none(), st.text(alphabet=string.printable, max_size=60), st.sampled_from([
           "application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded",
           "application/sparql-query; charset=latin-1", "multipart/form-data; boundary=x"])),
       body=st.binary(max_size=300))
def test_reading_a_request_raises_only_problems(method: str, query_string: bytes, content_type: str | None,
                                                body: bytes) -> None:
    try:
        op = read_operation(method, query_string, content_type, body)
    except ApiError as exc:
        assert 400 <= exc.status < 500 and exc.code
        return
    assert op.kind in ("query", "update") and isinstance(op.text, str)


@pytest.mark.parametrize("depth", [10_000, 200_000])
def test_guard_on_deeply_nested_queries(depth: int) -> None:
    check_query("SELECT * WHERE " + "{" * depth + " ?s ?p ?o " + "}" * depth)
    with pytest.raises(ApiError) as info:
        check_query("SELECT * WHERE " + "{" * depth + " SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } " + "}" * depth)
    assert info.value.code == "service_refused"


def test_a_query_of_max_body_bytes_without_guarded_words_is_passed_at_once() -> None:
    """The guard tokenizes only texts that could name SERVICE, LOAD, FROM or USING."""
    query = "ASK { " + "?s ?p ?o . " * (SETTINGS.max_body_bytes // 11) + "}"
    started = time.monotonic()
    check_query(query)
    check_update("INSERT DATA { <urn:a> <urn:b> " + "'x' , " * (SETTINGS.max_body_bytes // 7) + "'y' }")
    assert time.monotonic() - started < 0.5
