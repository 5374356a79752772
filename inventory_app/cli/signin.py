"""Signing in on the command line: ``--user NAME`` with the PIN from ``INVENTORY_PIN`` or a
prompt (never an argument: arguments show in the process list and the shell's history).

A shop without users needs no sign-in (as before users existed). Once it has users, every
command signs in; without ``--user`` it is refused (exit 2) naming the roles that may run it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from inventory_app.domain.errors import RefusedOperation, ValidationError
from inventory_app.domain.roles import Source
from inventory_app.services import access, users
from inventory_app.services.shop import Database

PIN_VARIABLE = "INVENTORY_PIN"
NEW_PIN_VARIABLE = "INVENTORY_NEW_PIN"
RECOVERY_VARIABLE = "INVENTORY_RECOVERY_CODE"

# The action a command needs, for the message when nobody signed in (the services check
# the role itself once someone has). Commands not named here read: any role may.
COMMAND_ACTIONS = {
    "receive": "receive",
    "issue": "issue",
    "transfer": "transfer",
    "writeoff": "writeoff",
    "adjust": "adjust",
    "reverse": "reverse",
    "close-period": "close_period",
    "settings": "settings",
    "import": "import",
    "export": "export",
    "backup": "backup",
    "restore": "restore",
    "stocktake": "count",
    "user": "users",
    "demo": "import",
}


def from_cli(db: Database) -> Database:
    """``db`` with its acts recorded as coming from the command line."""
    return users.act_as(db, db.actor.via(Source.CLI))


def signed_in(args: argparse.Namespace, db: Database) -> Database:
    """``db`` with ``--user`` signed in, or refused (closing ``db``) when the shop has users
    and nobody signed in."""
    try:
        from_cli(db)
        name = getattr(args, "user", None)
        if name:
            if not users.has_users(db):
                raise RefusedOperation("users.no_users")
            users.sign_in(db, name, ask_pin(), source=Source.CLI)
        elif access.needs_sign_in(db):
            action = COMMAND_ACTIONS.get(getattr(args, "command", None) or "", "read")
            raise RefusedOperation("users.sign_in_needed", roles=access.roles_text(action))
    except BaseException:
        db.close()
        raise
    return db


def _prompt(text: str) -> str:
    if not sys.stdin.isatty():
        raise ValidationError("users.pin_needed")
    try:
        return getpass.getpass(text)
    except EOFError:
        raise ValidationError("users.pin_needed") from None


def ask_pin() -> str:
    return os.environ.get(PIN_VARIABLE) or _prompt("PIN: ")


def ask_new_pin() -> str:
    """A new PIN from ``INVENTORY_NEW_PIN``, or typed twice at the prompt."""
    pin = os.environ.get(NEW_PIN_VARIABLE)
    if pin:
        return pin
    first = _prompt("new PIN: ")
    if _prompt("new PIN again: ") != first:
        raise ValidationError("users.pins_differ")
    return first


def ask_recovery_code() -> str:
    return os.environ.get(RECOVERY_VARIABLE) or _prompt("recovery code: ")
