"""argparse's own words ("usage:", "error:", "the following arguments are required") in the
message language, through the gettext hook argparse calls them by: argparse looks up its
module-level ``_`` and ``ngettext`` each time it words a refusal, so replacing those two
names gives every parser (and every later one) the words without subclassing. English, and
any language without a table here, goes on to ``gettext`` as before.

The words of ``--help`` (the section titles "positional arguments" and "options", the help
of -h and --version) are looked up when a parser is built: ``cli.main`` sets the language
before it builds one, and keeps a parser per language (the help texts of our own arguments
are ``cli.help_text``'s)."""

from __future__ import annotations

import argparse
import functools
import gettext

from inventory_app.domain import messages

# fmt: off
ZH: dict[str, str] = {
    "usage: ": "用法：",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "无效的选择：%(value)r（可选：%(choices)s）",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多只能有一个值",
    "expected at least one argument": "至少需要一个值",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s":
        "选项 %(option)s 有歧义，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 必须给出其中一个",
    "ignored explicit argument %r": "多余的值 %r 被忽略",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    # --help, worded when a parser is built
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示程序的版本号并退出",
}
# fmt: on

TABLES: dict[str, dict[str, str]] = {"zh": ZH}


def words(text: str) -> str:
    """``text`` of argparse in the message language."""
    table = TABLES.get(messages.language())
    if table is not None and text in table:
        return table[text]
    return _system_words(text)


def nwords(singular: str, plural: str, n: int) -> str:
    table = TABLES.get(messages.language())
    text = singular if n == 1 else plural
    if table is not None and text in table:
        return table[text]
    return _system_nwords(singular, plural, n)


# gettext looks for its catalogue in the locale folders on every call when there is none
# (~0.1 ms a call, and argparse asks ~240 times building the parser): asked once a text.
@functools.cache
def _system_words(text: str) -> str:
    return gettext.gettext(text)


@functools.cache
def _system_nwords(singular: str, plural: str, n: int) -> str:
    return gettext.ngettext(singular, plural, n)


def install() -> None:
    """Make argparse word its refusals and usage in the message language (idempotent)."""
    argparse._ = words  # type: ignore[attr-defined]
    argparse.ngettext = nwords  # type: ignore[attr-defined]
