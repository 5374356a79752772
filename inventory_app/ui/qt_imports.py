"""PySide6's import hook, made cheaper for a whole app's worth of modules.

Since PySide 6.4 (PYSIDE-2029) every module imported after PySide6 — and, once, every module
imported before it — is asked whether it "uses PySide" by reading its source with
``inspect.getsource`` and looking for the word ``PySide6`` (to give it ``__feature__``
defaults). ``getsource`` goes through ``linecache``: it decodes and splits every file into
lines. At start-up that is some 430 modules (ours, matplotlib's, numpy's): 0.19-0.35 s of the
desktop app's start, measured. The same question answered from the file's bytes takes a tenth
of that. Modules without a ``.py`` file (built-in, frozen, extension) keep PySide's own answer.
"""

from __future__ import annotations

import sys
from types import ModuleType


def quicker_pyside_import_hook() -> None:
    """Answer PySide's "does this module use PySide6?" from the file's bytes. Call before
    ``PySide6.QtCore`` is imported (its first import looks at every module loaded so far);
    without the hook (another PySide6), nothing changes."""
    import PySide6  # noqa: F401  (sets up the feature hook, imports no Qt module)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "quicker", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.quicker = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside
