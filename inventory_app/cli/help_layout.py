"""argparse's help laid out by display width: argparse (through textwrap) counts characters,
so a Chinese help line, whose characters each take two columns, ran to twice the terminal's
width, and "用法：" (6 columns, 3 characters) misaligned the usage's continuation lines.
Text of one column a character (all of the English help) goes to argparse as before, so the
English output is unchanged byte for byte."""

from __future__ import annotations

import argparse
import re

from inventory_app.domain.text import display_width

# Chinese line breaking: no line starts with a closing mark nor ends with an opening one
_NO_BREAK_BEFORE = frozenset("，。、；：！？）》」』”’】…")
_NO_BREAK_AFTER = frozenset("（《「『“‘【")
# a run of narrow non-space characters (a word, a flag, 2026-10, .xlsx), a wide one, a space
_TOKEN = re.compile(r"[^\s\u1100-\uffff]+|\S| ")


def wrap_columns(text: str, width: int) -> list[str]:
    """``text`` (whitespace already single spaces) in lines of at most ``width`` columns:
    broken at spaces and between Chinese characters, never inside a word or before a
    closing mark; a word wider than a line is broken by columns, as textwrap does."""
    lines: list[str] = []
    line, space = "", False
    for unit in _units(text):
        if unit == " ":
            space = bool(line)
            continue
        piece = " " + unit if space else unit
        space = False
        if line and display_width(line + piece) > width:
            lines.append(line)
            line = ""
            piece = unit
        while display_width(line + piece) > width and display_width(piece) > 1:
            head, piece = _cut(piece, width - display_width(line))
            lines.append(line + head)
            line = ""
        line += piece
    if line:
        lines.append(line)
    return lines


def _units(text: str) -> list[str]:
    """The tokens of ``text``, those that may not be parted glued together."""
    units: list[str] = []
    for token in _TOKEN.findall(text):
        glue = units and units[-1] != " " and token != " "
        if glue and (token[0] in _NO_BREAK_BEFORE or units[-1][-1] in _NO_BREAK_AFTER):
            units[-1] += token
        else:
            units.append(token)
    return units


def _cut(text: str, columns: int) -> tuple[str, str]:
    """``text`` parted after as many characters as fit in ``columns`` (one at least)."""
    used = 0
    for i, ch in enumerate(text):
        used += display_width(ch)
        if used > columns:
            return text[: max(i, 1)], text[max(i, 1) :]
    return text, ""


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, measuring text by the columns it takes on screen."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        if display_width(text) == len(text):
            return super()._split_lines(text, width)
        return wrap_columns(self._whitespace_matcher.sub(" ", text).strip(), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if display_width(text) == len(text):
            return super()._fill_text(text, width, indent)
        text = self._whitespace_matcher.sub(" ", text).strip()
        return "\n".join(indent + line for line in wrap_columns(text, width - len(indent)))

    def _format_usage(self, usage, actions, groups, prefix) -> str:
        if prefix is None:
            prefix = argparse._("usage: ")  # type: ignore[attr-defined]
        columns = display_width(prefix)
        if columns == len(prefix):
            return super()._format_usage(usage, actions, groups, prefix)
        # laid out behind a stand-in of the prefix's width, which the prefix then replaces
        stand_in = " " * columns
        text = super()._format_usage(usage, actions, groups, stand_in)
        return prefix + text[len(stand_in) :]

    class _Section(argparse.HelpFormatter._Section):
        def format_help(self) -> str:
            text = super().format_help()
            heading = self.heading
            if isinstance(heading, str) and not heading.isascii():
                # a Chinese section title ends in a full-width colon
                text = text.replace(f"{heading}:\n", f"{heading}：\n", 1)
            return text
