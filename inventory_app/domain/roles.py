"""Who may do what: the roles of a shop's users and the actions each may take.

A pure table (action -> roles) read by the services, which enforce it whatever the front
(CLI, desktop app, import), and by the UI, which disables what the signed-in role may not do.
A shop without users has no roles: everything is allowed, as for a one-person shop.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    OWNER = "owner"  # everything
    CLERK = "clerk"  # receive, issue, transfer, count, start stocktakes
    ACCOUNTANT = "accountant"  # read, export


class Source(StrEnum):
    """Where an act came from, as the audit trail records it."""

    APP = "app"
    CLI = "cli"
    IMPORT = "import"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting and from where: the signed-in user (``name`` '' and ``role`` None in a
    shop without users) and the front the act came through."""

    name: str = ""
    role: Role | None = None
    source: Source = Source.APP

    def via(self, source: Source | str) -> Actor:
        """The same person acting through ``source`` (an import started from the app)."""
        return Actor(self.name, self.role, Source(source))


_O, _C, _A = Role.OWNER, Role.CLERK, Role.ACCOUNTANT
_ALL = frozenset(Role)

#: action -> the roles that may take it
ACTIONS: dict[str, frozenset[Role]] = {
    "read": _ALL,
    "receive": frozenset({_O, _C}),
    "issue": frozenset({_O, _C}),
    "transfer": frozenset({_O, _C}),
    "count": frozenset({_O, _C}),
    "stocktake_start": frozenset({_O, _C}),
    "writeoff": frozenset({_O}),
    "adjust": frozenset({_O}),
    "reverse": frozenset({_O}),
    # a clerk approves a stocktake whose differences are all within the tolerance; any line
    # over it needs the owner (the issue: "owner approval for stocktake differences over
    # tolerance")
    "stocktake_approve": frozenset({_O, _C}),
    "stocktake_approve_over_tolerance": frozenset({_O}),
    "stocktake_cancel": frozenset({_O}),
    "close_period": frozenset({_O}),
    "settings": frozenset({_O}),
    "users": frozenset({_O}),
    "items": frozenset({_O}),
    "import": frozenset({_O}),
    "export": frozenset({_O, _A}),
    "backup": frozenset({_O, _A}),
    "restore": frozenset({_O}),
    "purchase": frozenset({_O}),  # purchase orders: create, add lines, send, cancel
}

# The action a posted line's type needs (a document needs every one of its lines' actions).
ACTION_OF_TYPE: dict[str, str] = {
    "receipt": "receive",
    "issue": "issue",
    "transfer": "transfer",
    "writeoff": "writeoff",
    "adjust": "adjust",
    "stocktake": "stocktake_approve_over_tolerance",  # a posted difference, tolerance unknown
    "reversal": "reverse",
}

# The order roles are named in ("owner or clerk").
ROLE_ORDER: tuple[Role, ...] = (_O, _C, _A)


def roles_for(action: str) -> tuple[Role, ...]:
    """The roles that may take ``action``, in the order they are named."""
    allowed = ACTIONS[action]
    return tuple(r for r in ROLE_ORDER if r in allowed)


def may(role: Role | str | None, action: str) -> bool:
    """Whether ``role`` may take ``action``; None (a shop without users) may do anything."""
    if role is None:
        return True
    return Role(role) in ACTIONS[action]


# --- PINs -------------------------------------------------------------------------------

PIN_MIN_LENGTH = 4
PIN_MAX_LENGTH = 64
FREE_TRIES = 3  # wrong PINs before the first wait
FIRST_WAIT = dt.timedelta(seconds=30)
LONGEST_WAIT = dt.timedelta(hours=1)


def wait_after(failed_tries: int) -> dt.timedelta:
    """How long sign-in stays shut after ``failed_tries`` wrong PINs in a row: nothing for
    the first few (typos), then 30 s, doubling with each further wrong PIN, at most an hour."""
    if failed_tries < FREE_TRIES:
        return dt.timedelta(0)
    return min(FIRST_WAIT * 2 ** (failed_tries - FREE_TRIES), LONGEST_WAIT)


def pin_problem(pin: str) -> str | None:
    """The error code for a PIN that cannot be used, or None."""
    if len(pin) < PIN_MIN_LENGTH:
        return "users.pin_too_short"
    if len(pin) > PIN_MAX_LENGTH:
        return "users.pin_too_long"
    if pin != pin.strip():
        return "users.pin_spaces"
    return None
