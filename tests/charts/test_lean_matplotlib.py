"""matplotlib loaded lean (``charts.lean_matplotlib``): the Artist ``set()`` docstrings are not
built, and everything the charts do still works. Fresh interpreters: matplotlib loads once."""

from __future__ import annotations

import subprocess
import sys

CHART = """
import io, sys
from inventory_app import charts
if sys.argv[1] == "lean":
    charts.lean_matplotlib()
from inventory_app.charts.common import new_figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
fig = new_figure(4, 3)
ax = fig.subplots()
(line,) = ax.plot([1, 2, 3])
line.set(c="red", lw=3, label="老干妈")  # aliases resolve as ever
ax.bar([1, 2], [3, 4])[0].set(fc="blue", alpha=0.5)
ax.legend()
buf = io.BytesIO()
fig.savefig(buf, format="png")
assert line.get_color() == "red" and line.get_linewidth() == 3 and buf.tell() > 1000
print("docs" if "Supported properties" in (Line2D.set.__doc__ or "") else "lean",
      "docs" if "Supported properties" in (Rectangle.set.__doc__ or "") else "lean")
"""


def run(mode: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", CHART, mode], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_charts_draw_with_matplotlib_loaded_lean():
    assert run("lean") == ["lean", "lean"]


def test_without_it_matplotlib_builds_the_docstrings():
    """What lean_matplotlib saves (and what shows the test above can fail)."""
    assert run("plain") == ["docs", "docs"]


def test_every_chart_path_loads_matplotlib_lean():
    """The chart builders register the fonts first, which loads matplotlib lean."""
    code = (
        "from inventory_app.charts.common import new_figure; new_figure();"
        "from matplotlib.lines import Line2D;"
        "print('docs' if 'Supported properties' in (Line2D.set.__doc__ or '') else 'lean')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["lean"], done.stderr
