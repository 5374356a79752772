"""A command reads its arguments with only its own module's part of the parser: that part
must be exactly what the whole parser has for it (words, options, help, refusals)."""

from __future__ import annotations

import argparse

import pytest

from inventory_app import cli


def subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def helps(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> dict:
    """Every sub-command's help text, at any depth, by its words."""
    found = {}
    for word, sub in subparsers(parser).items():
        found[(*path, word)] = sub.format_help()
        found.update(helps(sub, (*path, word)))
    return found


def test_the_whole_parser_has_each_modules_words_in_order():
    every = [word for words in cli.COMMANDS.values() for word in words]
    assert list(subparsers(cli.build_parser())) == every


@pytest.mark.parametrize("module", cli.COMMAND_MODULES)
def test_a_modules_part_is_the_whole_parsers_part(module):
    part = cli.build_parser((module,))
    assert tuple(subparsers(part)) == cli.COMMANDS[module]
    whole = {k: v for k, v in helps(cli.build_parser()).items() if k[0] in cli.COMMANDS[module]}
    assert helps(part) == whole


@pytest.mark.parametrize(
    ("argv", "module"),
    [
        (["summary", "--from", "2026-01-01"], "stock"),
        (["--db", "x.db", "--lang", "zh", "report", "turnover"], "reports"),
        (["--db=x.db", "--user=ann", "alerts"], "reports"),
        (["--lang=en", "close-period", "2026-01-31"], "postings"),
        (["--help"], None),
        (["--version"], None),
        (["--db", "x.db"], None),  # no command: the whole parser prints the usage
        (["stok"], None),  # a mistyped word: the whole parser names the commands
        (["--bogus", "stock"], None),
    ],
)
def test_a_known_command_gets_its_modules_part(argv, module):
    parser = cli.parser_for(argv)
    expected = cli.COMMANDS[module] if module else tuple(subparsers(cli.build_parser()))
    assert tuple(subparsers(parser)) == expected


def test_a_refusal_reads_the_same_from_the_part(capsys):
    argv = ["summary", "--from", "2026-13-01", "--to", "2026-01-31"]
    errors = []
    for parser in (cli.parser_for(argv), cli.build_parser()):
        with pytest.raises(SystemExit):
            parser.parse_args(argv)
        errors.append(capsys.readouterr().err)
    assert errors[0] == errors[1]
    assert "usage: inventory-app summary" in errors[0] and "2026-13-01" in errors[0]
