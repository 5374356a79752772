"""Imports point one way: domain <- storage <- services <- (cli, charts, ui); SQL only in storage;
nothing private crosses a package line."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "inventory_app"

FORBIDDEN = {
    "domain": (
        "PySide6",
        "matplotlib",
        "sqlite3",
        "sqlite_utils",
        "openpyxl",
        "inventory_app.storage",
        "inventory_app.services",
        "inventory_app.ui",
        "inventory_app.charts",
        "inventory_app.cli",
    ),
    "storage": (
        "PySide6",
        "matplotlib",
        "inventory_app.services",
        "inventory_app.ui",
        "inventory_app.charts",
    ),
    "services": ("PySide6", "matplotlib", "inventory_app.ui", "inventory_app.charts"),
    "charts": ("PySide6", "inventory_app.ui", "inventory_app.storage"),
    "ui": ("inventory_app.storage", "sqlite3", "sqlite_utils"),
    "cli": (
        "PySide6",
        "matplotlib",
        "sqlite3",
        "sqlite_utils",
        "inventory_app.storage",
        "inventory_app.ui",
    ),
}
for _layer in ("services", "charts"):
    FORBIDDEN[_layer] += ("sqlite3", "sqlite_utils", "inventory_app.cli")

# What SQL text looks like: statements as the storage layer writes them (upper-case keywords).
SQL_TEXT = re.compile(
    r"\b(SELECT\s.+\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM"
    r"|CREATE\s+(TABLE|INDEX|TRIGGER|VIEW|VIRTUAL)|DROP\s+(TABLE|INDEX|TRIGGER)|ALTER\s+TABLE"
    r"|PRAGMA\s+\w+|BEGIN\s+(IMMEDIATE|DEFERRED|EXCLUSIVE)|WITH\s+\w+\s+AS\s*\()",
    re.S,
)
SQL_CALLS = ("execute", "executemany", "executescript")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def violations(layer: str, root: Path = PKG) -> list[str]:
    found = []
    for path in sorted((root / layer).rglob("*.py")):
        for name in imported_modules(path):
            for banned in FORBIDDEN[layer]:
                if name == banned or name.startswith(banned + "."):
                    found.append(f"{path.relative_to(root)} imports {name}")
    return found


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def sql_violations(root: Path = PKG) -> list[str]:
    """SQL calls and SQL text anywhere in the package but ``storage/``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if rel.parts[0] == "storage":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in SQL_CALLS
            ):
                found.append(f"{rel}:{node.lineno} calls .{node.func.attr}()")
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docs
                and SQL_TEXT.search(node.value)
            ):
                found.append(f"{rel}:{node.lineno} holds SQL text")
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_one_way(layer):
    assert violations(layer) == []


def test_no_sql_outside_storage():
    assert sql_violations() == []


def test_no_private_name_crosses_a_package_line():
    assert private_crossings() == []


def test_the_scanner_sees_a_violation(tmp_path):
    # The check itself must be able to fail: a domain module importing sqlite3 is caught.
    fake = tmp_path / "inventory_app" / "domain"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text("import sqlite3\nfrom PySide6 import QtCore\n")
    assert len(violations("domain", tmp_path / "inventory_app")) == 2


def test_the_scanner_sees_sql_outside_storage(tmp_path):
    pkg = tmp_path / "inventory_app"
    for layer in ("services", "storage", "cli"):
        (pkg / layer).mkdir(parents=True)
    (pkg / "storage" / "fine.py").write_text('def f(c):\n    c.execute("SELECT 1 FROM t")\n')
    (pkg / "services" / "bad.py").write_text(
        '"""SELECT x FROM y in a docstring is prose."""\n'
        'Q = "SELECT sku FROM items WHERE id = ?"\n'
        "def f(conn):\n    conn.executemany(Q, [])\n"
    )
    (pkg / "cli" / "bad.py").write_text("import sqlite3\nX = 'UPDATE items SET name = 1'\n")
    assert sql_violations(pkg) == [
        "cli/bad.py:2 holds SQL text",
        "services/bad.py:2 holds SQL text",
        "services/bad.py:4 calls .executemany()",
    ]
    assert violations("cli", pkg) == ["cli/bad.py imports sqlite3"]


def _package_of(path: Path, root: Path) -> str:
    return ".".join(("inventory_app", *path.relative_to(root).parent.parts))


def private_crossings(root: Path = PKG) -> list[str]:
    """``_private`` names taken from a module of another package (imported or read off it)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        here = _package_of(path, root)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        foreign: set[str] = set()  # local names bound to modules of other packages
        for node in ast.walk(tree):
            if not (isinstance(node, ast.ImportFrom) and node.level == 0 and node.module):
                continue
            if not node.module.startswith("inventory_app"):
                continue
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                owner = (
                    node.module
                    if (root.parent / target.replace(".", "/")).exists()
                    or (root.parent / (target.replace(".", "/") + ".py")).exists()
                    else node.module.rpartition(".")[0]
                )
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    if node.module.rpartition(".")[0] != here and node.module != here:
                        found.append(f"{rel}:{node.lineno} imports {alias.name} from {node.module}")
                elif owner != here:
                    foreign.add(alias.asname or alias.name)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in foreign
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                found.append(f"{rel}:{node.lineno} reads {node.value.id}.{node.attr}")
    return found


def test_the_scanner_sees_a_private_name_crossing_a_package_line(tmp_path):
    pkg = tmp_path / "inventory_app"
    for folder in ("services/imports", "services/stocktake"):
        (pkg / folder).mkdir(parents=True)
    (pkg / "services" / "imports" / "common.py").write_text("def _qty(): ...\n")
    (pkg / "services" / "imports" / "items.py").write_text(
        "from inventory_app.services.imports.common import _qty\n"
    )
    (pkg / "services" / "stocktake" / "sheet.py").write_text(
        "from inventory_app.services.imports.common import _qty\n"
        "from inventory_app.services.imports import common\n"
        "common._qty()\n"
    )
    assert private_crossings(pkg) == [
        "services/stocktake/sheet.py:1 imports _qty from inventory_app.services.imports.common",
        "services/stocktake/sheet.py:3 reads common._qty",
    ]
