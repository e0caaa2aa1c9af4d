"""Fast pickling for slotted dataclasses.

A dataclass made with `slots=True` pickles through `dataclasses.fields()` for every object, which costs
more than the copying itself when a build ships hundreds of thousands of spans, clauses, mentions and
links between processes and into its cache. `fast_pickle` gives a class a state made of its field values
in order, read and written without looking the fields up again.
"""

from __future__ import annotations

import dataclasses
import operator
from typing import Any, TypeVar

T = TypeVar("T")


def fast_pickle(cls: type[T]) -> type[T]:
    """Decorates a slotted dataclass (below its `@dataclass`) with a quick `__getstate__`/`__setstate__`."""
    names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    get = operator.attrgetter(*names)
    setter = object.__setattr__  # frozen classes too

    if len(names) == 1:
        def __getstate__(self: Any) -> tuple[Any, ...]:
            return (get(self),)
    else:
        def __getstate__(self: Any) -> tuple[Any, ...]:
            return get(self)  # type: ignore[no-any-return]

    def __setstate__(self: Any, state: Any) -> None:
        for name, value in zip(names, state, strict=True):
            setter(self, name, value)

    setattr(cls, "__getstate__", __getstate__)  # noqa: B010 — replaces the method dataclasses gave it
    setattr(cls, "__setstate__", __setstate__)  # noqa: B010
    return cls
