"""No import cycle among the modules of ``core`` and ``desktop``, found by grimp (import-linter's graph).

An import counts as mypy reads it: besides the module a statement brings in, ``from P
import m`` depends on the package ``P`` itself (its ``__init__``), and ``import a.b.c``
on ``a`` and ``a.b``. So ``from core.store import autobackup`` inside the store is a cycle
when ``core/store/__init__.py`` imports, directly or not, the module that says it."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]

# Cycles known and left for their own change, each as the set of its modules. A cycle not
# listed here fails; a listed one that is gone fails too, so the list only shrinks.
KNOWN_CYCLES: dict[frozenset[str], str] = {}

_FROM = re.compile(r"^\s*from\s+([\w.]+)\s+import\b")
_IMPORT = re.compile(r"^\s*import\s+(.+)$")

Edges = dict[str, dict[str, list[str]]]  # importer -> imported -> "line N: statement"


@cache
def _edges(*packages: str) -> Edges:
    packages = packages or ("core",)
    for package in packages:
        spec = importlib.util.find_spec(package)
        assert spec is not None and spec.origin is not None
        assert Path(spec.origin).parent == ROOT / package, (
            f"the graph would be of {spec.origin}, not of this checkout's {package}")
    graph = grimp.build_graph(*packages, cache_dir=None)
    edges: Edges = {m: {} for m in graph.modules}
    for importer in graph.modules:
        for imported in graph.find_modules_directly_imported_by(importer):
            for detail in graph.get_import_details(importer=importer, imported=imported):
                where = f"line {detail['line_number']}: {detail['line_contents'].strip()}"
                for target in {imported, *_packages_named(str(detail["line_contents"]))}:
                    if target != importer and target in edges:
                        edges[importer].setdefault(target, []).append(where)
    return edges


def _packages_named(statement: str) -> Iterator[str]:
    """The packages an import statement depends on besides what it brings in."""
    statement = statement.split("#")[0]
    if m := _FROM.match(statement):
        yield m.group(1)
    elif m := _IMPORT.match(statement):
        for name in m.group(1).split(","):
            parts = name.split(" as ")[0].strip().split(".")
            yield from (".".join(parts[:i]) for i in range(1, len(parts)))


def cycles(edges: Edges) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return sorted(found)


def described(edges: Edges, found: Iterable[list[str]]) -> str:
    """Each cycle with the imports that close it, one per line."""
    out = []
    for component in found:
        out.append("cycle among " + ", ".join(component) + ":")
        members = set(component)
        for a in component:
            for b, where in sorted(edges[a].items()):
                if b in members:
                    out.append(f"  {a} -> {b} ({'; '.join(dict.fromkeys(where))})")
    return "\n".join(out)


def test_the_store_has_no_import_cycle() -> None:
    edges = _edges()
    found = [c for c in cycles(edges) if any(m.split(".")[:2] == ["core", "store"] for m in c)]
    assert not found, described(edges, found)


def test_core_has_no_import_cycle_but_the_known_ones() -> None:
    edges = _edges()
    found = [c for c in cycles(edges) if frozenset(c) not in KNOWN_CYCLES]
    assert not found, described(edges, found)


def test_the_window_has_no_import_cycle() -> None:
    """The desktop's modules too (a cycle through type-only imports counts: mypy reads it)."""
    edges = _edges("desktop", "core")
    found = cycles(edges)
    assert not found, described(edges, found)


def test_every_known_cycle_is_still_there() -> None:
    """A known cycle that is gone is struck off the list, so it cannot come back unseen."""
    present = {frozenset(c) for c in cycles(_edges())}
    gone = [sorted(c) for c in KNOWN_CYCLES if c not in present]
    assert not gone, f"no longer cycles, remove them from KNOWN_CYCLES: {gone}"


def test_a_cycle_through_a_package_is_found() -> None:
    """The check itself: ``from pkg import a`` in ``pkg.b`` depends on ``pkg``, whose
    ``__init__`` imports ``pkg.b``."""
    edges: Edges = {"pkg": {}, "pkg.a": {}, "pkg.b": {}}
    edges["pkg"]["pkg.b"] = ["line 1: from pkg.b import B"]
    for target in ("pkg.a", *_packages_named("from pkg import a")):
        edges["pkg.b"][target] = ["line 1: from pkg import a"]
    assert cycles(edges) == [["pkg", "pkg.b"]]
    assert list(_packages_named("import pkg.sub.mod as m  # a comment")) == ["pkg", "pkg.sub"]
