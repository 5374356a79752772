"""One program every way it starts: ``python -m inventory_app`` and ``main.py`` route the same
arguments to the same front (desktop app or CLI), in fresh processes."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from inventory_app.app import route
from inventory_app.services import shop

ROOT = Path(__file__).resolve().parents[1]
STARTS = {
    "module": [sys.executable, "-m", "inventory_app"],
    "main.py": [sys.executable, str(ROOT / "main.py")],
}


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        LANG="C.UTF-8",
        LANGUAGE="",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONPATH=str(ROOT),  # this checkout's package, whatever the folder we run in
    )


def _run(tmp_path: Path, start: str, *args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*STARTS[start], *args],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=90,
        cwd=tmp_path,
        **kw,
    )


@pytest.mark.parametrize(
    ("args", "front", "passed"),
    [
        ([], "gui", []),
        (["shop.db"], "gui", ["--db", "shop.db"]),
        (["/home/a/My Shop.sqlite"], "gui", ["--db", "/home/a/My Shop.sqlite"]),
        (["s.db", "--page", "stock"], "gui", ["--db", "s.db", "--page", "stock"]),
        (["--db", "s.db", "--screenshot", "o"], "gui", ["--db", "s.db", "--screenshot", "o"]),
        (["--size=800x600"], "gui", ["--size=800x600"]),
        (["stock"], "cli", ["stock"]),
        (["--db", "s.db", "stock"], "cli", ["--db", "s.db", "stock"]),
        (["stok"], "cli", ["stok"]),
        (["--help"], "cli", ["--help"]),
        (["--version"], "cli", ["--version"]),
        (["--bogus"], "cli", ["--bogus"]),
        (["a.db", "b.db"], "cli", ["a.db", "b.db"]),
        (["a.db", "--db", "b.db"], "cli", ["a.db", "--db", "b.db"]),
        (["--db"], "cli", ["--db"]),
    ],
)
def test_route(args, front, passed):
    assert route(args) == (front, passed)


@pytest.mark.parametrize("start", STARTS)
def test_a_mistyped_command_gets_the_cli_usage(tmp_path, start):
    done = _run(tmp_path, start, "stok")
    assert done.returncode == 2
    assert "usage: inventory-app" in done.stderr and "invalid choice: 'stok'" in done.stderr
    assert "--screenshot" not in done.stderr  # not the desktop app's usage
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("start", STARTS)
def test_a_shop_file_argument_opens_that_shop_in_the_desktop_app(tmp_path, stocked, start):
    stocked.close()  # the app takes the writer lock itself
    out = tmp_path / "stock.png"
    done = _run(tmp_path, start, str(stocked.path), "--screenshot", str(out), "--page", "stock")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("start", STARTS)
def test_both_starts_run_the_same_cli(tmp_path, start):
    db = tmp_path / "e.db"
    assert _run(tmp_path, start, "--db", str(db), "init").returncode == 0
    done = _run(tmp_path, start, "--db", str(db), "--version")
    assert done.returncode == 0 and done.stdout.startswith("inventory-app ")


def _close_standard_streams() -> None:
    os.close(1)
    os.close(2)


def test_the_cli_works_with_no_stdout_or_stderr(tmp_path):
    """As in a windowed build: Python starts with sys.stdout and sys.stderr None."""
    db = tmp_path / "w.db"
    shop.create_shop(db).close()
    out = tmp_path / "m.xlsx"
    for args in (["--help"], ["stock"], ["export", "month", "2026-01", str(out)], ["stok"]):
        done = subprocess.run(
            [*STARTS["module"], "--db", str(db), *args],
            env=_env(tmp_path),
            cwd=tmp_path,
            timeout=90,
            stdin=subprocess.DEVNULL,
            preexec_fn=_close_standard_streams,
        )
        assert done.returncode == (2 if args == ["stok"] else 0), args
    assert out.stat().st_size > 1000


def test_console_and_gui_scripts_start_the_same_program():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["scripts"]["inventory-app"] == "inventory_app.app:main"
    assert meta["gui-scripts"]["inventory-app-gui"] == "inventory_app.app:main"
