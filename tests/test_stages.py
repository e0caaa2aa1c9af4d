"""The stages depend on each other one way only: no import cycle between the stage packages.

Nodes are the stage packages (ingest, extract, link, ontology, graph, api) and the modules of policykg/
one by one (its foundation — errors, settings — and the commands above every stage — pipeline, cli,
evaluate, notebook…). Every import counts: at the top of a module, inside a function or for type
checking only. `__version__`, a constant of the package root, is no dependency on what the root
re-exports.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("ingest", "extract", "link", "ontology", "graph", "api")

def _node_of_file(path: Path) -> str:
    rel = path.relative_to(ROOT)
    if rel.parts[0] == "policykg":
        return "policykg" if rel.stem == "__init__" else f"policykg.{rel.stem}"
    return rel.parts[0]


def _targets(module: str, names: list[str]) -> list[str]:
    """The nodes an import of `module` (with `names`, for `from module import …`) reaches."""
    parts = module.split(".")
    if parts[0] != "policykg":
        return []
    if len(parts) > 1:
        return [parts[1] if parts[1] in STAGES else f"policykg.{parts[1]}"]
    found = []
    for name in names or ["*"]:
        if name in STAGES:
            found.append(name)
        elif (ROOT / "policykg" / f"{name}.py").exists():
            found.append(f"policykg.{name}")
        elif name != "__version__":
            found.append("policykg")
    return found


def stage_imports() -> dict[tuple[str, str], set[str]]:
    """(from node, to node) → the files whose imports make that edge."""
    edges: dict[tuple[str, str], set[str]] = defaultdict(set)
    files = sorted((ROOT / "policykg").glob("*.py"))
    for stage in STAGES:
        files += sorted((ROOT / stage).rglob("*.py"))
    for path in files:
        source = _node_of_file(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imports = [(alias.name, []) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imports = [(node.module, [alias.name for alias in node.names])]
            else:
                continue
            for module, names in imports:
                for target in _targets(module, names):
                    if target != source:
                        edges[(source, target)].add(path.relative_to(ROOT).as_posix())
    return edges


def cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """The strongly connected groups of more than one node (Tarjan)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_stage_graph_has_no_cycle() -> None:
    edges = stage_imports()
    found = cycles(set(edges))
    detail = {f"{a} -> {b}": sorted(edges[(a, b)]) for group in found for a, b in edges if a in group and b in group}
    assert not found, detail


def test_cycles_are_found() -> None:
    assert cycles({("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")}) == [["a", "b", "c"]]
    assert cycles({("a", "b"), ("b", "c")}) == []


def test_long_modules_say_why_they_are_long() -> None:
    """A module past about 400 lines says at its top why it is kept whole ("Length (…)")."""
    folders = ["policykg", *STAGES, "tests", "bench"]
    long = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            doc = ast.get_docstring(ast.parse(text)) or ""
            if text.count("\n") > 420 and "Length (" not in doc:
                long.append(path.relative_to(ROOT).as_posix())
    assert not long, long
