"""Every refusal raised below the fronts names a code with an English template, and every
template is used: a mistyped code would show as itself, an unused template is dead text."""

from __future__ import annotations

import ast
from pathlib import Path

from inventory_app.domain.errors import InventoryError, RowError
from inventory_app.domain.messages import PARTS, TEMPLATES

PKG = Path(__file__).resolve().parents[1] / "inventory_app"
LAYERS = ("domain", "storage", "services")


def _subclasses(cls: type) -> set[str]:
    names = {cls.__name__}
    for sub in cls.__subclasses__():
        names |= _subclasses(sub)
    return names


ERRORS = _subclasses(InventoryError) | {RowError.__name__}


def problems(root: Path = PKG, *, layers: tuple[str, ...] = LAYERS) -> list[str]:
    """Raises (and RowErrors) whose first argument is English text or an unknown code."""
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if rel.parts[0] not in layers:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = getattr(func, "id", None) or getattr(func, "attr", "")
            if name not in ERRORS:
                continue
            args = node.args[3:4] if name == RowError.__name__ else node.args[:1]
            if not args:
                continue  # Cancelled() has a default code
            arg = args[0]
            if isinstance(arg, ast.JoinedStr) or (
                isinstance(arg, ast.Constant) and arg.value not in TEMPLATES
            ):
                found.append(f"{rel}:{node.lineno} {name}({ast.unparse(arg)[:60]})")
    return found


def used_codes(root: Path = PKG) -> set[str]:
    used = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if path.name.startswith("messages") and path.parent.name == "domain":
                    continue  # the tables and their renderer
                if node.value in TEMPLATES:
                    used.add(node.value)
    # the optional parts of a sentence are rendered by messages.PARTS
    used |= {code for code in TEMPLATES if code.rpartition(".")[0] in PARTS}
    return used


def test_every_refusal_names_a_known_code():
    assert problems() == []


def test_every_template_is_used():
    assert sorted(set(TEMPLATES) - used_codes()) == []


def test_the_scanner_sees_english_text_and_unknown_codes(tmp_path):
    pkg = tmp_path / "inventory_app" / "services"
    pkg.mkdir(parents=True)
    (pkg / "bad.py").write_text(
        "def f(sku):\n"
        "    raise ValidationError(f'unknown SKU {sku}')\n"
        "def g():\n"
        "    raise NotFound('no.such_code')\n"
        "def h():\n"
        "    return RowError(2, 'qty', '-1', 'quantity must be positive')\n"
        "def fine():\n"
        "    raise ValidationError('settings.empty_shop_name')\n"
    )
    assert problems(tmp_path / "inventory_app") == [
        "services/bad.py:2 ValidationError(f'unknown SKU {sku}')",
        "services/bad.py:4 NotFound('no.such_code')",
        "services/bad.py:6 RowError('quantity must be positive')",
    ]
