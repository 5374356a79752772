"""The quicker PySide import hook (``ui.qt_imports``) gives every module the same answer as
PySide's own: compared module by module over the desktop app's imports, in fresh processes."""

from __future__ import annotations

import json
import subprocess
import sys

PROGRAM = """
import json, sys
if sys.argv[1] == "quicker":
    from inventory_app.ui.qt_imports import quicker_pyside_import_hook
    quicker_pyside_import_hook()
from PySide6.QtWidgets import QApplication
from inventory_app.ui.window.main_window import MainWindow
import matplotlib.figure
feature = sys.modules["shibokensupport.feature"]
print(json.dumps({"quicker": getattr(feature._mod_uses_pyside, "quicker", False),
                  "answers": feature.pyside_feature_dict}))
"""


def answers(mode: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, mode], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_quicker_hook_answers_as_pysides_own():
    plain, quicker = answers("plain"), answers("quicker")
    assert not plain["quicker"] and quicker["quicker"]
    common = plain["answers"].keys() & quicker["answers"].keys()
    assert len(common) > 300  # ours, matplotlib's, numpy's
    differ = {n for n in common if plain["answers"][n] != quicker["answers"][n]}
    assert differ == set()
    uses = {n for n in common if quicker["answers"][n] == 0}
    assert "inventory_app.ui.window.main_window" in uses  # a module of ours that uses Qt
    assert quicker["answers"]["inventory_app.domain.model"] == -1  # one that does not
