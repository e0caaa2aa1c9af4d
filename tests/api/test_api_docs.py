"""docs/settings.md is the settings table as policykg/settings.py has it now."""

from __future__ import annotations

import re
from pathlib import Path

from policykg.settings import SETTINGS, settings_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs"
API = Path(__file__).resolve().parents[2] / "api"


def test_settings_doc_is_current() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    assert text.endswith(settings_markdown()), "docs/settings.md is stale: regenerate it (see its header)"
    for s in SETTINGS:
        assert f"`POLICYKG_{s.name.upper()}`" in text


def test_api_doc_names_every_error_code_the_service_uses() -> None:
    """Every code the service's own modules raise appears in docs/api.md's error table."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in API.glob("*.py"))
    codes = set(re.findall(r'ApiError\(\s*\d{3},\s*"([a-z0-9_]+)"', source))
    codes |= set(re.findall(r'"(missing_[a-z]+)"', source))
    codes |= set(re.findall(r'_refuse\([^)]*?\d{3},\s*"([a-z0-9_]+)"', source))
    codes |= {"query_timeout", "store_error", "not_acceptable", "too_large", "internal_error"}
    assert {"service_refused", "load_refused", "token_required", "rate_limited", "body_too_large"} <= codes
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    missing = sorted(c for c in codes if f"`{c}`" not in text)
    assert not missing, f"codes not documented in docs/api.md: {missing}"
