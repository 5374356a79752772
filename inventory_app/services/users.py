"""Users, PINs and signing in.

PINs and owners' recovery codes are stored as scrypt hashes (memory-hard: 16 MiB and ~50 ms a
try), each with its own salt and parameters. Wrong PINs in a row make sign-in wait, longer
each time (``domain.roles.wait_after``); the count and the wait are in the file, so quitting
does not reset them. A shop's first user must be an owner: from then on every act needs
someone signed in (``access.require``). An owner who forgot the PIN signs in with the
recovery code shown once when the owner was added, and chooses a new PIN (a new code is shown).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from inventory_app.domain.errors import NotFound, RefusedOperation, ValidationError
from inventory_app.domain.model import Changes
from inventory_app.domain.roles import Actor, Role, Source, pin_problem, wait_after
from inventory_app.services.access import now_text, record, require
from inventory_app.storage import users as q
from inventory_app.storage.db import Database
from inventory_app.storage.users import Secret, UserRow

SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # 16 MiB per try
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


@dataclass(frozen=True, slots=True)
class UserInfo:
    name: str
    role: Role
    disabled: bool
    created_at: str
    waiting_until: str | None


@dataclass(frozen=True, slots=True)
class AddedUser:
    changes: Changes
    #: an owner's recovery code, to show once (None for other roles)
    recovery_code: str | None


def _params_text(params: dict[str, int]) -> str:
    return ",".join(f"{k}={v}" for k, v in params.items())


def _derive(secret: str, salt: bytes, params: str) -> bytes:
    p = {k: int(v) for k, v in (part.split("=") for part in params.split(","))}
    return hashlib.scrypt(
        secret.encode(), salt=salt, n=p["n"], r=p["r"], p=p["p"], maxmem=64 * 2**20, dklen=32
    )


def _secret(text: str) -> Secret:
    salt = secrets.token_bytes(16)
    params = _params_text(SCRYPT)
    return Secret(_derive(text, salt, params), salt, params)


def _matches(text: str, stored: Secret) -> bool:
    return hmac.compare_digest(_derive(text, stored.salt, stored.params), stored.hash)


def new_recovery_code() -> str:
    """Four groups of four letters and digits (80 bits), easy to copy down by hand."""
    chars = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(16))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))


def _normal_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


def _check_pin(pin: str) -> None:
    problem = pin_problem(pin)
    if problem:
        raise ValidationError(problem)


def _role(role: Role | str) -> Role:
    try:
        return Role(str(role).strip().lower())
    except ValueError:
        raise ValidationError("users.unknown_role", role=str(role)) from None


def has_users(db: Database) -> bool:
    return q.any_users(db.conn)


def add_user(db: Database, name: str, role: Role | str, pin: str) -> AddedUser:
    """Add a user. The shop's first must be an owner and needs no sign-in (it turns sign-in
    on); later ones are added by a signed-in owner. An owner gets a recovery code."""
    name, role = name.strip(), _role(role)
    if not name:
        raise ValidationError("users.empty_name")
    _check_pin(pin)
    first = not q.any_users(db.conn)
    if first and role is not Role.OWNER:
        raise RefusedOperation("users.first_must_be_owner")
    actor = Actor(name, role, db.actor.source) if first else require(db, "users")
    code = new_recovery_code() if role is Role.OWNER else None
    with db.transaction() as conn:
        if q.user_by_name(conn, name) is not None:
            raise ValidationError("users.name_taken", name=name)
        q.add_user(
            conn, name=name, role=role.value, pin=_secret(pin),
            recovery=_secret(_normal_code(code)) if code else None, created_at=now_text(),
        )  # fmt: skip
        record(conn, actor, "user.add", name, role=role.value)
    if first:
        db.actor = actor
        if actor.source is Source.APP:
            _FOR_PROCESS[db.path.resolve()] = actor
    return AddedUser(Changes(settings=True), code)


def list_users(db: Database) -> list[UserInfo]:
    require(db, "users")
    return [
        UserInfo(u.name, Role(u.role), u.disabled, u.created_at, u.locked_until)
        for u in q.all_users(db.conn)
    ]


def _user(db: Database, name: str) -> UserRow:
    user = q.user_by_name(db.conn, name)
    if user is None:
        raise NotFound("users.unknown", name=name.strip())
    return user


def set_pin(db: Database, name: str, pin: str) -> Changes:
    """A new PIN for ``name``: by an owner, or by that user for their own."""
    user = _user(db, name)
    actor = db.actor
    if not (actor.role is not None and actor.name.casefold() == user.name.casefold()):
        actor = require(db, "users")
    _check_pin(pin)
    with db.transaction() as conn:
        q.set_pin(conn, user.id, _secret(pin))
        record(conn, actor, "user.pin", user.name)
    return Changes(settings=True)


def disable_user(db: Database, name: str) -> Changes:
    """Disable a user (kept, since the audit names them); the last owner cannot be."""
    actor = require(db, "users")
    user = _user(db, name)
    if user.disabled:
        return Changes()
    with db.transaction() as conn:
        if user.role == Role.OWNER and q.enabled_owners(conn) <= 1:
            raise RefusedOperation("users.last_owner", name=user.name)
        q.disable(conn, user.id)
        record(conn, actor, "user.disable", user.name)
    return Changes(settings=True)


def _waiting(user: UserRow, now: dt.datetime) -> None:
    if user.locked_until:
        until = dt.datetime.fromisoformat(user.locked_until)
        if until > now:
            seconds = int((until - now).total_seconds()) + 1
            raise RefusedOperation("users.wait", name=user.name, seconds=seconds)


def _try_secret(
    db: Database, name: str, matches, *, source: Source, now: dt.datetime | None, what: str
) -> UserRow:
    """The user, when ``matches(user)``; else the wrong try is counted (and the wait it
    earns set) and audited in a transaction of its own, then refused."""
    now = (now or dt.datetime.now()).astimezone()
    user = q.user_by_name(db.conn, name)
    if user is None or user.disabled:
        raise RefusedOperation("users.cannot_sign_in", name=name.strip())
    _waiting(user, now)
    if matches(user):
        return user
    tries = user.failed_tries + 1
    wait = wait_after(tries)
    until = (now + wait).isoformat(timespec="seconds") if wait else None
    with db.note_transaction() as conn:
        q.note_failure(conn, user.id, tries, until)
        record(conn, Actor(user.name, Role(user.role), source), what, user.name, tries=tries)
    code = "users.wrong_pin_wait" if wait else "users.wrong_pin"
    raise RefusedOperation(code, name=user.name, seconds=int(wait.total_seconds()), tries=tries)


# The desktop app is one person at a time: whoever signed in there acts on every handle the
# process opens on that file (its workers open their own connections). Keyed by the file.
_FOR_PROCESS: dict[Path, Actor] = {}


def signed_in_for_process(path: Path) -> Actor | None:
    return _FOR_PROCESS.get(path.resolve())


def sign_in(
    db: Database,
    name: str,
    pin: str,
    *,
    source: Source | str,
    now: dt.datetime | None = None,
    for_process: bool = False,
) -> Actor:
    """Sign ``name`` in on ``db`` (``db.actor`` is then them; ``for_process``: on every
    handle this process opens on the file); a wrong PIN is refused and counted, and during
    a wait even the right one is refused."""
    source = Source(source)
    user = _try_secret(
        db, name, lambda u: _matches(pin, u.pin), source=source, now=now, what="pin.failed"
    )
    actor = Actor(user.name, Role(user.role), source)
    try:
        with db.note_transaction() as conn:
            q.clear_failures(conn, user.id)
            record(conn, actor, "sign_in", user.name)
    except RefusedOperation as exc:
        # A shop on a read-only disk (a CD, a locked-down share) can still be read by the
        # right PIN; only its sign-in goes unrecorded. Wrong PINs are refused either way.
        if exc.code not in ("db.cannot_write", "db.cannot_open", "db.read_only"):
            raise
    db.actor = actor
    if for_process:
        _FOR_PROCESS[db.path.resolve()] = actor
    return actor


def recover(
    db: Database,
    name: str,
    code: str,
    new_pin: str,
    *,
    source: Source | str,
    now: dt.datetime | None = None,
) -> str:
    """An owner back in with the recovery code: a new PIN is set, the owner is signed in,
    and a new recovery code (returned, to show once) replaces the used one."""
    source = Source(source)
    _check_pin(new_pin)

    def matches(u: UserRow) -> bool:
        return u.recovery is not None and _matches(_normal_code(code), u.recovery)

    user = _try_secret(db, name, matches, source=source, now=now, what="recovery.failed")
    fresh = new_recovery_code()
    actor = Actor(user.name, Role(user.role), source)
    with db.transaction() as conn:
        q.set_pin(conn, user.id, _secret(new_pin))
        q.set_recovery(conn, user.id, _secret(_normal_code(fresh)))
        record(conn, actor, "recovery.used", user.name)
    db.actor = actor
    if source is Source.APP:
        _FOR_PROCESS[db.path.resolve()] = actor
    return fresh


def sign_out(db: Database) -> None:
    db.actor = Actor(source=db.actor.source)
    _FOR_PROCESS.pop(db.path.resolve(), None)


def sign_in_names(db: Database) -> list[str]:
    """The users who may sign in (enabled), for the sign-in screen's list."""
    return [u.name for u in q.all_users(db.conn) if not u.disabled]


def act_as(db: Database, actor: Actor) -> Database:
    """``db`` acting for ``actor`` (a worker's own connection for the signed-in user)."""
    db.actor = actor
    return db
