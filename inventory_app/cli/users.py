"""CLI: ``user add|list|pin|disable`` and ``audit``.

``user add NAME --role owner|clerk|accountant``: the shop's first user must be its owner and
needs no sign-in; later users are added by an owner (``--user``). The new PIN comes from
``INVENTORY_NEW_PIN`` or is typed twice. An owner's recovery code is printed once.
``user pin NAME --recovery``: an owner who forgot the PIN, with the recovery code
(``INVENTORY_RECOVERY_CODE`` or a prompt).
"""

from __future__ import annotations

import argparse
import datetime as dt

from inventory_app.cli import common, signin
from inventory_app.domain.roles import Role, Source
from inventory_app.services import users


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's sub-commands to the parser."""
    group = sub.add_parser("user", help="users, roles and PINs")
    cmds = group.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    p = cmds.add_parser("add", help="add a user (the first must be the owner)")
    common.add_db_option(p)
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.set_defaults(run=cmd_add)
    p = cmds.add_parser("list", help="the shop's users")
    common.add_db_option(p)
    common.add_format(p, ("table", "json"))
    p.set_defaults(run=cmd_list)
    p = cmds.add_parser("pin", help="set a new PIN (an owner for anyone, a user for their own)")
    common.add_db_option(p)
    p.add_argument("name")
    p.add_argument(
        "--recovery", action="store_true", help="an owner's way back in: the recovery code"
    )
    p.set_defaults(run=cmd_pin)
    p = cmds.add_parser("disable", help="disable a user (kept in the audit trail)")
    common.add_db_option(p)
    p.add_argument("name")
    p.set_defaults(run=cmd_disable)

    p = sub.add_parser("audit", help="who did what, when and from where")
    common.add_db_option(p)
    p.add_argument("--from", dest="start", type=common.date_arg, default=dt.date(1900, 1, 1))
    p.add_argument("--to", dest="end", type=common.date_arg, default=None)
    p.add_argument("--by", metavar="NAME", help="only this user's acts")
    common.add_format(p, ("table", "json"))
    p.set_defaults(run=cmd_audit)


def _print_recovery(name: str, code: str) -> None:
    print(f"recovery code for {name} (shown once; write it down and keep it safe): {code}")


def cmd_add(args: argparse.Namespace) -> int:
    with common.open_for_write(args, sign_in=False) as db:
        if users.has_users(db):
            signin.signed_in(args, db)
        added = users.add_user(db, args.name, args.role, signin.ask_new_pin())
    print(f"user {args.name.strip()} added as {args.role}")
    if added.recovery_code:
        _print_recovery(args.name.strip(), added.recovery_code)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with common.open_for_read(args) as db:
        rows = users.list_users(db)
    if args.format == "json":
        common.print_json(
            {
                "users": [
                    {
                        "name": u.name,
                        "role": u.role.value,
                        "disabled": u.disabled,
                        "created_at": u.created_at,
                        "waiting_until": u.waiting_until,
                    }
                    for u in rows
                ]
            }
        )
        return 0
    common.print_table(
        ["name", "role", "status", "created"],
        [
            (
                u.name,
                common.word("role", u.role.value),
                common.word("user_state", "disabled") if u.disabled else "",
                u.created_at,
            )
            for u in rows
        ],
    )
    return 0


def cmd_pin(args: argparse.Namespace) -> int:
    if args.recovery:
        with common.open_for_write(args, sign_in=False) as db:
            code = signin.ask_recovery_code()
            fresh = users.recover(db, args.name, code, signin.ask_new_pin(), source=Source.CLI)
        print(f"new PIN set for {args.name.strip()}")
        _print_recovery(args.name.strip(), fresh)
        return 0
    with common.open_for_write(args) as db:
        users.set_pin(db, args.name, signin.ask_new_pin())
    print(f"new PIN set for {args.name.strip()}")
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    with common.open_for_write(args) as db:
        users.disable_user(db, args.name)
    print(f"user {args.name.strip()} disabled")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from inventory_app.services import audit

    end = args.end or dt.date.today()
    with common.open_for_read(args) as db:
        rows = audit.entries(db, start=args.start, end=end, user=args.by)
    if args.format == "json":
        common.print_json(
            {
                "entries": [
                    {
                        "id": e.id,
                        "at": e.at,
                        "user": e.user,
                        "role": e.role,
                        "source": e.source,
                        "action": e.action,
                        "object": e.object,
                        "details": e.details,
                    }
                    for e in rows
                ]
            }
        )
        return 0
    common.print_table(
        ["at", "user", "role", "source", "action", "object", "details"],
        [
            (
                e.at, e.user, common.word("role", e.role or ""),
                common.word("audit_source", e.source), common.word("audit_action", e.action),
                e.object,
                ", ".join(f"{k}={v}" for k, v in e.details.items()),
            )
            for e in rows
        ],
    )  # fmt: skip
    return 0
