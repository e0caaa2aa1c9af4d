"""What every answer model shares: plain JSON-ready fields, nothing beyond those declared.

Each answer module (`answer_documents`, `answer_targets`, …) declares the model of its answer by
deriving from `Answer`; the query layer validates what it computed against it, and the HTTP API names the
same model as the `response_model` of its route. A field is present in an answer exactly when the
answer sets it (dumped with `exclude_unset`), so optional parts of an answer — a path the API adds, a
flag only some entries carry — stay absent where they were never given.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

#: A number read from the graph: an integer stays an integer, a decimal a float.
Number = int | float


class Answer(BaseModel):
    # A field may have a name in code other than its published one (`Field(alias=…)`): the alias is
    # what answers read and write.
    model_config = ConfigDict(extra="forbid", validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)

    def plain(self) -> dict[str, Any]:
        """The answer as plain JSON-ready values, with exactly the fields it was given."""
        return self.model_dump(exclude_unset=True)


A = TypeVar("A", bound=Answer)


def plain_list(items: list[A]) -> list[dict[str, Any]]:
    return [item.plain() for item in items]
