"""``main.py --screenshot``: a real process, offscreen, writes a PNG of the page and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from inventory_app.services import shop

ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )


@pytest.mark.parametrize("page", ["items", "movements"])
def test_screenshot_writes_a_png_and_exits_0(tmp_path, posted, page):
    posted.close()  # the app takes the writer lock itself
    out = tmp_path / f"{page}.png"
    result = _run(
        tmp_path,
        "--db",
        str(posted.path),
        "--screenshot",
        str(out),
        "--page",
        page,
        "--size",
        "1000x640",
    )
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    assert int.from_bytes(data[16:20], "big") == 1000  # IHDR width


def test_screenshot_of_an_unknown_page_fails(tmp_path):
    shop.create_shop(tmp_path / "s.db").close()
    result = _run(
        tmp_path,
        "--db",
        str(tmp_path / "s.db"),
        "--screenshot",
        str(tmp_path / "x.png"),
        "--page",
        "nowhere",
    )
    assert result.returncode == 2 and "nowhere" in result.stderr
    assert not (tmp_path / "x.png").exists()
