"""The package's layers: imports point down only, and no module imports itself back through others.

Layers, top to bottom (data flows the other way: read -> clean -> write). A package may import
its own modules and any package of a lower layer; packages that share a layer import neither.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "dechaff"
LAYERS: tuple[tuple[str, ...], ...] = (
    ("__main__",),
    ("cli",),
    ("commands",),
    ("api",),
    ("bench",),
    ("authoring", "report"),
    ("run",),
    ("execution",),
    ("engine",),
    ("cleaners",),
    ("quality",),
    ("ruleset", "io"),
    ("text",),
    ("core",),
)
RANK = {name: len(LAYERS) - level for level, names in enumerate(LAYERS) for name in names}
RANK["__init__"] = 0  # the version; the API names it imports by name on first use (`__getattr__`)


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every dechaff module this file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dechaff"):
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("dechaff"))
    return found


def graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (imported names that are not modules dropped)."""
    modules = {module_name(p, root): p for p in root.rglob("*.py")}
    return {
        name: {m for m in imports_of(path) if m in modules and m != name} for name, path in modules.items()
    }


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def climbing(edges: dict[str, set[str]]) -> list[str]:
    """Imports of a package in the same or a higher layer."""
    return sorted(
        f"{module} -> {target}"
        for module, targets in edges.items()
        for target in targets
        if layer_of(target) != layer_of(module) and RANK[layer_of(target)] >= RANK[layer_of(module)]
    )


def cycles(edges: dict[str, set[str]]) -> list[str]:
    """Each import cycle found by a depth-first walk, as `a -> b -> a`."""
    state: dict[str, int] = defaultdict(int)  # 0 new, 1 on the current path, 2 done
    found: list[str] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges[module]):
            if state[target] == 1:
                found.append(" -> ".join([*path[path.index(target) :], target]))
            elif state[target] == 0:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(edges):
        if state[module] == 0:
            visit(module, [module])
    return found


def test_every_package_has_a_layer() -> None:
    unplaced = sorted({layer_of(m) for m in graph()} - RANK.keys())
    assert unplaced == [], f"put these in LAYERS: {unplaced}"


def test_imports_point_down() -> None:
    assert climbing(graph()) == []


def test_no_import_cycles() -> None:
    assert cycles(graph()) == []


def test_the_checks_catch_a_climbing_import_and_a_cycle(tmp_path: Path) -> None:
    """On a made-up package: io importing the engine inside a function, and two io modules
    importing each other."""
    fake = tmp_path / "dechaff"
    for folder in ("io", "engine"):
        (fake / folder).mkdir(parents=True)
    (fake / "engine" / "engine.py").write_text("X = 1\n", encoding="utf-8")
    (fake / "io" / "a.py").write_text(
        "from dechaff.io import b\n\ndef f():\n    from dechaff.engine.engine import X\n", encoding="utf-8"
    )
    (fake / "io" / "b.py").write_text("import dechaff.io.a\n", encoding="utf-8")
    edges = graph(fake)
    assert climbing(edges) == ["dechaff.io.a -> dechaff.engine.engine"]
    assert cycles(edges) == ["dechaff.io.a -> dechaff.io.b -> dechaff.io.a"]
