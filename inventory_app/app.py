"""Entry point: no sub-command opens the desktop app, anything else runs the CLI."""

from __future__ import annotations

import sys

from inventory_app import cli


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if cli.wants_cli(args):
        raise SystemExit(cli.main(args))
    # The desktop app is imported lazily so the CLI never pays for Qt.
    from inventory_app.ui.launch import run_desktop

    raise SystemExit(run_desktop(args))
