"""The zh_CN translation is complete and shipped: every word the chart builders say is marked
for lupdate, the .ts has no unfinished or stale message, and the .qm in the package is what
lrelease makes of the .ts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

import inventory_app
from inventory_app.ui import launch
from inventory_app.ui.pages.dashboard.chart_labels import CHART_LABELS

ROOT = Path(__file__).resolve().parents[2]
# tr("…") with a literal, as the builders in charts/ call the callable they are given
CHART_CALL = re.compile(r'(?<![\w.])tr\(\s*"((?:[^"\\]|\\.)*)"')


def chart_texts() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "inventory_app" / "charts").glob("*.py"):
        for literal in CHART_CALL.findall(path.read_text(encoding="utf-8")):
            found.add(literal.encode().decode("unicode_escape").encode("latin-1").decode())
    return found


def test_every_chart_word_is_marked_for_translation():
    texts = chart_texts()
    assert len(texts) > 20  # the scan finds the builders' words at all
    assert texts - set(CHART_LABELS) == set()


TS = ROOT / "resources" / "translations" / "inventory_app_zh_CN.ts"
QM = ROOT / "inventory_app" / "resources" / "translations" / "inventory_app_zh_CN.qm"


def qt_tool(name: str) -> str:
    tool = Path(sys.executable).with_name(name)
    if not tool.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed")
        return found
    return str(tool)


def test_the_ts_has_every_ui_string_translated_and_nothing_stale(tmp_path):
    """lupdate over the UI into a copy of the .ts: a new or changed string comes in
    "unfinished", one no longer in the code becomes "vanished"/"obsolete" — all fail."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run(
        [qt_tool("pyside6-lupdate"), "-extensions", "py", "-locations", "none",
         str(ROOT / "inventory_app" / "ui"), "-ts", str(copy)],
        check=True, capture_output=True,
    )  # fmt: skip
    root = ET.parse(copy).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 500
    # a bare tr() outside a class lands in the empty context, where nothing finds it at run time
    assert "" not in {c.findtext("name") for c in root.iter("context")}
    not_done = [
        (m.findtext("source"), m.find("translation").get("type"))
        for m in messages
        if m.find("translation").get("type") or not m.findtext("translation")
    ]
    assert not_done == [], "run `make translations` and translate these in the .ts"


def test_the_shipped_qm_is_what_lrelease_makes_of_the_ts(tmp_path):
    fresh = tmp_path / QM.name
    subprocess.run(
        [qt_tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert QM.read_bytes() == fresh.read_bytes(), "run `make translations`"


@pytest.fixture
def translators(qapp):
    """Translators a test installs are removed afterwards (the app speaks English again)."""
    before = set(qapp.findChildren(QTranslator))
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.setParent(None)


def test_chinese_loads_ours_from_the_package_and_qts_own(qapp, translators):
    loaded = launch.install_translations(qapp, "zh")
    package = Path(inventory_app.__file__).parent
    assert any(Path(f).name == "qtbase_zh_CN.qm" for f in loaded)
    ours = [Path(f) for f in loaded if Path(f).name == QM.name]
    assert ours and ours[0].parent == package / "resources" / "translations"
    assert QCoreApplication.translate("pages", "Dashboard") == "概览"
    assert QCoreApplication.translate("charts", "Top slow movers") == "滞销商品排行"
