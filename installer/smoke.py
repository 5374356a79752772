"""Smoke test of a built (or source) program, as a new user would run it.

    python installer/smoke.py dist/inventory_app/inventory-app-cli      # the frozen bundle
    python installer/smoke.py python -m inventory_app                   # the source

Runs ``--version``, ``demo``, ``stock``, ``export month`` (en and zh), ``report ... --chart``
as PNG, SVG and PDF, ``backup``, ``check``, then renders every page with ``--screenshot`` in
Chinese and English with the system's CJK fonts hidden (on Linux: a fontconfig file listing only
a Latin font), so only the bundled font can draw Chinese. Fails on an unexpected exit code, a
traceback, a missing module or a missing-glyph warning. Prints one line per step and exits 0
when all passed. Used by ``make dist-test``, .ci/run and the Windows/macOS CI workflow.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# What must never appear on stderr: a crash, a module PyInstaller left out, a box for a glyph
# (ours from --screenshot, or matplotlib's "Glyph 24211 ... missing from font(s)").
BAD = re.compile(r"Traceback|No module named|ModuleNotFoundError|missing glyph|Glyph \d+", re.I)
MONTH = "2026-01"


class SmokeFailure(Exception):
    pass


def latin_only_fontconfig(folder: Path) -> Path | None:
    """A fontconfig file that lists one Latin font folder (DejaVu) and nothing else, so no
    system CJK font can stand in for the bundled one. None where fontconfig is not used."""
    if not sys.platform.startswith("linux") or shutil.which("fc-match") is None:
        return None
    found = subprocess.run(
        ["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True
    ).stdout.strip()
    if not found:
        return None
    conf = folder / "latin-only-fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{Path(found).parent}</dir>\n  <cachedir>{folder / 'fc-cache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def environment(home: Path, *, lang: str, fonts: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHON"))}
    env.update(
        HOME=str(home),
        USERPROFILE=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="offscreen",
        LANG="zh_CN.UTF-8" if lang == "zh" else "C.UTF-8",
        LANGUAGE="zh_CN" if lang == "zh" else "en",
        PYTHONIOENCODING="utf-8",
    )
    if fonts is not None:
        env["FONTCONFIG_FILE"] = str(fonts)
    return env


class Smoke:
    def __init__(self, program: list[str], work: Path, *, fonts: Path | None) -> None:
        self.program = program
        self.work = work
        self.fonts = fonts
        self.db = work / "shop.db"
        self.failures: list[str] = []
        self._pages: list[str] | None = None
        self.font_cache_builds = 0

    def run(self, *args: str, lang: str = "en", code: int = 0, timeout: float = 300) -> str:
        started = time.monotonic()
        done = subprocess.run(
            [*self.program, *args],
            env=environment(self.work, lang=lang, fonts=self.fonts),
            cwd=self.work,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )
        took = time.monotonic() - started
        self.font_cache_builds += done.stderr.count("building the font cache")
        label = " ".join(a if len(a) < 40 else Path(a).name for a in args)
        bad = sorted({m.group(0) for m in BAD.finditer(done.stderr)})
        ok = done.returncode == code and not bad
        print(f"{'ok  ' if ok else 'FAIL'} {took:5.1f}s  [{lang}] {label}", flush=True)
        if not ok:
            tail = "\n".join(done.stderr.strip().splitlines()[-15:])
            self.failures.append(f"{label}: exit {done.returncode} (want {code}) {bad}\n{tail}")
        return done.stdout + done.stderr

    def expect_file(self, path: Path, magic: bytes) -> None:
        if not path.is_file() or not path.read_bytes().startswith(magic):
            print(f"FAIL        {path.name}: missing or not a {magic!r} file", flush=True)
            self.failures.append(f"{path.name}: missing or wrong kind")

    def commands(self) -> None:
        out = self.run("--version")
        if not out.startswith("inventory-app "):
            self.failures.append(f"--version printed {out!r}")
        self.run("--db", str(self.db), "demo", "--skus", "60")
        self.run("--db", str(self.db), "stock")
        self.run("--db", str(self.db), "stock", lang="zh")
        for lang in ("en", "zh"):
            out = self.work / f"month-{lang}.xlsx"
            self.run("--db", str(self.db), "export", "month", MONTH, str(out), "--lang", lang,
                     lang=lang)  # fmt: skip
            self.expect_file(out, b"PK")
        for suffix, magic in ((".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")):
            chart = self.work / f"turnover{suffix}"
            period = ("--from", "2025-01-01", "--to", "2026-12-31", "--by", "month")
            self.run("--db", str(self.db), "report", "turnover", *period, "--chart", str(chart),
                     lang="zh")  # fmt: skip
            self.expect_file(chart, magic)
        self.run("--db", str(self.db), "backup", str(self.work / "backup.db"))
        self.run("--db", str(self.db), "check")
        self.run("stok", code=2)  # a mistyped command: the CLI's usage, exit 2

    def pages(self) -> list[str]:
        """The page names, as the program itself lists them (other pages may be added)."""
        if self._pages is not None:
            return self._pages
        out = self.run("--db", str(self.db), "--screenshot", str(self.work / "x.png"),
                       "--page", "?", code=2)  # fmt: skip
        found = re.search(r"pages: ([\w, ]+)", out)
        if not found:
            self.failures.append("could not list the pages")
            return []
        self._pages = [p.strip() for p in found.group(1).split(",")]
        return self._pages

    def screenshots(self, shots: Path) -> None:
        shots.mkdir(parents=True, exist_ok=True)
        for lang in ("zh", "en"):
            for page in self.pages():
                png = shots / f"{page}-{lang}.png"
                self.run("--db", str(self.db), "--screenshot", str(png), "--page", page,
                         "--size", "1280x800", lang=lang)  # fmt: skip
                self.expect_file(png, b"\x89PNG")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("program", nargs="+", help="the program to test and its first words")
    parser.add_argument("--shots", type=Path, help="keep the screenshots in this folder")
    parser.add_argument("--no-pages", action="store_true", help="skip the screenshots")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="inventory-smoke-") as tmp:
        work = Path(tmp)
        fonts = latin_only_fontconfig(work)
        print(f"smoke test of {' '.join(args.program)}; system fonts "
              f"{'hidden: ' + str(fonts) if fonts else 'not hidden (no fontconfig)'}")  # fmt: skip
        smoke = Smoke(args.program, work, fonts=fonts)
        smoke.commands()
        if not args.no_pages:
            smoke.screenshots(args.shots or work / "shots")
        if smoke.font_cache_builds > 1:  # the first start builds it, no other should
            smoke.failures.append(f"matplotlib built its font cache {smoke.font_cache_builds}x")
    for failure in smoke.failures:
        print(f"\n--- {failure}", file=sys.stderr)
    print(f"smoke test: {len(smoke.failures)} failed" if smoke.failures else "smoke test: passed")
    return 1 if smoke.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
