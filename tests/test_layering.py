"""Imports point one way: domain <- storage <- services <- (cli, charts, ui)."""

from __future__ import annotations

import ast
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
    "ui": ("inventory_app.storage",),
}


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


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_one_way(layer):
    assert violations(layer) == []


def test_the_scanner_sees_a_violation(tmp_path):
    # The check itself must be able to fail: a domain module importing sqlite3 is caught.
    fake = tmp_path / "inventory_app" / "domain"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text("import sqlite3\nfrom PySide6 import QtCore\n")
    assert len(violations("domain", tmp_path / "inventory_app")) == 2
