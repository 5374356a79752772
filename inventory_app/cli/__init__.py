"""The command line: an argparse front over the services.

``inventory-app [--db PATH] [--lang zh|en] COMMAND ...``. Exit 0 on success, 2 on bad input or a
refused operation (message on stderr), 1 when ``check`` finds a problem.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Mapping, Sequence

from inventory_app.cli import (
    argparse_words,
    buying,
    common,
    demand,
    exports,
    imports,
    items,
    orders,
    postings,
    reports,
    settings,
    shop,
    stock,
    stocktake,
    users,
)
from inventory_app.domain import messages
from inventory_app.domain.errors import InventoryError
from inventory_app.services import preferences
from inventory_app.services import shop as shop_files

# Each module adds its sub-commands; the order is the order of `--help`: the shop file, getting
# data in, day-to-day postings, looking at stock, stocktakes, reports, the accountant's pack.
COMMAND_MODULES = (
    shop,
    imports,
    postings,
    items,
    stock,
    stocktake,
    reports,
    demand,
    exports,
    buying,
    orders,
    settings,
    users,
)


def build_parser() -> argparse.ArgumentParser:
    argparse_words.install()  # argparse's refusals in the message language
    parser = argparse.ArgumentParser(
        prog="inventory-app",
        description="Offline inventory manager: exact FIFO/FEFO ledger, stocktakes, reports.",
        epilog="Without a COMMAND the desktop app opens: inventory-app [SHOP.db].",
    )
    parser.add_argument("--version", action=_VersionAction)
    common.add_db_option(parser, top=True)
    common.add_lang_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    common.add_lang_everywhere(parser)  # every command, whichever module added it
    return parser


class _VersionAction(argparse._VersionAction):
    """``--version``, the version looked up when asked for: reading the installed metadata
    imports importlib.metadata and email (~30 ms every command paid)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from inventory_app import __version__

        self.version = f"%(prog)s {__version__}"
        super().__call__(parser, namespace, values, option_string)


@functools.cache
def _parser() -> argparse.ArgumentParser:
    # Built once per process: ``app.main`` asks ``wants_cli`` and then runs ``main`` (80
    # sub-parsers, ~10 ms each time). Parsing leaves the parser as it was.
    return build_parser()


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
    parser = _parser()
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
