"""Checks of the house rules of issue 20, read from the source with :mod:`ast`.

``python -m unfog.devtools.architecture`` prints the offenders: import cycles
between unfog modules, functions over :data:`MAX_FUNCTION_LINES` lines, broad
exception handlers (and whether each sits at an allowed batch boundary),
optional-import guards and the lexicon data files. ``tests/test_architecture.py``
asserts the same numbers.
"""
from __future__ import annotations

import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = "unfog"
SRC = Path(__file__).resolve().parents[1]  # src/unfog
MAX_FUNCTION_LINES = 100
MAX_BROAD_HANDLERS = 6
MIN_LEXICON_FILES = 4
LEXICON_SUFFIXES = (".json", ".tsv", ".csv", ".txt", ".yaml", ".yml", ".jsonl")

# Batch boundaries where one item's failure is recorded and the batch goes on:
# (module, enclosing function). A broad handler anywhere else is an offender.
ALLOWED_BROAD = {
    ("unfog.pipeline", "run_stages"),  # the one guard: a failing stage is recorded on the article
    ("unfog.store", "transaction"),  # rolls a transaction back and re-raises
    ("unfog.store.outbox", "run_job"),  # one desk job's failure goes back to whoever asked
    ("unfog.io.ingest", "html_to_article"),  # one page's broken markup makes a failed article
    ("unfog.gazetteer.geocode", "geocode_many"),  # one bad query of a batch gets an error row
}


# Layers, lowest first: a module may import its own layer and those below it.
# The longest matching prefix decides a module's layer.
LAYERS: list[tuple[str, ...]] = [
    ("unfog.model", "unfog.text", "unfog.geo", "unfog.groups", "unfog.days", "unfog.cache", "unfog.samples"),
    ("unfog.lexicons",),
    ("unfog.nlp", "unfog.gazetteer"),
    ("unfog.extractors",),
    ("unfog.pipeline",),
    ("unfog.fusion",),
    ("unfog.store",),
    ("unfog.engine",),
    ("unfog.io",),
    # feeds fetch pages and hand them to the ingest job: a job like workflows
    ("unfog.workflows", "unfog.io.feeds"),
    ("unfog.api",),
    ("unfog.cli", "unfog.web", "unfog.bench"),
    ("unfog", "unfog.devtools"),  # the package root re-exports the API
]
# Modules every extractor may import from its own layer.
EXTRACTOR_SHARED = {"unfog.extractors", "unfog.extractors.context", "unfog.extractors.query"}


def layer_of(module: str) -> int | None:
    best, rank = -1, None
    for i, prefixes in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and len(p) > best:
                best, rank = len(p), i
    return rank


@dataclass
class Module:
    name: str
    path: Path
    tree: ast.Module
    is_package: bool


@dataclass
class LongFunction:
    module: str
    qualname: str
    lines: int
    lineno: int

    def __str__(self) -> str:
        return f"{self.module}:{self.lineno} {self.qualname} ({self.lines} lines)"


@dataclass
class Handler:
    module: str
    function: str
    lineno: int
    kind: str  # "Exception", "BaseException" or "bare"

    @property
    def allowed(self) -> bool:
        return (self.module, self.function.split(".")[-1]) in ALLOWED_BROAD

    def __str__(self) -> str:
        mark = "batch boundary" if self.allowed else "NOT ALLOWED"
        return f"{self.module}:{self.lineno} in {self.function or '<module>'}: except {self.kind} ({mark})"


@dataclass
class Report:
    cycles: list[list[str]] = field(default_factory=list)
    long_functions: list[LongFunction] = field(default_factory=list)
    broad_handlers: list[Handler] = field(default_factory=list)
    import_guards: list[str] = field(default_factory=list)
    lexicon_files: list[str] = field(default_factory=list)
    layer_violations: list[str] = field(default_factory=list)
    extractor_imports: list[str] = field(default_factory=list)
    unlayered: list[str] = field(default_factory=list)

    @property
    def disallowed_handlers(self) -> list[Handler]:
        return [h for h in self.broad_handlers if not h.allowed]


def module_name(path: Path, root: Path = SRC) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def load_modules(root: Path = SRC) -> dict[str, Module]:
    mods: dict[str, Module] = {}
    for path in sorted(root.rglob("*.py")):
        name = module_name(path, root)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        mods[name] = Module(name, path, tree, path.name == "__init__.py")
    return mods


