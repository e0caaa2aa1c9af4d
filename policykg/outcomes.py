"""What a build says about each input file, and its summary: every file ends ok, quarantined (with a
typed reason) or skipped (unchanged, or a duplicate), so the summary always adds up to the input."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field


@dataclass(slots=True)
class Outcome:
    path: str
    status: str  # "ok" | "quarantined" | "skipped"
    document: str | None = None
    code: str | None = None
    message: str | None = None


@dataclass(slots=True)
class BuildSummary:
    outcomes: list[Outcome] = field(default_factory=list)
    links: int = 0
    quads: int = 0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> int:
        return self.count("ok")

    @property
    def quarantined(self) -> int:
        return self.count("quarantined")

    @property
    def skipped(self) -> int:
        return self.count("skipped")

    @property
    def total(self) -> int:
        return len(self.outcomes)

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "quarantined": self.quarantined,
            "skipped": self.skipped,
            "total": self.total,
            "links": self.links,
            "quads": self.quads,
            "outcomes": [asdict(o) for o in self.outcomes],
        }


ProgressHook = Callable[[str, int, int], None]  # (stage, done, total)
