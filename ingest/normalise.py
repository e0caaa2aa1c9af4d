"""Raw file → `NormalisedDocument`: load, clean, convert, structure, describe.

The steps, each tracked by the offset map so every normalised character points into the original:
invisible characters and CRs out; web-page furniture lines out; inline pinyin out; garbled stretches
flagged (not changed); traditional → simplified plus Taiwan variants; full-width ASCII folded 1:1.
Then the clause tree, the citations and the metadata are read from the normalised text. Failures are
typed ingest errors for the caller to quarantine.
"""

from __future__ import annotations

import re
from pathlib import Path

from policykg.errors import TooLarge
from policykg.ingest import boilerplate, fold, layout, mojibake, pinyin, script
from policykg.ingest.citations import find_citations
from policykg.ingest.clauses import body_clauses, build_clauses, name_clauses
from policykg.ingest.ids import content_hash, document_id, readable_id
from policykg.ingest.loaders import loader_for
from policykg.ingest.manifest import ManifestEntry
from policykg.ingest.metadata import TextMetadata, text_metadata
from policykg.ingest.model import (
    Citation,
    Level,
    Metadata,
    NormalisedDocument,
    Note,
    OffsetMap,
    RawDocument,
    Script,
    Span,
)
from policykg.ingest.textmap import TrackedText
from policykg.settings import Settings


def normalise(
    raw: RawDocument, entry: ManifestEntry | None = None, settings: Settings | None = None
) -> NormalisedDocument:
    """One raw file → its normalised document; typed ingest errors for the caller to quarantine."""
    settings = settings or Settings()
    loaded = loader_for(raw.media_type).load(raw, settings)
    original = loaded.text
    if len(original) > settings.max_text_chars:
        raise TooLarge(
            f"the text has {len(original)} characters, more than max_text_chars",
            limit=settings.max_text_chars,
        )
    notes = [
        Note("encoding", f"read as {loaded.encoding} (confidence {loaded.confidence:.2f})"),
        *loaded.notes,
    ]
    tracked = TrackedText(original)
    scripts = _clean(tracked, notes, loaded.layout)
    text = tracked.text

    offsets = tracked.offsets()
    # the clause tree is read before the id is known (the metadata needs it): its ids get the id after
    structure = build_clauses(text, "", offsets.to_original, original)
    for clause, missing in structure.gaps:
        notes.append(
            Note("numbering_gap", f"clause {clause.marker} follows a missing number {missing}", clause.span)
        )
    preamble_end = structure.preamble_end
    source_name = loaded.source[0] if loaded.source else Path(raw.path).name  # a pack names its PDF
    found = text_metadata(text, preamble_end, structure.body_end, scripts.document, source_name)
    metadata = _metadata(found, entry, scripts.document, _quote_original(original, offsets, found.title_at))
    notes.extend(_disagreements(found, entry))
    if not structure.clauses:  # a text numbering nothing: its paragraphs after its title are its clauses
        after_title = text.find("\n", found.title_at[1]) if found.title_at else 0
        structure.clauses = body_clauses(text, max(after_title, 0), structure.body_end, offsets.to_original)
    sha256 = loaded.source[1] if loaded.source else raw.sha256
    doc_id = entry.id if entry else _readable_id(metadata, sha256)
    name_clauses(structure.clauses, doc_id)

    return NormalisedDocument(
        id=doc_id,
        slug=doc_id,
        source_path=raw.path,
        sha256=sha256,
        content_hash=content_hash(text),
        encoding=loaded.encoding,
        encoding_confidence=loaded.confidence,
        original=original,
        text=text,
        offsets=offsets,
        metadata=metadata,
        clauses=structure.clauses,
        citations=_foreign(find_citations(tracked), metadata, found),
        notes=notes,
        paragraph_scripts=_paragraph_scripts(text, scripts.lines, offsets),
        source_name=source_name,
    )


def _clean(tracked: TrackedText, notes: list[Note], layout_kind: str | None = None) -> script.ScriptResult:
    """The character-level steps, in order; each leaves a note of what it did."""
    tracked.apply(fold.cleanup_edits(tracked.text))
    if layout_kind == "pdf":
        _undo_page_layout(tracked, notes)
    tracked.replace_same_length(fold.unify_line_ends(tracked.text))

    edits, dropped = boilerplate.boilerplate_edits(tracked.text)
    for start, end, line in dropped:
        span = Span(*tracked.to_original(start, end))
        notes.append(Note("boilerplate", f"dropped page furniture: {line[:80]}", span))
    tracked.apply(edits)

    edits = pinyin.pinyin_edits(tracked.text)
    if edits:
        first = Span(*tracked.to_original(edits[0].start, edits[0].end))
        message = f"removed {len(edits)} inline pinyin annotations"
        notes.append(Note("pinyin_removed", message, first, count=len(edits)))
    tracked.apply(edits)

    for start, end in mojibake.find_mojibake(tracked.text):
        message = f"garbled text {tracked.text[start:end]!r}; facts inside it are unreliable"
        notes.append(Note("mojibake", message, Span(*tracked.to_original(start, end))))

    scripts = script.convert(tracked)
    if scripts.converted_chars:
        message = f"converted {scripts.converted_chars} traditional characters to simplified"
        notes.append(Note("t2s", message, count=scripts.converted_chars))
    for variant, n in sorted(scripts.variants.items(), key=lambda kv: (-kv[1], kv[0])):
        message = f"{variant} → {script.variant_table().mainland[variant]}"
        notes.append(Note("variant", message, Span(*scripts.first_variant[variant]), count=n))

    tracked.replace_same_length(fold.fold(tracked.text))
    tracked.replace_same_length(fold.chinese_stops(tracked.text))
    return scripts