def _resolve_relative(mod: Module, level: int, target: str | None) -> str:
    base = mod.name.split(".")
    if not mod.is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([target] if target else []))


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_nodes(tree: ast.AST):
    """Every node except those under ``if TYPE_CHECKING:`` (imports for annotations only)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                stack.extend(child.orelse)
                continue
            stack.append(child)


def _imported_names(mod: Module, known: set[str]) -> set[str]:
    """Every unfog module this module imports, at any depth (function-level too)."""
    out: set[str] = set()

    def add(name: str) -> None:
        # the longest known prefix: "unfog.gazetteer.fold.fold" -> "unfog.gazetteer.fold"
        parts = name.split(".")
        while parts:
            cand = ".".join(parts)
            if cand in known:
                out.add(cand)
                return
            parts.pop()

    for node in _runtime_nodes(mod.tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] == PACKAGE:
                    add(a.name)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve_relative(mod, node.level, node.module) if node.level else (node.module or "")
            if base.split(".")[0] != PACKAGE:
                continue
            for a in node.names:
                full = f"{base}.{a.name}"
                if full in known:
                    out.add(full)  # "from unfog.extractors import dates" imports the submodule
                else:
                    add(base)
    out.discard(mod.name)
    return out


def import_graph(mods: dict[str, Module]) -> dict[str, set[str]]:
    """Edges module -> imported modules.

    A package's ``__init__`` re-exporting its own submodules is not a cycle: the
    submodule importing its package (``from unfog.gazetteer import fold``)
    reaches the package, and the package reaching down into its own children is
    left out of the graph. Importing a submodule ``a.b.c`` also runs ``a`` and
    ``a.b``; those implicit parent edges are left out too, as are edges from a
    module to its own ancestors packages, which Python resolves first.
    """
    known = set(mods)
    graph: dict[str, set[str]] = {}
    for name, mod in mods.items():
        edges = set()
        for target in _imported_names(mod, known):
            if mod.is_package and target.startswith(name + "."):
                continue  # package __init__ importing its own submodules
            if name.startswith(target + "."):
                continue  # a submodule importing its own package
            edges.add(target)
        graph[name] = edges
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    comps: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in sorted(graph):
        if v not in index:
            strong(v)
    return sorted(comps)


def _walk_functions(tree: ast.AST, prefix: str = ""):
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            q = f"{prefix}{node.name}"
            yield q, node
            yield from _walk_functions(node, q + ".")
        elif isinstance(node, ast.ClassDef):
            yield from _walk_functions(node, f"{prefix}{node.name}.")
        else:
            yield from _walk_functions(node, prefix)


def long_functions(mods: dict[str, Module], limit: int = MAX_FUNCTION_LINES) -> list[LongFunction]:
    """Functions whose definition (decorators excluded, docstring included) spans more than limit lines."""
    out = []
    for name, mod in mods.items():
        for qual, node in _walk_functions(mod.tree):
            n = node.end_lineno - node.lineno + 1
            if n > limit:
                out.append(LongFunction(name, qual, n, node.lineno))
    return sorted(out, key=lambda f: -f.lines)


def _handler_kind(h: ast.ExceptHandler) -> str | None:
    if h.type is None:
        return "bare"
    types = h.type.elts if isinstance(h.type, ast.Tuple) else [h.type]
    for t in types:
        n = t.id if isinstance(t, ast.Name) else t.attr if isinstance(t, ast.Attribute) else None
        if n in ("Exception", "BaseException"):
            return n
    return None


def _enclosing(tree: ast.AST):
    """(qualname of the innermost function or '', node) for every node."""
    def walk(node, qual):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                q = f"{qual}.{child.name}" if qual else child.name
                yield q, child
                yield from walk(child, q)
            elif isinstance(child, ast.ClassDef):
                q = f"{qual}.{child.name}" if qual else child.name
                yield from walk(child, q)
            else:
                yield qual, child
                yield from walk(child, qual)

    yield from walk(tree, "")


def broad_handlers(mods: dict[str, Module]) -> list[Handler]:
    out = []
    for name, mod in mods.items():
        for qual, node in _enclosing(mod.tree):
            if isinstance(node, ast.ExceptHandler):
                kind = _handler_kind(node)
                if kind:
                    out.append(Handler(name, qual, node.lineno, kind))
    return sorted(out, key=lambda h: (h.module, h.lineno))


def import_guards(mods: dict[str, Module]) -> list[str]:
    """``try: import x ... except ImportError`` (or ModuleNotFoundError) that carries on without it.

    A handler that raises (a clear error naming the extra to install) is not a guard.
    """
    out = []
    for name, mod in mods.items():
        for node in ast.walk(mod.tree):
            if not isinstance(node, ast.Try):
                continue
            has_import = any(isinstance(n, (ast.Import, ast.ImportFrom)) for s in node.body for n in ast.walk(s))
            catches = False
            for h in node.handlers:
                types = h.type.elts if isinstance(h.type, ast.Tuple) else [h.type] if h.type else []
                for t in types:
                    n = t.id if isinstance(t, ast.Name) else getattr(t, "attr", None)
                    catches |= n in ("ImportError", "ModuleNotFoundError")
            # re-raising with a clear message (an optional extra such as Ray) is not a guard
            reraises = all(h.body and isinstance(h.body[-1], ast.Raise) for h in node.handlers)
            if has_import and catches and not reraises:
                out.append(f"{name}:{node.lineno}")
    return out


def lexicon_files(root: Path = SRC) -> list[str]:
    d = root / "lexicons"
    if not d.exists():
        return []
    return sorted(str(p.relative_to(d)) for p in d.rglob("*") if p.is_file() and p.suffix in LEXICON_SUFFIXES)


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    out = []
    for src in sorted(graph):
        a = layer_of(src)
        for dst in sorted(graph[src]):
            b = layer_of(dst)
            if a is not None and b is not None and b > a:
                out.append(f"{src} -> {dst}")
    return out


def _extractor(module: str) -> str:
    """The extractor a module belongs to: ``unfog.extractors.events.merging`` -> ``unfog.extractors.events``."""
    return ".".join(module.split(".")[:3])


def extractor_imports(graph: dict[str, set[str]]) -> list[str]:
    """Extractors importing each other (they share only the Context); an extractor's own package's
    modules may import each other."""
    return [
        f"{src} -> {dst}"
        for src in sorted(graph) if src.startswith("unfog.extractors.")
        for dst in sorted(graph[src]) if dst.startswith("unfog.extractors.") and dst not in EXTRACTOR_SHARED
        and _extractor(dst) != _extractor(src)
    ]


def build_report(root: Path = SRC) -> Report:
    mods = load_modules(root)
    graph = import_graph(mods)
    return Report(
        layer_violations=layer_violations(graph),
        extractor_imports=extractor_imports(graph),
        unlayered=sorted(m for m in mods if layer_of(m) is None),
        cycles=find_cycles(graph),
        long_functions=long_functions(mods),
        broad_handlers=broad_handlers(mods),
        import_guards=import_guards(mods),
        lexicon_files=lexicon_files(root),
    )


def format_report(r: Report) -> str:
    lines = [f"import cycles: {len(r.cycles)}"]
    lines += [f"  {' <-> '.join(c)}" for c in r.cycles]
    lines.append(f"functions over {MAX_FUNCTION_LINES} lines: {len(r.long_functions)}")
    lines += [f"  {f}" for f in r.long_functions]
    lines.append(
        f"broad exception handlers: {len(r.broad_handlers)} (at most {MAX_BROAD_HANDLERS}; "
        f"{len(r.disallowed_handlers)} outside the allowed batch boundaries)"
    )
    lines += [f"  {h}" for h in r.broad_handlers]
    lines.append(f"optional-import guards: {len(r.import_guards)}")
    lines += [f"  {g}" for g in r.import_guards]
    lines.append(f"imports of a higher layer: {len(r.layer_violations)}")
    lines += [f"  {v}" for v in r.layer_violations]
    lines.append(f"extractors importing each other: {len(r.extractor_imports)}")
    lines += [f"  {v}" for v in r.extractor_imports]
    if r.unlayered:
        lines.append(f"modules without a layer (add them to LAYERS): {', '.join(r.unlayered)}")
    lines.append(f"lexicon data files: {len(r.lexicon_files)} (at least {MIN_LEXICON_FILES})")
    lines += [f"  {f}" for f in r.lexicon_files]
    return "\n".join(lines)


def ok(r: Report) -> bool:
    return (
        not r.cycles
        and not r.long_functions
        and len(r.broad_handlers) <= MAX_BROAD_HANDLERS
        and not r.disallowed_handlers
        and not r.import_guards
        and not r.layer_violations
        and not r.extractor_imports
        and not r.unlayered
        and len(r.lexicon_files) >= MIN_LEXICON_FILES
    )


def main(argv: list[str] | None = None) -> int:
    r = build_report()
    print(format_report(r))
    return 0 if ok(r) else 1


if __name__ == "__main__":
    raise SystemExit(main())
