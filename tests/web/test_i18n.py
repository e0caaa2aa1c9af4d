"""The interface speaks Chinese and English: every text key the page uses exists in both dictionaries.

(No browser needed: the keys are read from the page's own modules.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

STATIC = Path(__file__).resolve().parents[2] / "api" / "static"
KEY = re.compile(r"(?<![\w.])t\('([^']+)'")
TEMPLATE = re.compile(r"(?<![\w.])t\(`([^`]+)`")

# The values the dynamic keys (t(`level.${level}`) …) take, from the data the page shows.
FAMILIES = {
    "level": ["central", "ministry", "provincial", "municipal", "county"],
    "role": ["lead", "support", "mentioned"],
    "relation": ["implements", "quantifies", "restates"],
    "evidence": ["concept", "number", "year", "wording", "unit", "citation", "alignment", "via", "section", "family",
                 "topic", "hierarchy"],
    "fact": ["match", "measure", "target", "deadline", "unit", "concept", "focus"],
    "nav": ["search", "docs", "trace", "units", "targets", "coverage", "sparql"],
    "home": ["docs", "trace", "units", "targets", "coverage", "sparql"],
    "doclinks": ["parents", "children", "parents.none", "children.none"],
    "doc.version": ["en", "zh"],
}


def _dictionaries() -> dict[str, dict[str, str]]:
    return {lang: json.loads((STATIC / "i18n" / f"{lang}.json").read_text(encoding="utf-8")) for lang in ("zh", "en")}


def _sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(STATIC.rglob("*.js")) if "vendor" not in p.parts)


def test_both_languages_have_the_same_keys() -> None:
    zh, en = _dictionaries().values()
    assert set(zh) == set(en)
    assert all(value.strip() for value in [*zh.values(), *en.values()])


def test_every_key_the_page_uses_is_translated() -> None:
    used = set(KEY.findall(_sources()))
    used |= set(re.findall(r'data-i18n="([^"]+)"', (STATIC / "index.html").read_text(encoding="utf-8")))
    used |= {f"{family}.{value}" for family, values in FAMILIES.items() for value in values}
    used |= {f"level.{value}.explain" for value in FAMILIES["level"]}
    assert len(used) > 150
    for lang, words in _dictionaries().items():
        missing = sorted(used - set(words))
        assert not missing, f"{lang}: {missing}"


def test_every_dynamic_key_family_is_known() -> None:
    """A new t(`family.${x}`) in the page needs its values listed above, or its keys go unchecked."""
    families = {re.sub(r"\$\{[^}]+\}.*", "", template).rstrip(".") for template in TEMPLATE.findall(_sources())}
    assert families <= set(FAMILIES) | {"level"}, families - set(FAMILIES)


def test_placeholders_match_between_languages() -> None:
    zh, en = _dictionaries().values()
    for key in zh:
        assert set(re.findall(r"\{(\w+)\}", zh[key])) == set(re.findall(r"\{(\w+)\}", en[key])), key