def _undo_page_layout(tracked: TrackedText, notes: list[Note]) -> None:
    """A PDF text layer → reading text: page furniture out, wrapped lines joined, CJK spaces out."""
    done = layout.layout_edits(tracked.text)
    for start, end, line in done.dropped:
        notes.append(Note("page_furniture", f"dropped page number or running head: {line[:40]}", Span(*tracked.to_original(start, end))))
    if done.joined:
        notes.append(Note("lines_joined", f"joined {done.joined} lines wrapped by the page layout", count=done.joined))
    if done.spaces:
        notes.append(Note("spaces_removed", f"removed {done.spaces} spaces between Chinese characters", count=done.spaces))
    tracked.apply(done.edits)
    tracked.replace_same_length(layout.radical_fold(tracked.text))


def _readable_id(metadata: Metadata, sha256: str) -> str:
    """Region, romanised title words, year and a short hash: the same file always gets the same id."""
    from policykg.ingest.regions import gazetteer

    region = gazetteer().by_id(metadata.region) if metadata.region else None
    year = (metadata.issued or "")[:4] or None
    if year is None:
        m = re.search(r"(?:19|20)\d{2}", metadata.doc_number or "") or re.search(r"(?:19|20)\d{2}", metadata.title)
        year = m.group(0) if m else None
    title = metadata.titles.get(str(Script.HANS)) or metadata.title
    if metadata.language == "en":
        words = re.findall(r"[A-Za-z0-9]+", title)
        head = " ".join(w for w in words if w.lower() not in ("of", "the", "and", "on", "for", "a", "to", "in"))[:48]
        return document_id(head, title) + (f"-{year}" if year else "") + f"-{sha256[:4]}"
    return readable_id(region.name if region else "", title, year, sha256)


def _quote_original(original: str, offsets: OffsetMap, at: tuple[int, int] | None) -> str | None:
    """The original characters of a normalised range (a traditional title as the document writes it)."""
    if at is None:
        return None
    start, end = offsets.to_original(*at)
    return original[start:end].strip() or None


def _metadata(
    found: TextMetadata, entry: ManifestEntry | None, detected: Script, original_title: str | None
) -> Metadata:
    """The manifest wins where it speaks; the text fills the rest and is kept in `from_text`."""
    if entry is None:
        title = found.title or ""
        titles = {str(Script.EN if detected == Script.EN else Script.HANS): title} if title else {}
        if detected == Script.HANT and original_title:
            titles[str(Script.HANT)] = original_title
            title = original_title  # a document's title is given in its own script, as in the manifest
        return Metadata(
            title=title,
            titles=titles,
            language="en" if detected == Script.EN else "zh",
            script=detected,
            level=found.level,
            region=found.region,
            issuers=list(found.issuers),
            issued=found.issued,
            doc_number=found.doc_number,
            from_text=found.as_dict(),
            doc_type=found.doc_type,
            notice_title=found.notice_title,
        )
    entry_script = Script(entry.script)
    titles = {str(entry_script): entry.title}
    if entry_script == Script.HANT:
        titles[str(Script.HANS)] = script.to_simplified(entry.title)
    if entry.title_zh:
        titles.setdefault(str(Script.HANS), entry.title_zh)
    level = Level(entry.level) if entry.level else found.level
    return Metadata(
        title=entry.title,
        titles=titles,
        language=entry.language,
        script=entry_script,
        level=level,
        region=entry.region or found.region,
        issuers=list(entry.issuers) or list(found.issuers),
        issued=entry.issued or found.issued,
        doc_number=entry.doc_number or found.doc_number,
        source_note=entry.source,
        work=entry.work,
        from_text=found.as_dict(),
        doc_type=found.doc_type,
        notice_title=found.notice_title,
    )


def _foreign(citations: list[Citation], metadata: Metadata, found: TextMetadata) -> list[Citation]:
    """Citations of other documents: a covering notice naming the plan it carries does not cite it."""
    own = {fold.squash(t) for t in (metadata.title, found.title, *metadata.titles.values()) if t}
    return [
        c
        for c in citations
        if fold.squash(c.title) not in own or (c.doc_number is not None and c.doc_number != metadata.doc_number)
    ]


def _disagreements(found: TextMetadata, entry: ManifestEntry | None) -> list[Note]:
    if entry is None:
        return []
    notes: list[Note] = []
    for name, said in (("issued", found.issued), ("doc_number", found.doc_number)):
        listed = getattr(entry, name)
        if said and listed and said != listed:
            notes.append(
                Note("metadata", f"the text gives {name} {said}, the manifest {listed}; the manifest is kept")
            )
    return notes


def _paragraph_scripts(text: str, scripts: list[Script], offsets: OffsetMap) -> list[tuple[Span, Script]]:
    out: list[tuple[Span, Script]] = []
    pos = 0
    for line, line_script in zip(text.split("\n"), scripts, strict=True):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            out.append((Span(*offsets.to_original(start, start + len(stripped))), line_script))
        pos += len(line) + 1
    return out
