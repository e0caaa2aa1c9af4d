"""POST /api/documents: the write token, size limits and the ingest of a real document."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.api.routes_upload import safe_filename
from tests.api.api_support import TOKEN, LiveServer, assert_problem, raw_request, status_and_json

AUTH = {"Authorization": f"Bearer {TOKEN}"}
SANMING_FILE = Path(__file__).resolve().parents[2] / "corpus" / "documents" / "003_e073a84fa08b70e4.txt"


def test_upload_needs_the_token(client) -> None:  # type: ignore[no-untyped-def]
    files = {"file": ("sanming.txt", SANMING_FILE.read_bytes(), "text/plain")}
    assert_problem(client.post("/api/documents", files=files), 403, "token_required")
    assert_problem(client.post("/api/documents", files=files, headers={"Authorization": "Bearer wrong"}), 403,
                   "token_invalid")


def test_upload_refused_when_writes_are_disabled(make_client) -> None:  # type: ignore[no-untyped-def]
    c = make_client(write_token="")
    files = {"file": ("sanming.txt", SANMING_FILE.read_bytes(), "text/plain")}
    assert_problem(c.post("/api/documents", files=files, headers=AUTH), 403, "writes_disabled")


def test_document_over_max_upload_bytes_is_413(make_client) -> None:  # type: ignore[no-untyped-def]
    c = make_client(max_upload_bytes=10_000)
    data = SANMING_FILE.read_bytes()
    assert len(data) > 10_000
    r = c.post("/api/documents", files={"file": ("sanming.txt", data, "text/plain")}, headers=AUTH)
    body = assert_problem(r, 413, "too_large")
    assert body["limit"] == 10_000
    huge = b"x" * (10_000 + 70 * 1024)  # past the document limit and the multipart allowance: refused unread
    r = c.post("/api/documents", files={"file": ("big.txt", huge, "text/plain")}, headers=AUTH)
    assert_problem(r, 413, "body_too_large")


def test_token_is_checked_before_the_body_is_read(live_server: LiveServer) -> None:
    head = (f"POST /api/documents HTTP/1.1\r\nHost: {live_server.host}\r\n"
            "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 1000000\r\n\r\n").encode()
    status, _, body = status_and_json(raw_request(live_server, head))  # and no body at all
    assert (status, body["code"]) == (403, "token_required")


@pytest.mark.parametrize(
    ("name", "safe"),
    [("../../etc/passwd", "passwd"), ("C:\\Users\\x\\plan.docx", "plan.docx"), ("三明市方案.txt", "三明市方案.txt"), ("", "upload")],
)
def test_uploaded_names_lose_their_directories(name: str, safe: str) -> None:
    assert safe_filename(name) == safe


def test_upload_ingests_a_real_document(make_client, scratch_store) -> None:  # type: ignore[no-untyped-def]
    c = make_client(graph_store=scratch_store)
    before = {d["id"] for d in c.get("/api/documents").json()["documents"]}
    files = {"file": ("三明市减污降碳协同增效实施方案.txt", SANMING_FILE.read_bytes(), "text/plain")}
    r = c.post("/api/documents", files=files, headers=AUTH)
    assert r.status_code == 201, r.text
    outcome = r.json()
    # the bundled plan's bytes under another name: the same document, with the same id, whichever route
    assert outcome["status"] == "ok" and outcome["document"] == "sanming-pollution-carbon-synergy-plan-2022"
    assert {d["id"] for d in c.get("/api/documents").json()["documents"]} == before
    doc = c.get(f"/api/documents/{outcome['document']}").json()
    [i5] = [cl for cl in doc["clauses"] if cl["path"] == ["四", "五"]]
    assert i5["title"] == "推进工业领域协同增效"
    assert i5["units"][0]["id"] == "cn-fj-sanming.gxj" and i5["units"][0]["role"] == "lead"
    again = c.post("/api/documents", files=files, headers=AUTH)  # the same bytes once more
    assert again.status_code == 201 and again.json()["status"] == "skipped"


def test_an_unreadable_upload_is_a_problem_naming_why(make_client, scratch_store) -> None:  # type: ignore[no-untyped-def]
    c = make_client(graph_store=scratch_store)
    before = c.get("/api/documents").json()["documents"]
    r = c.post("/api/documents", files={"file": ("plan.txt", bytes(range(256)) * 40, "text/plain")}, headers=AUTH)
    body = assert_problem(r, 422, "binary_content")
    assert body["filename"] == "plan.txt"
    r = c.post("/api/documents", files={"file": ("plan.exe", b"MZ\x90\x00" * 100)}, headers=AUTH)
    assert_problem(r, 422, "unsupported_format")
    assert c.get("/api/documents").json()["documents"] == before
