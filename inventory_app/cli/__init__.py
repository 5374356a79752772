"""The command line: an argparse front over the services.

``inventory-app [--db PATH] [--lang zh|en] COMMAND ...``. Exit 0 on success, 2 on bad input or a
refused operation (message on stderr), 1 when ``check`` finds a problem.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import os
import sys
from collections.abc import Mapping, Sequence
from types import ModuleType

from inventory_app.cli import argparse_words, common, help_text
from inventory_app.domain import messages
from inventory_app.domain.errors import InventoryError
from inventory_app.services import preferences
from inventory_app.services import shop as shop_files

# Each module of inventory_app.cli adds its sub-commands, these command words (tests/cli check
# them against what it adds); the order is the order of `--help`: the shop file, getting data
# in, day-to-day postings, looking at stock, stocktakes, reports, the accountant's pack.
COMMANDS: dict[str, tuple[str, ...]] = {
    "shop": ("init", "demo", "check", "backup", "restore"),
    "imports": ("import", "template"),
    "postings": ("receive", "issue", "writeoff", "adjust", "transfer", "reverse", "close-period"),
    "items": ("items",),
    "stock": ("stock", "summary"),
    "stocktake": ("stocktake",),
    "reports": ("report", "alerts"),
    "demand": ("forecast", "item"),
    "exports": ("export",),
    "buying": ("supplier", "location", "label", "unit"),
    "orders": ("po",),
    "settings": ("settings",),
    "users": ("user", "audit"),
}
COMMAND_MODULES = tuple(COMMANDS)
_MODULE_OF = {word: module for module, words in COMMANDS.items() for word in words}
# The options taken before the command, each with a value (common.add_db_option, add_lang_option)
_TOP_OPTIONS = ("--db", "--user", "--lang")


def command_module(name: str) -> ModuleType:
    return importlib.import_module(f"inventory_app.cli.{name}")


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The parser of the commands that ``modules`` add (by default: all of them), its help in
    the message language."""
    argparse_words.install()  # argparse's own words (refusals, section titles) in the language
    parser = argparse.ArgumentParser(
        prog="inventory-app",
        description="Offline inventory manager: exact FIFO/FEFO ledger, stocktakes, reports.",
        epilog="Without a COMMAND the desktop app opens: inventory-app [SHOP.db].",
    )
    parser.add_argument("--version", action=_VersionAction)
    common.add_db_option(parser, top=True)
    common.add_lang_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        command_module(name).register(sub)
    common.add_lang_everywhere(parser)  # every command, whichever module added it
    help_text.in_language(parser, messages.language())
    return parser


class _VersionAction(argparse._VersionAction):
    """``--version``, the version looked up when asked for: reading the installed metadata
    imports importlib.metadata and email (~30 ms every command paid)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from inventory_app import __version__

        self.version = f"%(prog)s {__version__}"
        super().__call__(parser, namespace, values, option_string)


def _parser() -> argparse.ArgumentParser:
    return _parser_in(messages.language())


# Built once per process and language (``language`` keys the cache: the help is worded in the
# message language when a parser is built): ``app.main`` asks ``wants_cli`` and then runs
# ``main`` (80 sub-parsers, ~10 ms each time). Parsing leaves the parser as it was.
@functools.cache
def _parser_in(language: str) -> argparse.ArgumentParser:
    return build_parser()


@functools.cache
def _command_parser(module: str, language: str) -> argparse.ArgumentParser:
    return build_parser((module,))


def parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser that reads ``argv``: for a known command, only the part its module adds
    (each sub-command's parser is its own: the same parse, messages and help), so a
    command builds a few sub-parsers rather than 80 and imports one module of commands;
    the whole parser when asked for help or the version, or for a word that is no command."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _TOP_OPTIONS:
            i += 2
        elif arg.split("=", 1)[0] in _TOP_OPTIONS:
            i += 1
        elif arg.startswith("-"):
            break
        else:
            module = _MODULE_OF.get(arg)
            return _parser() if module is None else _command_parser(module, messages.language())
    return _parser()


def command_names() -> set[str]:
    parser = _parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def wants_cli(args: Sequence[str]) -> bool:
    """True when the arguments are for the CLI: a command, a mistyped one, help or version
    (the one decision is ``inventory_app.app.route``)."""
    from inventory_app.app import route

    return route(args)[0] == "cli"


def environment_language(env: Mapping[str, str] = os.environ) -> str:
    """ "zh" or "en" for the messages, from the locale variables in POSIX order of precedence
    for messages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): a zh_* locale speaks Chinese."""
    return preferences.environment_language(env)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # --lang, else the language set with `settings set language`, else the locale; chosen
    # before parsing, so that argparse's refusals (a bad date) are worded in it too
    messages.set_language(common.lang_in_argv(argv) or preferences.effective_language())
    parser = parser_for(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args) or 0)
    except InventoryError as exc:
        print(f"inventory-app: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("inventory-app: interrupted; nothing was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`... | head`): not an error of ours; keep Python from
        # complaining again when it flushes stdout at exit
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # what SQLite or the OS says about a file: a sentence, not a stack
        problem = shop_files.file_problem(exc, common.db_path(args))
        if problem is None:
            raise
        print(f"inventory-app: {problem}", file=sys.stderr)
        return 2
