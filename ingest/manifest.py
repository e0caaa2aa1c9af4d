"""The corpus manifest: what is known about each bundled document beyond its text.

`load_manifest` reads corpus/manifest.toml (or another manifest) and keys the entries by the absolute,
resolved path of their file, the key the build pipeline and the CLI look documents up by. A malformed
manifest is a configuration error, not something to guess around.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from policykg.errors import ConfigurationError
from policykg.ingest.model import Level, Script
from policykg.ingest.raw import is_supported


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    id: str
    path: Path  # absolute
    work: str
    title: str
    title_zh: str | None = None
    language: str = "zh"
    script: str = "zh-Hans"
    level: str | None = None
    region: str | None = None
    issuers: tuple[str, ...] = field(default_factory=tuple)
    issued: str | None = None
    doc_number: str | None = None
    source: str | None = None


def default_manifest_path() -> Path:
    return Path(str(resources.files("policykg.corpus").joinpath("manifest.toml")))


#: The default corpus's folders: the bundled texts, then the pack of the real corpus's PDFs.
DEFAULT_FOLDERS = ("documents", "real")
#: The eleven bundled texts alone (the seed documents and the Sanming hierarchy).
BUNDLED_TEXTS = ("documents",)


def default_corpus_files(folders: tuple[str, ...] = DEFAULT_FOLDERS) -> list[Path]:
    """The bundled documents, folder by folder, each in file-name order."""
    base = default_manifest_path().parent
    files: list[Path] = []
    for name in folders:
        folder = base / name
        if folder.is_dir():
            files.extend(sorted(p.resolve() for p in folder.iterdir() if p.is_file() and is_supported(p.name)))
    return files


def load_manifest(path: str | Path | None = None) -> dict[str, ManifestEntry]:
    """Entries keyed by str(absolute resolved file path)."""
    manifest = Path(path) if path is not None else default_manifest_path()
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigurationError(f"cannot read the manifest {manifest.name}: {exc}") from exc
    entries: dict[str, ManifestEntry] = {}
    seen: set[str] = set()
    for i, raw in enumerate(data.get("document", [])):
        entry = _entry(raw, manifest.parent, i)
        if entry.id in seen:
            raise ConfigurationError(f"manifest: the id {entry.id!r} is used twice")
        seen.add(entry.id)
        entries[str(entry.path)] = entry
    return entries


def _entry(raw: dict[str, object], base: Path, index: int) -> ManifestEntry:
    def text(key: str, required: bool = False) -> str | None:
        value = raw.get(key)
        if value is None:
            if required:
                raise ConfigurationError(f"manifest document #{index + 1} has no {key!r}")
            return None
        if isinstance(value, dt.date):  # an unquoted TOML date
            return value.isoformat()
        if not isinstance(value, str):
            raise ConfigurationError(f"manifest document #{index + 1}: {key!r} must be a string")
        return value

    doc_id = text("id", required=True) or ""
    if "/" in doc_id or not doc_id.strip():
        raise ConfigurationError(f"manifest id {doc_id!r} must be non-empty and contain no '/'")
    level = text("level")
    if level is not None and level not in {lv.value for lv in Level}:
        raise ConfigurationError(f"manifest {doc_id}: unknown level {level!r}")
    script = text("script") or "zh-Hans"
    if script not in {s.value for s in Script}:
        raise ConfigurationError(f"manifest {doc_id}: unknown script {script!r}")
    issuers = raw.get("issuers", [])
    if not isinstance(issuers, list) or not all(isinstance(x, str) for x in issuers):
        raise ConfigurationError(f"manifest {doc_id}: issuers must be a list of strings")
    return ManifestEntry(
        id=doc_id,
        path=(base / (text("file", required=True) or "")).resolve(),
        work=text("work") or doc_id,
        title=text("title", required=True) or "",
        title_zh=text("title_zh"),
        language=text("language") or ("en" if script == "en" else "zh"),
        script=script,
        level=level,
        region=text("region"),
        issuers=tuple(issuers),
        issued=text("issued"),
        doc_number=text("doc_number"),
        source=text("source"),
    )


def bundled_texts() -> list[Path]:
    """The eleven bundled texts, in file-name order."""
    return default_corpus_files(BUNDLED_TEXTS)
