"""``--help`` in the message language: the help texts of a built parser put in that language,
in one pass over the whole parser tree when it is built (``cli.build_parser``), so that each
``help=`` site keeps its English text as the source and the tables (``cli.help_zh``) are the one
place for the translations. A text without a translation stays English (tests/cli check that
there is none); English parsers are left as built, byte for byte.

Every parser also gets the help formatter that measures display width (``cli.help_layout``):
argparse wraps by character count, which lets a Chinese line run to twice its width."""

from __future__ import annotations

import argparse
import functools
import re
from collections.abc import Iterator

from inventory_app.cli import argparse_words, help_layout, help_zh

TABLES: dict[str, dict[str, str]] = {"zh": help_zh.ZH}

_FIELD = re.compile(r"\\\{(\w+)\\\}")  # a {name} field of an escaped key


def translated(text: str, language: str) -> str | None:
    """``text`` in ``language`` (None when there is no translation): the table's entry for
    it, or for the template it was made from with its ``{name}`` fields filled in."""
    table = TABLES.get(language)
    if table is None:
        return None
    if text in table:
        return table[text]
    for pattern, target in _templates(language):
        found = pattern.fullmatch(text)
        if found:
            return target.format(**found.groupdict())
    return None


@functools.cache
def _templates(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(_FIELD.sub(r"(?P<\1>.+)", re.escape(key)), re.DOTALL), target)
        for key, target in TABLES[language].items()
        if "{" in key
    )


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """``parser`` and every sub-command's parser under it, at any depth (an alias once)."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from parsers(sub)


def help_holders(parser: argparse.ArgumentParser) -> Iterator[tuple[object, str]]:
    """Every (holder, attribute) of ``parser`` with a help text set: its description and
    epilog, each argument's help and each sub-command's line in the command list."""
    for name in ("description", "epilog"):
        if getattr(parser, name):
            yield parser, name
    for action in parser._actions:
        holders = [action]
        if isinstance(action, argparse._SubParsersAction):
            holders += action._choices_actions  # the command list's lines
        for holder in holders:
            if holder.help and holder.help is not argparse.SUPPRESS:
                yield holder, "help"


def translation(holder: object, text: str, language: str) -> str | None:
    """The help ``text`` that ``holder`` carries, in ``language`` (None: no translation)."""
    if isinstance(holder, argparse._HelpAction | argparse._VersionAction):
        # argparse's own help of -h and --version: with its other words (Python 3.11 does
        # not look up the one of --version; -h arrives translated already)
        return argparse_words.TABLES.get(language, {}).get(text)
    return translated(text, language)


def in_language(parser: argparse.ArgumentParser, language: str) -> None:
    """Put the help texts of ``parser`` and of all its sub-commands in ``language``, and give
    each parser the formatter that wraps by display width."""
    for each in parsers(parser):
        if each.formatter_class is argparse.HelpFormatter:
            each.formatter_class = help_layout.HelpFormatter
        if language not in TABLES:
            continue
        for holder, name in help_holders(each):
            text = translation(holder, getattr(holder, name), language)
            if text is not None:
                setattr(holder, name, text)
