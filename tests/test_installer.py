"""The scripts that make dist and the CI workflow call, run on Linux: the .deb layout from a
stand-in bundle, the Inno Setup and hdiutil command lines, the smoke test against the source."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str):
    folder = str(ROOT / "installer")
    if folder not in sys.path:
        sys.path.insert(0, folder)  # the scripts import each other (deb, smoke)
    spec = importlib.util.spec_from_file_location(name, ROOT / "installer" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fake_bundle(folder: Path) -> Path:
    folder.mkdir()
    for program in ("inventory-app", "inventory-app-cli"):
        (folder / program).write_text("#!/bin/sh\necho inventory-app 0.0\n")
        (folder / program).chmod(0o755)
    (folder / "_internal").mkdir()
    (folder / "_internal" / "lib.so").write_bytes(b"\0" * 100)
    return folder


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")
def test_the_deb_installs_program_link_menu_entry_icons_and_mime_type(tmp_path):
    deb = _load("deb")
    bundle = _fake_bundle(tmp_path / "bundle")
    package = deb.build(bundle, "1.2.3", tmp_path / "out", tmp_path / "work", compression="gzip")
    assert package.name.startswith("inventory-app_1.2.3_")
    info = subprocess.run(["dpkg-deb", "--info", package], capture_output=True, text=True)
    assert "Package: inventory-app" in info.stdout and "Version: 1.2.3" in info.stdout
    assert "libxcb-cursor0" in info.stdout  # what Qt's xcb plugin needs from the system
    root = deb.unpack(package, tmp_path / "root")
    assert deb.layout_problems(root) == []
    (root / "usr/share/icons/hicolor/48x48/apps/inventory-app.png").unlink()
    assert deb.layout_problems(root) == ["no 48x48 icon"]  # the check can fail


def test_the_inno_setup_script_gets_the_one_version_from_the_build_script():
    build = _load("build")
    command = build.iscc_command("1.2.3")
    assert "/DAppVersion=1.2.3" in command and command[-1].endswith("inventory_app.iss")
    iss = (ROOT / "installer" / "inventory_app.iss").read_text(encoding="utf-8")
    assert not re.search(r"#define AppVersion", iss)  # no second copy of the version
    assert "#error" in iss  # built without the version it refuses
    assert "PrivilegesRequired=lowest" in iss and "chinesesimplified" in iss
    assert "[UninstallDelete]" not in iss.replace("; No [UninstallDelete]", "")


def test_the_build_script_refuses_a_stale_install():
    stale = _load("build").stale_install
    assert stale("1.2.3", "# guide", "1.2.3", "# guide") is None
    assert "1.2.2" in stale("1.2.3", "# guide", "1.2.2", "# guide")
    assert "README" in stale("1.2.3", "# guide", "1.2.3", "# old guide")


def test_the_dmg_wraps_the_app():
    command = _load("build").dmg_command("1.2.3")
    assert command[0] == "hdiutil" and command[-1].endswith("Inventory-1.2.3.dmg")
    assert any(part.endswith("Inventory.app") for part in command)


def test_the_smoke_test_passes_on_the_source_program(tmp_path):
    """The smoke test the CI runs on every bundle, pointed at the source (commands only;
    make dist-test renders the pages of the frozen one)."""
    smoke = _load("smoke")  # main.py's folder comes first on sys.path: this checkout's code
    assert smoke.main(["--no-pages", sys.executable, str(ROOT / "main.py")]) == 0


def test_the_smoke_test_fails_on_a_broken_program(tmp_path, capsys):
    smoke = _load("smoke")
    broken = tmp_path / "broken"
    broken.write_text("#!/bin/sh\necho 'ModuleNotFoundError: No module named x' >&2\nexit 1\n")
    broken.chmod(0o755)
    assert smoke.main(["--no-pages", str(broken)]) == 1
    assert "No module named" in capsys.readouterr().err


def test_the_ci_workflow_calls_only_scripts_that_exist_here():
    workflow = (ROOT / ".github" / "workflows" / "dist.yml").read_text(encoding="utf-8")
    scripts = set(re.findall(r"installer/\w+\.py", workflow))
    assert {"installer/build.py", "installer/dist_test.py", "installer/smoke.py"} <= scripts
    assert all((ROOT / script).is_file() for script in scripts)
    for job in ("linux:", "windows:", "macos:"):
        assert f"\n  {job}\n" in workflow
    assert "make dist-test" in workflow and "make test" in workflow
