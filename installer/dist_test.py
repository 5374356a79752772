"""``make dist-test``: the smoke test (installer/smoke.py) of what ``make dist`` built.

    python installer/dist_test.py [--shots DIR]

Linux: the .deb is unpacked into a scratch folder, its layout checked (programs, /usr/bin link,
.desktop entry with icon and MIME type, hicolor icons) and the unpacked program smoke-tested —
what a user installs, not the build folder. Windows and macOS: the bundle's console program
(dist/inventory-app/inventory-app-cli.exe, dist/Inventory.app/Contents/MacOS/inventory-app-cli).
The windowed program must answer ``--version`` too. Exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import deb
import smoke

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"


def programs(scratch: Path) -> tuple[Path, Path, list[str]]:
    """(windowed, console) programs to test, and problems found on the way."""
    exe = ".exe" if sys.platform == "win32" else ""
    if sys.platform == "darwin":
        folder = DIST / "Inventory.app" / "Contents" / "MacOS"
        return folder / "inventory-app", folder / "inventory-app-cli", []
    debs = sorted(DIST.glob("inventory-app_*.deb"))
    if sys.platform.startswith("linux") and debs:
        print(f"unpacking {debs[-1].name}")
        root = deb.unpack(debs[-1], scratch / "root")
        folder = root / "opt" / deb.PACKAGE
        return folder / "inventory-app", folder / "inventory-app-cli", deb.layout_problems(root)
    folder = DIST / "inventory-app"
    return folder / f"inventory-app{exe}", folder / f"inventory-app-cli{exe}", []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke-test what make dist built.")
    parser.add_argument("--shots", type=Path, help="keep the screenshots in this folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="inventory-dist-") as tmp:
        windowed, console, problems = programs(Path(tmp))
        for problem in problems:
            print(f"FAIL        {problem}")
        if not console.exists():
            print(f"FAIL        {console} is not there: run `make dist` first")
            return 1
        version = subprocess.run([windowed, "--version"], capture_output=True, text=True)
        print(f"{'ok  ' if version.returncode == 0 else 'FAIL'}        {windowed.name} --version")
        smoke_args = [str(console)] + (["--shots", str(args.shots)] if args.shots else [])
        failed = smoke.main(smoke_args)
    return 1 if failed or problems or version.returncode != 0 else 0


if __name__ == "__main__":
    raise SystemExit(main())
