"""CORS closed unless configured, security headers on every answer (errors included)."""

from __future__ import annotations

from tests.api.api_support import assert_problem

ORIGIN = "https://research.example.org"


def test_cors_is_closed_by_default(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/api/documents", headers={"Origin": ORIGIN})
    assert r.status_code == 200
    assert "access-control-allow-origin" not in r.headers
    preflight = client.options("/sparql", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    assert_problem(preflight, 405, "method_not_allowed")


def test_cors_opens_to_configured_origins_only(make_client) -> None:  # type: ignore[no-untyped-def]
    c = make_client(cors_origins=f"{ORIGIN}, https://other.example.org")
    r = c.get("/api/documents", headers={"Origin": ORIGIN})
    assert r.headers["access-control-allow-origin"] == ORIGIN
    assert "x-policykg-truncated" in r.headers["access-control-expose-headers"].lower()
    preflight = c.options(
        "/sparql",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"},
    )
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]
    stranger = c.get("/api/documents", headers={"Origin": "https://evil.example.com"})
    assert "access-control-allow-origin" not in stranger.headers


def test_security_headers_on_answers_and_errors(make_client) -> None:  # type: ignore[no-untyped-def]
    limited, plain = make_client(rate_limit=1), make_client()
    answers = [
        limited.get("/api/examples"),
        limited.get("/api/examples"),
        plain.get("/nowhere"),
        plain.post("/sparql", content=b"x" * 10,
                   headers={"Content-Length": str(10**9), "Content-Type": "application/sparql-query"}),
    ]
    assert [r.status_code for r in answers] == [200, 429, 404, 413]
    for r in answers:
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]


def test_the_page_is_served_at_the_root_with_its_own_policy(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    script = client.get("/app.js")
    assert script.status_code == 200
    assert_problem(client.get("/no-such-file.js"), 404, "not_found")
