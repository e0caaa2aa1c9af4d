"""policykg.link stage: citations resolved, documents and clauses linked across levels.

`link_corpus` is the entry point the build calls; `trace` walks a measure up to the top level and
`find_measures` finds where to start from a phrase.
"""

from policykg.link.citations import resolve_citations
from policykg.link.linker import LINKER_VERSION, link_corpus
from policykg.link.trace import find_measures, trace

__all__ = ["LINKER_VERSION", "find_measures", "link_corpus", "resolve_citations", "trace"]
