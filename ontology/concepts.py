"""The climate-policy concept scheme (ontology/concepts.ttl) as Python objects.

The Turtle file is the single source of truth: a SKOS scheme of concepts with trilingual labels and
the variant wordings real documents use, plus a small scheme of policy sectors. Extractors match the
simplified-Chinese and English labels against normalised text; people search with any script, so
`lookup` accepts traditional input (converted with OpenCC t2s), English in any case, an id, or a part
of a label ("碳捕集", "carbon capture").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import opencc
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

CONCEPT_NS = "https://policykg.org/concept/"
SECTOR_NS = "https://policykg.org/sector/"
PKG = Namespace("https://policykg.org/ns#")
CONCEPT_SCHEME = URIRef("https://policykg.org/scheme/concepts")
SECTOR_SCHEME = URIRef("https://policykg.org/scheme/sectors")
SCHEME_PATH = Path(__file__).with_name("concepts.ttl")

#: Label languages of the scheme, in display order.
LANGS = ("zh-Hans", "zh-Hant", "en")

_T2S = opencc.OpenCC("t2s")
_SPACES = re.compile(r"\s+")


#: Full-width ASCII forms (U+FF01–FF5E) → their half-width forms, the ideographic space → a space.
_HALF_WIDTH = {**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}, 0x3000: 0x20}


def fold_width(text: str) -> str:
    """Full-width ASCII forms and the ideographic space folded 1:1 to half-width (length kept)."""
    return text.translate(_HALF_WIDTH)


def normalise_label(text: str) -> str:
    """The form labels are compared in: simplified script, half-width, lower case, single spaces."""
    return _SPACES.sub(" ", _T2S.convert(fold_width(text)).lower()).strip()


def normalised_forms(phrase: str) -> tuple[str, ...]:
    """A reader's phrase in the forms stored texts are compared in: each form `ingest.script.query_forms` gives
    (the stored script, the Taiwan phrase table's wording first) through `normalise_label`; empty for a blank one."""
    from policykg.ingest.script import query_forms

    return tuple(dict.fromkeys(form for form in map(normalise_label, query_forms(phrase)) if form))


def normalise_labels(texts: list[str]) -> list[str]:
    """`normalise_label` for many labels at once (one OpenCC call instead of one per label)."""
    if any("\n" in t for t in texts):
        return [normalise_label(t) for t in texts]
    converted = _T2S.convert("\n".join(fold_width(t) for t in texts)).split("\n")
    return [_SPACES.sub(" ", t.lower()).strip() for t in converted]


def _loose(text: str) -> str:
    """`normalise_label` that also ignores hyphens, so "non-fossil" and "non fossil" meet."""
    return _SPACES.sub(" ", normalise_label(text).replace("-", " ")).strip()


def _contains(text: str, part: str) -> bool:
    """`part` occurs in `text`; an English part only as whole words ("carbon" is not in "hydrofluorocarbons")."""
    if part not in text:  # most labels are not in it at all: no pattern to build for them
        return False
    if not part.isascii():
        return True
    return re.search(rf"(?<![a-z0-9]){re.escape(part)}(?![a-z0-9])", text) is not None


@dataclass(frozen=True, slots=True)
class Sector:
    id: str
    iri: str
    labels: dict[str, str]


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    iri: str
    labels: dict[str, str]  # language tag → prefLabel
    alt: dict[str, list[str]] = field(default_factory=dict)  # language tag → altLabels
    broader: tuple[str, ...] = ()
    narrower: tuple[str, ...] = ()
    sector: str = ""
    indicator: bool = False

    def all_labels(self, lang: str) -> list[str]:
        """prefLabel then altLabels of one language."""
        pref = [self.labels[lang]] if lang in self.labels else []
        return pref + list(self.alt.get(lang, []))


def _local(iri: object, ns: str) -> str:
    text = str(iri)
    if not text.startswith(ns):
        raise ValueError(f"{text} is not in {ns}")
    return text[len(ns) :]


class ConceptScheme:
    """Concepts and sectors of the scheme, with label lookup in any script."""

    def __init__(self, concepts: dict[str, Concept], sectors: dict[str, Sector]) -> None:
        self.concepts = concepts
        self.sectors = sectors
        self._match_tables: dict[tuple[str, ...], dict[str, str]] = {}
        self._exact: dict[str, list[str]] = {}
        pairs = [
            (label, cid) for cid, concept in concepts.items() for label in (cid, *self._labels_of(concept))
        ]
        keys = normalise_labels([label for label, _ in pairs])
        for key, (_, cid) in zip(keys, pairs, strict=True):
            ids = self._exact.setdefault(_SPACES.sub(" ", key.replace("-", " ")).strip(), [])
            if cid not in ids:
                ids.append(cid)

    @classmethod
    def load(cls, path: str | Path | None = None) -> ConceptScheme:
        """The scheme parsed from `path` (default: the packaged concepts.ttl); cached per path."""
        return _load_cached(str(Path(path).resolve()) if path is not None else str(SCHEME_PATH))

    @classmethod
    def from_graph(cls, graph: Graph) -> ConceptScheme:
        sectors: dict[str, Sector] = {}
        for node in graph.subjects(SKOS.inScheme, SECTOR_SCHEME):
            sid = _local(node, SECTOR_NS)
            sectors[sid] = Sector(sid, str(node), _pref_labels(graph, node))
        raw: dict[str, dict] = {}
        for node in graph.subjects(SKOS.inScheme, CONCEPT_SCHEME):
            if (node, RDF.type, SKOS.Concept) not in graph:
                continue
            cid = _local(node, CONCEPT_NS)
            alt: dict[str, list[str]] = {}
            for label in sorted(graph.objects(node, SKOS.altLabel), key=str):
                if isinstance(label, Literal) and label.language:
                    alt.setdefault(label.language, []).append(str(label))
            sector = graph.value(node, PKG.sector)
            indicator = graph.value(node, PKG.indicator)
            raw[cid] = dict(
                iri=str(node),
                labels=_pref_labels(graph, node),
                alt=alt,
                broader={_local(b, CONCEPT_NS) for b in graph.objects(node, SKOS.broader)},
                narrower={_local(n, CONCEPT_NS) for n in graph.objects(node, SKOS.narrower)},
                sector=_local(sector, SECTOR_NS) if sector is not None else "",
                indicator=bool(indicator.toPython()) if isinstance(indicator, Literal) else False,
            )
        # broader/narrower are each other's inverse: complete whichever side the data states.
        for cid, data in raw.items():
            for b in data["broader"]:
                if b in raw:
                    raw[b]["narrower"].add(cid)
            for n in data["narrower"]:
                if n in raw:
                    raw[n]["broader"].add(cid)
        concepts = {
            cid: Concept(
                id=cid,
                iri=data["iri"],
                labels=data["labels"],
                alt=data["alt"],
                broader=tuple(sorted(data["broader"])),
                narrower=tuple(sorted(data["narrower"])),
                sector=data["sector"],
                indicator=data["indicator"],
            )
            for cid, data in sorted(raw.items())
        }
        return cls(concepts, sectors)

    # --- labels ----------------------------------------------------------------------------------
    @staticmethod
    def _labels_of(concept: Concept) -> Iterable[str]:
        for lang in LANGS:
            yield from concept.all_labels(lang)

    def match_labels(self, lang: str) -> dict[str, str]:
        """Normalised label → concept id, for matching normalised text of language `lang` ("zh"/"en").

        zh: the simplified labels plus the simplified form of every traditional label, so Taiwan
        wordings a phrase table left in place ("分散式光伏", "人工智慧") still match. en: English labels.
        Where two concepts claim the same form, the one first in id order keeps it.
        """
        langs = ("zh-Hans", "zh-Hant") if lang.startswith("zh") else ("en",)
        if langs not in self._match_tables:
            pairs = [
                (label, cid)
                for cid, concept in self.concepts.items()
                for label_lang in langs
                for label in concept.all_labels(label_lang)
            ]
            table: dict[str, str] = {}
            for key, (_, cid) in zip(normalise_labels([label for label, _ in pairs]), pairs, strict=True):
                if key:
                    table.setdefault(key, cid)
            self._match_tables[langs] = table
        return dict(self._match_tables[langs])

    def lookup(self, label: str) -> list[str]:
        """Concept ids for a label in any script or case, an id, or part of a label.

        Exact matches (of a prefLabel, altLabel or id) win; failing that, concepts with a label that
        contains the query; failing that, concepts whose labels occur inside the query.
        """
        query = _loose(label)
        if not query:
            return []
        if query in self._exact:
            return list(self._exact[query])
        partial: dict[str, int] = {}
        for key, ids in self._exact.items():
            if _contains(key, query):
                for cid in ids:
                    partial[cid] = min(partial.get(cid, len(key)), len(key))
        if partial:
            return sorted(partial, key=lambda cid: (partial[cid], cid))
        inside: dict[str, int] = {}
        for key, ids in self._exact.items():
            if len(key) >= 2 and _contains(query, key):
                for cid in ids:
                    inside[cid] = max(inside.get(cid, 0), len(key))
        return sorted(inside, key=lambda cid: (-inside[cid], cid))

    def matching(self, label: str) -> list[str]:
        """Every concept a search for `label` finds: the exact matches first, then every concept with a
        label that contains it ("碳汇" finds 碳汇 and also 森林碳汇, 海洋碳汇, 碳汇交易 …), nearest first;
        failing both, the concepts whose labels occur inside it (as `lookup`)."""
        query = _loose(label)
        if not query:
            return []
        exact = list(self._exact.get(query, []))
        partial: dict[str, int] = {}
        for key, ids in self._exact.items():
            if key != query and _contains(key, query):
                for cid in ids:
                    partial[cid] = min(partial.get(cid, len(key)), len(key))
        found = exact + [cid for cid in sorted(partial, key=lambda c: (partial[c], c)) if cid not in exact]
        return found or self.lookup(label)

    # --- hierarchy -------------------------------------------------------------------------------
    def descendants(self, concept_id: str) -> list[str]:
        """Every concept below `concept_id` (narrower, transitively), nearest first."""
        return self._walk(concept_id, "narrower")

    def ancestors(self, concept_id: str) -> list[str]:
        """Every concept above `concept_id` (broader, transitively), nearest first."""
        return self._walk(concept_id, "broader")

    def _walk(self, concept_id: str, relation: str) -> list[str]:
        """Breadth-first closure of `relation` ("narrower" or "broader") from `concept_id`, itself excluded."""
        seen: list[str] = []
        frontier = list(getattr(self.concepts[concept_id], relation))
        while frontier:
            cid = frontier.pop(0)
            if cid in seen or cid == concept_id:
                continue
            seen.append(cid)
            frontier.extend(getattr(self.concepts[cid], relation))
        return seen

    def sector_of(self, concept_id: str) -> str:
        return self.concepts[concept_id].sector

    def iri(self, concept_id: str) -> str:
        return CONCEPT_NS + concept_id


def _pref_labels(graph: Graph, node: Node) -> dict[str, str]:
    labels: dict[str, str] = {}
    for label in graph.objects(node, SKOS.prefLabel):
        if isinstance(label, Literal) and label.language:
            labels[label.language] = str(label)
    return labels


@functools.lru_cache(maxsize=8)
def _load_cached(path: str) -> ConceptScheme:
    graph = Graph()
    graph.parse(path, format="turtle")
    return ConceptScheme.from_graph(graph)
