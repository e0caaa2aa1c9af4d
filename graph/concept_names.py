"""Concepts by name: an id, or any label of the scheme in any script, to a concept id."""

from __future__ import annotations

import threading

from policykg.ontology.concepts import ConceptScheme, normalise_label

#: The scripts a concept has labels in.
SCRIPTS = ("zh-Hans", "zh-Hant", "en")


class ConceptNames:
    """Resolves what a researcher calls a concept ("CCUS", "碳捕集利用與封存", "carbon capture") to its id."""

    def __init__(self, scheme: ConceptScheme) -> None:
        self.scheme = scheme
        self._labels: dict[str, str] | None = None
        self._lock = threading.Lock()

    def _label_table(self) -> dict[str, str]:
        with self._lock:
            if self._labels is None:
                labels: dict[str, str] = {}
                for cid, c in self.scheme.concepts.items():
                    for lang in SCRIPTS:
                        for label in c.all_labels(lang):
                            labels.setdefault(normalise_label(label), cid)
                self._labels = labels
            return self._labels

    def resolve(self, concept: str) -> str | None:
        """A concept id from its id or any label in any script, compared in normalised form."""
        found = self.resolve_how(concept)
        return None if found is None else found[0]

    def resolve_how(self, concept: str) -> tuple[str, str] | None:
        """(concept id, "exact" or "partial"): an id or a whole label is exact; failing that, a partial
        label ("碳捕集", "carbon capture") names the concept the scheme's lookup ranks first. The name is
        read in each of its query forms (`ingest.script.query_forms`: 碳捕捉 is 碳捕集, 套用 is 应用), as
        written first (a simplified 公车 is no 公交车), and a whole label in any form wins over a partial
        one in any."""
        from policykg.ingest.script import query_forms

        if concept in self.scheme.concepts:
            return concept, "exact"
        if not concept.strip():
            return None
        forms = query_forms(concept)[::-1]
        for form in forms:
            exact = self._label_table().get(normalise_label(form))
            if exact is not None:
                return exact, "exact"
        for form in forms:
            found = self.scheme.lookup(form)
            if found:
                return found[0], "partial"
        return None

    def family(self, concept: str) -> list[str]:
        """The concept a name resolves to and every narrower one; empty when no concept has that name."""
        cid = self.resolve(concept)
        return [] if cid is None else [cid, *self.scheme.descendants(cid)]

    def labels(self, cid: str) -> dict[str, str | None]:
        """A concept's preferred label in each script."""
        c = self.scheme.concepts[cid]
        return {lang: c.labels.get(lang) for lang in SCRIPTS}
