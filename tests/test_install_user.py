"""The wheel, installed with ``pip install --user`` into a scratch user base, finds its package
data (fonts, translations) through importlib.resources and draws Chinese with the system's CJK
fonts hidden: no missing glyphs in the window or in the charts."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _smoke():
    spec = importlib.util.spec_from_file_location("smoke", ROOT / "installer" / "smoke.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _build_wheel(tmp_path: Path) -> Path:
    # From a copy, so the build leaves nothing in the checkout; no build isolation, so the
    # test needs no network (setuptools>=77 comes with the dev extras).
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(
        ROOT / "inventory_app", src / "inventory_app", ignore=shutil.ignore_patterns("__pycache__")
    )
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "-w", str(dist), str(src)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (wheel,) = dist.glob("inventory_app-*.whl")
    return wheel


def _python_with_user_site(tmp_path: Path) -> Path:
    """A venv whose user site is on (system site packages on) and whose other packages are
    this environment's, reached by a .pth line — its editable inventory_app is not."""
    venv = tmp_path / "venv"
    subprocess.run(
        [sys._base_executable, "-m", "venv", "--system-site-packages", "--without-pip", venv],
        check=True,
        timeout=120,
    )
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    (Path(purelib) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


@pytest.mark.skipif(sys.platform != "linux", reason="fontconfig hides the system fonts")
def test_a_user_install_of_the_wheel_draws_chinese(tmp_path, stocked):
    stocked.close()
    smoke = _smoke()
    wheel = _build_wheel(tmp_path)
    python = _python_with_user_site(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    env = smoke.environment(home, lang="zh", fonts=smoke.latin_only_fontconfig(tmp_path))
    env["PYTHONUSERBASE"] = str(tmp_path / "userbase")
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--user", "--no-deps", "--no-index", wheel],
        check=True, env=env, timeout=300,
    )  # fmt: skip
    where = subprocess.run(
        [python, "-c", "import inventory_app; print(inventory_app.__file__)"],
        env=env, cwd=home, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert where.startswith(str(tmp_path / "userbase"))  # the --user copy, not the checkout
    program = tmp_path / "userbase" / "bin" / "inventory-app"
    out = home / "dashboard.png"
    done = subprocess.run(
        [program, str(stocked.path), "--screenshot", out, "--page", "dashboard"],
        env=env, cwd=home, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert not smoke.BAD.search(done.stderr), done.stderr
    assert out.read_bytes()[:4] == b"\x89PNG"
    assert os.path.exists(tmp_path / "userbase" / "bin" / "inventory-app-gui")
