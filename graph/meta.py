"""The store's meta graph: one description per data graph (its version, size and time of last write),
and the mark of a batch write begun and not yet recorded. The store owns it; builds and shards write
versions only through the store's methods and `graph.shards`."""

from __future__ import annotations

from policykg.ontology.vocab import BASE

#: Named graph holding one description per data graph: its version, size and time of last write.
META_GRAPH = BASE + "graph/meta"
VERSION = "http://www.w3.org/2002/07/owl#versionInfo"
MODIFIED = "http://purl.org/dc/terms/modified"
TRIPLES = "http://rdfs.org/ns/void#triples"
XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
#: Marks, in the meta graph, a graph whose batch write has begun and not yet been recorded; a store
#: that finds one on opening removes that graph (see `OxigraphStore.write_graphs`).
PENDING = BASE + "graph/meta#pendingWrite"
