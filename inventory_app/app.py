"""One program, however it is started (``inventory-app``, ``inventory-app-gui``, ``python -m
inventory_app``, ``main.py``, the frozen bundle):

- no arguments, or only the desktop app's options → the desktop app;
- a shop file (``inventory-app shop.db``: file managers, "Open with") → the desktop app on it;
- anything else → the CLI, which runs a command or, for a mistyped one (``inventory-app stok``),
  prints its own usage and exits 2.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from typing import Literal

# The desktop app's own options (ui/launch.py), each taking one value.
GUI_OPTIONS = ("--db", "--lang", "--screenshot", "--page", "--size")
# A positional argument with one of these endings, or with a folder in it, names a shop file
# (an "Open with" hands over an absolute path); a bare word is a command, right or mistyped.
SHOP_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def route(args: Sequence[str]) -> tuple[Literal["gui", "cli"], list[str]]:
    """Which front runs ``args``, and the arguments it gets (a shop file becomes ``--db``).

    Decided from the words alone, without importing the CLI, so the desktop app's start pays
    nothing for the 80 sub-commands."""
    gui: list[str] = []
    shop: str | None = None
    i = 0
    while i < len(args):
        arg = args[i]
        name = arg.split("=", 1)[0]
        if name in GUI_OPTIONS:
            takes_next = "=" not in arg
            if takes_next and i + 1 >= len(args):
                return "cli", list(args)  # let a parser say what is missing
            gui.extend(args[i : i + 2] if takes_next else [arg])
            i += 2 if takes_next else 1
            continue
        if arg.startswith("-") or shop is not None or not looks_like_shop_file(arg):
            # --help, --version, an option of the CLI's, a command or a mistyped one
            return "cli", list(args)
        shop = arg
        i += 1
    if shop is not None:
        if any(a.split("=", 1)[0] == "--db" for a in gui):
            return "cli", list(args)  # two shops: the CLI's parser refuses it plainly
        gui = ["--db", shop, *gui]
    return "gui", gui


def looks_like_shop_file(arg: str) -> bool:
    lowered = arg.lower()
    return lowered.endswith(SHOP_SUFFIXES) or os.sep in arg or (os.altsep or os.sep) in arg


def ensure_streams() -> None:
    """A windowed build (Windows ``console=False``, ``pythonw``, the gui-script) starts with
    ``sys.stdout``/``sys.stderr`` set to None: printing would then fail or vanish. On Windows
    attach to the console of the shell that started us, if any, so the CLI still prints there;
    elsewhere, or with no console, write to the null device rather than crash."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    console = False
    if sys.platform == "win32":
        import ctypes

        console = bool(ctypes.windll.kernel32.AttachConsole(-1))  # -1: the parent process
    target = "CONOUT$" if console else os.devnull
    if sys.stdout is None:
        sys.stdout = open(target, "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(target, "w", encoding="utf-8", errors="replace")  # noqa: SIM115


def keep_matplotlib_cache() -> None:
    """In a frozen bundle PyInstaller's runtime hook points matplotlib at a new temporary
    folder on every launch, so its font cache was rebuilt each start (~0.6 s; more on Windows
    with many fonts). Point it at the user cache folder instead; it is read before matplotlib
    is first imported, which happens after this."""
    if getattr(sys, "frozen", False):
        from platformdirs import user_cache_dir

        folder = os.path.join(user_cache_dir("inventory_app", appauthor=False), "matplotlib")
        os.environ["MPLCONFIGDIR"] = folder


def main(argv: Sequence[str] | None = None) -> None:
    ensure_streams()
    keep_matplotlib_cache()
    front, args = route(list(sys.argv[1:] if argv is None else argv))
    if front == "cli":
        from inventory_app.services.progress import loading_for_good

        # `summary` of a month on the 1M shop: 1.05 s CPU with the collector walking the
        # modules as they load, 0.82 s as set here
        with loading_for_good():
            from inventory_app import cli
        # less often than by default (700 new objects): a command's own rows are short-lived
        # lists and tuples freed as they go, not cycles to hunt every few thousand
        gc.set_threshold(20_000, 10, 10)
        raise SystemExit(cli.main(args))
    # The desktop app is imported lazily so the CLI never pays for Qt.
    from inventory_app.ui.launch import run_desktop

    raise SystemExit(run_desktop(args))
