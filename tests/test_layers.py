"""Import contracts, checked by reading every module's imports (no module is executed):

* ``core`` never imports ``gui`` or the Qt binding;
* only ``core/store`` touches a store's SQLite connection (``.conn``): everyone else goes
  through ``Store``'s methods (the export reads ``Store.export_snapshot``);
* ``core.store`` does not import detection (``core.detect`` or the pipeline ``core.analysis``);
  the reviewer's number parser and the detector share ``core.numerals``, the one numeral grammar;
* ``gui.models`` does not import ``gui.views`` … except the status colours of
  ``gui.views.highlights``, the one place that decides them.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _modules(package: str):
    for path in sorted((ROOT / package).rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _imports(tree: ast.AST) -> list[str]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append(node.module)
    return out


def _offenders(package: str, forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()):
    bad = []
    for path, tree in _modules(package):
        for name in _imports(tree):
            if name.startswith(forbidden) and not name.startswith(allowed):
                bad.append(f"{path.relative_to(ROOT)}: {name}")
    return bad


def test_core_does_not_import_gui_or_qt():
    assert _offenders("core", ("gui", "PySide6", "shiboken6")) == []


def test_store_does_not_import_detection():
    assert _offenders("core/store", ("core.detect", "core.analysis")) == []


def test_models_do_not_import_views():
    assert _offenders("gui/models", ("gui.views",), allowed=("gui.views.highlights",)) == []


def test_only_the_store_touches_the_connection():
    bad = []
    for package in ("core", "gui", "main.py"):
        paths = [ROOT / package] if package.endswith(".py") else sorted((ROOT / package).rglob("*.py"))
        for path in paths:
            rel = path.relative_to(ROOT).as_posix()
            if rel.startswith("core/store/"):
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Attribute) and node.attr == "conn":
                    bad.append(f"{rel}:{node.lineno}")
    assert bad == []


def test_the_contracts_see_a_violation(tmp_path):
    """The scan itself works: an import of gui in a core-like file is found."""
    tree = ast.parse("import os\nfrom gui.session import Session\nfrom . import x\n")
    assert _imports(tree) == ["os", "gui.session"]
