"""The house rules of issue 20, checked over src/unfog (see unfog.devtools.architecture).

Every rule holds on the whole tree: a change that breaks one fails here, and
``python -m unfog.devtools.architecture`` names the offenders.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from unfog.devtools import architecture as arch


@pytest.fixture(scope="module")
def report() -> arch.Report:
    return arch.build_report()


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "unfog"
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


# --- the checker itself, on small made-up trees -------------------------------------------


def test_checker_finds_a_cycle_through_a_function_level_import(tmp_path):
    root = _tree(tmp_path, {
        "__init__.py": "",
        "a.py": "from unfog import b\n",
        "b.py": "def f():\n    from unfog.a import g\n    return g\n",
        "c.py": "import unfog.a\n",
    })
    cycles = arch.find_cycles(arch.import_graph(arch.load_modules(root)))
    assert cycles == [["unfog.a", "unfog.b"]]


def test_checker_lets_a_package_reexport_its_submodules(tmp_path):
    root = _tree(tmp_path, {
        "__init__.py": "",
        "pkg/__init__.py": "from unfog.pkg.inner import thing\n",
        "pkg/inner.py": "from unfog.pkg import other\nthing = 1\n",
        "pkg/other.py": "x = 2\n",
    })
    assert arch.find_cycles(arch.import_graph(arch.load_modules(root))) == []


def test_checker_leaves_out_imports_for_annotations_only(tmp_path):
    root = _tree(tmp_path, {
        "__init__.py": "",
        "a.py": "from unfog import b\n",
        "b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from unfog.a import A\n",
    })
    assert arch.find_cycles(arch.import_graph(arch.load_modules(root))) == []


def test_checker_resolves_relative_imports(tmp_path):
    root = _tree(tmp_path, {
        "__init__.py": "",
        "pkg/__init__.py": "",
        "pkg/a.py": "from . import b\n",
        "pkg/b.py": "from .a import x\n",
    })
    assert arch.find_cycles(arch.import_graph(arch.load_modules(root))) == [["unfog.pkg.a", "unfog.pkg.b"]]


def test_checker_counts_long_functions_handlers_and_guards(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(101))
    root = _tree(tmp_path, {
        "__init__.py": "",
        "m.py": (
            f"def long():\n{body}\n\n"
            "def short():\n    try:\n        pass\n    except Exception:\n        pass\n"
            "    try:\n        pass\n    except:\n        pass\n"
            "    try:\n        pass\n    except (ValueError, BaseException):\n        pass\n"
            "    try:\n        pass\n    except ValueError:\n        pass\n"
            "try:\n    import yaml\nexcept ImportError:\n    yaml = None\n"
            "try:\n    import ray\nexcept ImportError as e:\n    raise RuntimeError('pip install ray') from e\n"
        ),
    })
    mods = arch.load_modules(root)
    assert [(f.qualname, f.lines) for f in arch.long_functions(mods)] == [("long", 102)]
    kinds = [h.kind for h in arch.broad_handlers(mods)]
    assert kinds == ["Exception", "bare", "BaseException"]
    assert arch.import_guards(mods) == ["unfog.m:121"]


def test_checker_report_prints_every_section(report):
    text = arch.format_report(report)
    for head in ("import cycles:", "functions over 100 lines:", "broad exception handlers:",
                 "optional-import guards:", "lexicon data files:"):
        assert head in text


# --- the tree -------------------------------------------------------------------------------



def test_no_import_cycles(report):
    assert report.cycles == []


def test_no_function_over_100_lines(report):
    assert report.long_functions == []


def test_broad_exception_handlers_only_at_batch_boundaries(report):
    assert report.disallowed_handlers == []
    assert len(report.broad_handlers) <= arch.MAX_BROAD_HANDLERS


def test_no_optional_import_guards(report):
    assert report.import_guards == []


def test_lexicons_are_data_files(report):
    assert len(report.lexicon_files) >= arch.MIN_LEXICON_FILES


def test_lower_layers_never_import_higher_ones(report):
    assert report.layer_violations == []


def test_extractors_do_not_import_each_other(report):
    assert report.extractor_imports == []


def test_every_module_has_a_layer(report):
    assert report.unlayered == []


def test_an_extractor_package_may_import_its_own_modules_but_not_another_extractor():
    from unfog.devtools.architecture import extractor_imports

    graph = {"unfog.extractors.events.merging": {"unfog.extractors.events.common", "unfog.extractors.figures",
                                                 "unfog.extractors.query"}}
    assert extractor_imports(graph) == ["unfog.extractors.events.merging -> unfog.extractors.figures"]
