"""``--help`` follows the language: every help text the parsers carry (the command list, each
argument, the program's description, argparse's own words) has its Chinese, which keeps the
English one's placeholders; the English help stays as written; Chinese lines are wrapped by
the columns they take."""

from __future__ import annotations

import argparse
import contextlib
import io
import re

import pytest

from inventory_app import cli
from inventory_app.cli import help_layout, help_text, help_zh
from inventory_app.domain import messages
from inventory_app.domain.text import display_width


@pytest.fixture
def language():
    """Set the message language for a test, and put back the one before."""
    before = messages.language()
    yield messages.set_language
    messages.set_language(before)


def help_texts(parser: argparse.ArgumentParser) -> list[tuple[object, str]]:
    """(holder, text) of every help text in the whole parser tree."""
    return [
        (holder, getattr(holder, name))
        for each in help_text.parsers(parser)
        for holder, name in help_text.help_holders(each)
    ]


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\(\w+\)s|\{\w+\}", text))


def test_every_help_text_has_its_chinese(language):
    language("en")
    texts = help_texts(cli.build_parser())
    assert len(texts) > 130  # the whole tree: each sub-command, nested ones too
    missing = sorted(
        {text for holder, text in texts if help_text.translation(holder, text, "zh") is None}
    )
    assert missing == [], "add these to inventory_app/cli/help_zh.py"


def test_a_missing_translation_is_found(language, monkeypatch):
    # the check above fails when a help text has no Chinese (here: one entry taken out)
    monkeypatch.delitem(help_zh.ZH, "the month, like 2026-10")
    language("en")
    texts = help_texts(cli.build_parser())
    assert [t for h, t in texts if help_text.translation(h, t, "zh") is None] == [
        "the month, like 2026-10"
    ]
    language("zh")  # and the Chinese parser shows it in English rather than not at all
    assert "the month, like 2026-10" in [t for _, t in help_texts(cli.build_parser())]


def test_each_entry_is_used_and_keeps_its_placeholders(language):
    language("en")
    texts = {text for _, text in help_texts(cli.build_parser())}
    for english, chinese in help_zh.ZH.items():
        assert placeholders(chinese) == placeholders(english), english
        assert chinese != english and not chinese.isascii(), english
        if "{" in english:  # a template: some text is made from it
            made = re.sub(r"\\\{\w+\\\}", ".+", re.escape(english))
            assert any(re.fullmatch(made, t) for t in texts), english
        else:
            assert english in texts, f"no parser carries {english!r} (a stale entry?)"


def test_a_template_fills_in_what_was_made_at_run_time():
    made = "shop database file (default: /home/李/inventory.db)"
    assert help_text.translated(made, "zh") == "店铺数据文件（默认：/home/李/inventory.db）"
    assert help_text.translated("shop database file", "zh") is None
    assert help_text.translated("unit cost", "en") is None


def test_the_chinese_parser_carries_the_chinese(language):
    language("zh")
    texts = [text for _, text in help_texts(cli.build_parser())]
    english = [t for t in texts if re.search(r"\b(the|and|of|or|a|an|to|with)\b", t)]
    assert english == []


def help_of(*argv: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        cli.main([*argv, "--help"])
    return out.getvalue()


def test_english_help_is_as_written(language, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    help_of("--lang", "zh")  # a Chinese parser built first does not leak into English
    top = help_of("--lang", "en")
    assert top.startswith("usage: inventory-app [-h] [--version] [--db PATH] [--user NAME]\n")
    assert "\nOffline inventory manager: exact FIFO/FEFO ledger, stocktakes, reports.\n" in top
    assert (
        "\npositional arguments:\n  COMMAND\n    init          create an empty shop file\n" in top
    )
    assert "\noptions:\n  -h, --help      show this help message and exit\n" in top
    assert "  --version       show program's version number and exit\n" in top
    assert "    receive       receive goods into a new batch\n" in top
    journal = help_of("--lang", "en", "import", "journal")
    assert "  --sheet SHEET   sheet name in a workbook (default: the first visible)\n" in journal
    month = help_of("--lang", "en", "export", "month")
    assert "  month           the month, like 2026-10\n" in month


def test_chinese_help_under_each_way_of_choosing_it(language, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    top = help_of("--lang", "zh")
    assert top.startswith("用法：inventory-app [-h] [--version] [--db PATH] [--user NAME]\n")
    # continuation lines under the first argument, as in English ("用法：" is 6 columns)
    assert "\n                    [--lang {zh,en}]\n" in top
    assert "\n位置参数：\n  COMMAND\n    init          新建一个空的店铺文件\n" in top
    assert "\n选项：\n  -h, --help      显示本帮助并退出\n" in top
    assert "  --version       显示程序的版本号并退出\n" in top
    assert "    receive       入库：收货并建立新批次\n" in top
    journal = help_of("import", "journal", "--lang", "zh")  # after the command too
    assert "  --sheet SHEET   工作簿中的工作表名（默认：第一个可见的）\n" in journal


@pytest.mark.parametrize("argv", [(), ("stocktake", "approve"), ("report", "turnover")])
def test_chinese_lines_fit_the_terminal(language, monkeypatch, argv):
    monkeypatch.setenv("COLUMNS", "80")  # argparse lays out for 78 columns
    lines = help_of("--lang", "zh", *argv).splitlines()
    assert max(map(display_width, lines)) <= 78
    wrapped = [line for line in lines if line.startswith(" " * 18) and not line.isascii()]
    assert wrapped  # some help ran onto a second line, and still fits


@pytest.mark.parametrize("width", [10, 17, 30, 54])
def test_wrapping_by_columns(width):
    text = (
        "提示信息、表头、错误和 Excel 工作表的语言：zh 或 en（默认：用 `settings set "
        "language` 设置的语言，否则按 LANG/LANGUAGE）"
    )
    lines = help_layout.wrap_columns(text, width)
    assert all(display_width(line) <= width for line in lines), lines
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert not any(line[0] in "，。、：）" for line in lines)  # no line starts with a closing mark
    assert not any(line[-1] == "（" for line in lines)
    assert "Excel" in " ".join(lines).split()  # a word is never split


def test_english_is_wrapped_by_argparse_itself():
    formatter = help_layout.HelpFormatter("prog")
    text = "replace the shop with a backup (checked first; the current shop is kept)"
    assert formatter._split_lines(text, 30) == argparse.HelpFormatter("prog")._split_lines(text, 30)
