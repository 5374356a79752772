"""``make dist``: build what a user installs, on the machine it runs on.

    python installer/build.py [--bundle-only]

1. the PyInstaller one-folder bundle (installer/inventory_app.spec) -> dist/inventory-app/
   (dist/Inventory.app on macOS);
2. the installer around it:
   - Linux: dist/inventory-app_VERSION_ARCH.deb (installer/deb.py says why a .deb; xz, or
     DEB_COMPRESSION=gzip for a quicker build);
   - Windows: dist/inventory-app-VERSION-setup.exe (Inno Setup, installer/inventory_app.iss,
     given the version on its command line);
   - macOS: dist/Inventory-VERSION.dmg (hdiutil).
Prints the build time and the sizes. The version is pyproject's, as importlib.metadata reports
it for the installed package; a stale install (pyproject changed since) is refused.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import tomllib
from importlib.metadata import metadata
from importlib.metadata import version as installed_version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
sys.path.insert(0, str(Path(__file__).resolve().parent))

import deb  # noqa: E402  (installer/deb.py, beside this script)


def project_version() -> str:
    """The one version: pyproject's, which importlib.metadata must agree with. The bundle
    copies the installed metadata (the version; the README, whose user guide Help shows), so
    a stale install is refused."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    problem = stale_install(
        declared["version"],
        (ROOT / "README.md").read_text(encoding="utf-8"),
        installed_version("inventory-app"),
        metadata("inventory-app").get_payload() or "",
    )
    if problem:
        raise SystemExit(f"{problem}: run `pip install -e .` (make does) first")
    return declared["version"]


def stale_install(version: str, readme: str, found: str, found_readme: str) -> str | None:
    if found != version:
        return f"inventory-app {found} is installed but pyproject.toml says {version}"
    if found_readme != readme:
        return "the installed inventory-app has an older README.md (the user guide)"
    return None


def pyinstaller_command() -> list[str]:
    return [
        sys.executable, "-m", "PyInstaller", str(ROOT / "installer" / "inventory_app.spec"),
        "--noconfirm", "--log-level", "WARN",  # no --clean: its cache spares CI a minute
        "--distpath", str(DIST), "--workpath", str(WORK),
    ]  # fmt: skip


def iscc_command(version: str, iscc: str = "iscc") -> list[str]:
    """Inno Setup's compiler on the .iss, with the version and where the bundle and the
    output are (the .iss has no version of its own)."""
    return [
        iscc,
        f"/DAppVersion={version}",
        f"/DBundleDir={DIST / 'inventory-app'}",
        f"/O{DIST}",
        f"/Finventory-app-{version}-setup",
        str(ROOT / "installer" / "inventory_app.iss"),
    ]


def dmg_command(version: str) -> list[str]:
    return [
        "hdiutil", "create", "-volname", "Inventory", "-srcfolder", str(DIST / "Inventory.app"),
        "-ov", "-format", "UDZO", str(DIST / f"Inventory-{version}.dmg"),
    ]  # fmt: skip


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def build_installer(version: str) -> Path:
    if sys.platform.startswith("linux"):
        compression = os.environ.get("DEB_COMPRESSION", "xz")
        return deb.build(
            DIST / "inventory-app", version, DIST, ROOT / "build", compression=compression
        )
    if sys.platform == "win32":
        iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
        subprocess.run(iscc_command(version, iscc), check=True)
        return DIST / f"inventory-app-{version}-setup.exe"
    if sys.platform == "darwin":
        subprocess.run(dmg_command(version), check=True)
        return DIST / f"Inventory-{version}.dmg"
    raise SystemExit(f"no installer recipe for {sys.platform}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the bundle and its installer.")
    parser.add_argument("--bundle-only", action="store_true", help="skip the installer")
    args = parser.parse_args(argv)
    version = project_version()
    started = time.monotonic()
    subprocess.run(pyinstaller_command(), check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    bundled = time.monotonic()
    bundle = DIST / ("Inventory.app" if sys.platform == "darwin" else "inventory-app")
    print(f"bundle     {bundle.relative_to(ROOT)}: {folder_size(bundle) / 1e6:.0f} MB "
          f"in {bundled - started:.0f} s")  # fmt: skip
    if not args.bundle_only:
        installer = build_installer(version)
        print(f"installer  {installer.relative_to(ROOT)}: {installer.stat().st_size / 1e6:.0f} MB "
              f"in {time.monotonic() - bundled:.0f} s")  # fmt: skip
    print(f"make dist: {time.monotonic() - started:.0f} s in all, version {version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
