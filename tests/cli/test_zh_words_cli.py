"""Under ``--lang zh`` the CLI speaks no English: ``check``'s rules and summary, the reorder
suggestion's reason, the turnover table's total row, the tables of backups, suppliers, orders,
users and the audit trail, and argparse's own refusals. Run as a user would, in fresh
processes, on a demo shop built in Chinese; English stays the default (the same commands
without ``--lang`` read as before)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: what may stay ASCII in Chinese output: units and words of the demo's item names (user data)
#: and usage placeholders
#: (argparse's metavars, which name the value to type, as in the README)
ALLOWED = {"kg", "ml", "pcs", "MB", "USB", "LED", "AA", "AAA"}
ALLOWED |= {"COMMAND", "REPORT"}


def english_words(text: str) -> list[str]:
    """ASCII words of two letters or more, after removing what is a code: paths, option
    flags, ``{zh,en}`` choices, quoted command names, SKUs and timestamps."""
    text = re.sub(r"\S*[/.]\S*", " ", text)  # paths and file names
    # --flags and METAVARs (in a wrapped usage, the METAVAR may be on the next line)
    text = re.sub(r"(?<![\w])--?[a-z][a-z-]*(\s+[A-Z_]+\b)?", " ", text)
    text = re.sub(r"\{[a-z,]+\}", " ", text)
    text = re.sub(r"'[a-z-]+'", " ", text)  # the commands argparse lists
    text = re.sub(r"\b[A-Z]{2}-\d{4}\b", " ", text)  # SKUs
    text = re.sub(r"\d{4}-\d\d-\d\dT[\d:.+]+", " ", text)  # ISO timestamps
    text = re.sub(r"inventory-app( [a-z-]+)*", " ", text)  # the program and its command
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in ALLOWED]


def run(db: Path, *args: str, locale: str = "C.UTF-8") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = locale  # English by default: --lang alone makes it Chinese
    env["COLUMNS"] = "80"  # --help laid out for a terminal of 80 columns
    return subprocess.run(
        [sys.executable, "-m", "inventory_app", "--db", str(db), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("zh") / "shop.db"
    built = run(db, "--lang", "zh", "demo", "--skus", "30", "--days", "120")
    assert built.returncode == 0, built.stderr
    (db.parent / "shop-backups").mkdir()  # the shop's own backup folder, as `backup list` reads
    made = run(db, "backup", str(db.parent / "shop-backups"))
    assert made.returncode == 0, made.stderr
    return db


def month_range() -> tuple[str, str]:
    today = dt.date.today()
    return (today - dt.timedelta(days=90)).isoformat(), today.isoformat()


COMMANDS = {
    "check": ("check",),
    "reorder": ("report", "reorder"),
    "turnover": ("report", "turnover", "--by", "month", "--from", "{start}", "--to", "{end}"),
    "backup list": ("backup", "list"),
    "supplier list": ("supplier", "list"),
    "po list": ("po", "list"),
    "user list": ("user", "list"),
    "audit": ("audit",),
}


def command(name: str) -> list[str]:
    start, end = month_range()
    return [a.format(start=start, end=end) for a in COMMANDS[name]]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_no_english_word_under_lang_zh(shop, name):
    done = run(shop, "--lang", "zh", *command(name))
    assert done.returncode == 0, done.stderr
    out = done.stdout + done.stderr
    assert out.strip()
    if name == "audit":  # its actions, objects and details are codes and data: the headers
        out = out.splitlines()[0]
    assert english_words(out) == [], out


def test_the_chinese_words_are_those_of_the_glossary(shop):
    checked = run(shop, "--lang", "zh", "check").stdout
    assert "数据校验全部通过" in checked and "通过  已过账记录未被改动（防篡改链）" in checked
    reorder = run(shop, "--lang", "zh", "report", "reorder").stdout
    assert "再订货点" in reorder and "安全库存" in reorder
    turnover = run(shop, "--lang", "zh", *command("turnover")).stdout
    assert any(line.startswith("合计 ") for line in turnover.splitlines())
    backups = run(shop, "--lang", "zh", "backup", "list").stdout
    assert "备份时间" in backups and "手动" in backups


def test_english_stays_the_default(shop):
    checked = run(shop, "check").stdout
    assert "ok    value is conserved: receipts + adjustments - COGS = stock value" in checked
    assert "all checks passed in" in checked
    reorder = run(shop, "report", "reorder").stdout
    assert "average demand" in reorder and "reorder point" in reorder
    turnover = run(shop, *command("turnover")).stdout
    assert any(line.startswith("total ") for line in turnover.splitlines())
    assert "taken" in run(shop, "backup", "list").stdout
    refused = run(shop, "issue")
    assert "error: the following arguments are required: --sku, --qty" in refused.stderr


@pytest.mark.parametrize(
    "args",
    [("issue",), ("nonsense",), ("report", "turnover", "--by", "week"), ("check", "--bogus")],
)
def test_argparse_refusals_under_lang_zh(shop, args):
    done = run(shop, "--lang", "zh", *args)
    assert done.returncode == 2
    assert done.stderr.startswith("用法：") and "错误：" in done.stderr
    assert english_words(done.stderr) == [], done.stderr


#: what ``--help`` may show in ASCII besides what its parser names (flags, metavars, choices,
#: command words): names a Chinese shop writes as they are, and the values typed after --scope
HELP_ALLOWED = {"Excel", "ABC", "GMROI", "PDF", "PIN", "GS1", "GTIN", "LANG", "LANGUAGE"}
HELP_ALLOWED |= {"all", "location", "category", "abc", "due"}

HELPS = [
    (),
    ("import", "journal"),
    ("stocktake",),
    ("stocktake", "start"),
    ("stocktake", "approve"),
    ("export", "month"),
    ("report",),
    ("report", "turnover"),
    ("receive",),
]


def parser_words(path: tuple[str, ...]) -> set[str]:
    """The ASCII words the parser of the command ``path`` names: its options, metavars,
    positional arguments, choices and sub-commands (and --reason's values of approve)."""
    from inventory_app.cli import build_parser
    from inventory_app.domain.stocktake import StocktakeReason

    parser = build_parser()
    for word in path:
        parser = next(
            a.choices[word] for a in parser._actions if isinstance(a, argparse._SubParsersAction)
        )
    names = [r.value for r in StocktakeReason]
    for action in parser._actions:
        names += action.option_strings
        names += [action.dest if not action.option_strings else action.dest.upper()]
        metavar = action.metavar or ()
        names += [metavar] if isinstance(metavar, str) else list(metavar)
        names += [str(c) for c in action.choices or ()]
    return set(re.findall(r"[A-Za-z]{2,}", " ".join(names)))


def english_in_help(text: str, path: tuple[str, ...]) -> list[str]:
    text = re.sub(r"`[^`]*`", " ", text)  # a command to type: `settings set language`
    text = re.sub(r"\b\w+_\w+\b", " ", text)  # a name to type: INVENTORY_PIN
    allowed = HELP_ALLOWED | parser_words(path)
    return [w for w in english_words(text) if w not in allowed]


@pytest.mark.parametrize("path", HELPS, ids=" ".join)
def test_help_under_lang_zh_is_chinese(tmp_path, path):
    done = run(tmp_path / "none.db", "--lang", "zh", *path, "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("用法：inventory-app") and "\n选项：\n" in done.stdout
    assert english_in_help(done.stdout, path) == [], done.stdout


def test_help_follows_a_chinese_locale(tmp_path):
    done = run(tmp_path / "none.db", "import", "journal", "--help", locale="zh_CN.UTF-8")
    assert done.returncode == 0, done.stderr
    assert "  --sheet SHEET   工作簿中的工作表名（默认：第一个可见的）\n" in done.stdout
    assert english_in_help(done.stdout, ("import", "journal")) == [], done.stdout
    english = run(tmp_path / "none.db", "import", "journal", "--help")
    assert (
        "  --sheet SHEET   sheet name in a workbook (default: the first visible)\n"
        in english.stdout
    )


def test_english_left_in_help_is_caught():
    # the oracle of the help tests: an untranslated line is found, the parser's names are not
    text = "  --sheet SHEET   sheet name in a workbook\n  --uncounted {unchanged,zero}\n  id\n"
    assert english_in_help(text, ("stocktake", "approve")) == ["sheet", "name", "in", "workbook"]
    assert (
        english_in_help("--reason REASON  原因：damaged, data error", ("stocktake", "approve"))
        == []
    )


def test_a_broken_translation_is_caught():
    # the oracle itself: English left in a Chinese line is found, codes are not
    assert english_words("通过  item on hand = its batches") == [
        "item",
        "on",
        "hand",
        "its",
        "batches",
    ]
    assert english_words("用法：inventory-app issue [--db PATH] --sku SKU DA-0003 150g") == []
