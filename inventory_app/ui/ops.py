"""The one path for the UI's writes (Anki's ``CollectionOp``).

``write(parent, ctx, call)`` runs a service call on the shop — ``call(db)``, one
transaction — and then either

- announces what changed: ``ctx.data_changed(changes, initiator)`` with the ``Changes`` the
  service returned (alone, or as the ``changes`` of its result); pages refresh from that
  signal and no page reaches into another; or
- shows why not: a refusal (``InventoryError``) as a plain message — or however ``refused``
  shows it in place, beside a field or in a banner — and anything else as a bug, with the
  traceback to copy. Nothing was written either way.

It returns the service's result, or None when it was refused or failed. ``write_long`` does
the same for work that takes a while: on a worker with a connection of its own, a progress
dialog after ~0.5 s, and Cancel. ``run_long`` is that without the announcement, for long work
on files rather than on what the pages show (opening a shop, a backup, an export).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from inventory_app.domain.errors import Cancelled, InventoryError
from inventory_app.domain.model import Changes
from inventory_app.services import access, users
from inventory_app.services.progress import Cancel, Progress
from inventory_app.services.shop import Database
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.errors import show_error
from inventory_app.ui.workers import on_shop, run_task

R = TypeVar("R")
#: shows a refusal in place of the message box
Refused = Callable[[InventoryError], None]


def changes_of(result: object) -> Changes:
    """The ``Changes`` a service returned: the result itself, or its ``changes``."""
    changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
    if not isinstance(changes, Changes):
        raise TypeError(f"a write returned {type(result).__name__}, which carries no Changes")
    return changes


def write(
    parent: QWidget,
    ctx: AppContext,
    call: Callable[[Database], R],
    *,
    refused: Refused | None = None,
    initiator: object | None = None,
) -> R | None:
    """Run ``call(ctx.db)`` on the UI thread (a quick write) and announce its changes as made
    by ``initiator`` (``parent`` unless given). None: refused, failed, or no shop is open."""
    if ctx.db is None:
        return None
    try:
        result = call(ctx.db)
    except Exception as exc:  # a refusal or a bug: shown, and nothing was written
        _show_problem(parent, exc, refused)
        return None
    _announce(ctx, result, parent if initiator is None else initiator)
    return result


def write_long(
    parent: QWidget,
    ctx: AppContext,
    title: str,
    job: Callable[[Database, Progress, Cancel], R],
    *,
    refused: Refused | None = None,
    cancelled: Callable[[], None] | None = None,
    initiator: object | None = None,
) -> R | None:
    """Run ``job(db, progress, cancel)`` on a worker with a writer connection of its own,
    behind a progress dialog titled ``title`` with Cancel; ``cancelled()`` is told when the
    user stopped it (nothing was written). Otherwise as ``write``."""
    if ctx.path is None:
        return None
    actor = ctx.db.actor if ctx.db is not None else None

    def as_signed_in(db: Database, progress: Progress, cancel: Cancel) -> R:
        if actor is not None:
            users.act_as(db, actor)  # the worker's own connection acts for the same person
        return job(db, progress, cancel)

    work = on_shop(ctx.path, as_signed_in, write=True)
    result = run_long(parent, title, work, refused=refused, cancelled=cancelled)
    if result is not None:
        _announce(ctx, result, parent if initiator is None else initiator)
    return result


def run_long(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress, Cancel], R],
    *,
    refused: Refused | None = None,
    cancelled: Callable[[], None] | None = None,
) -> R | None:
    """Run ``fn(progress, cancel)`` on a worker behind a progress dialog with Cancel, and
    show its problems as ``write`` does; ``cancelled()`` is told when the user stopped it.
    Returns ``fn``'s result, or None when it was stopped, refused or failed."""
    try:
        return run_task(parent, title, fn)
    except Cancelled:
        if cancelled is not None:
            cancelled()
        return None
    except Exception as exc:  # a refusal or a bug: shown
        _show_problem(parent, exc, refused)
        return None


def _show_problem(parent: QWidget | None, exc: Exception, refused: Refused | None) -> None:
    if isinstance(exc, InventoryError) and refused is not None:
        refused(exc)
    else:
        show_error(parent, exc)  # a refusal as a message, a bug with its traceback


def _announce(ctx: AppContext, result: object, initiator: object) -> None:
    ctx.data_changed.emit(changes_of(result), initiator)


# -- who may: one place disables what the signed-in role may not do ---------------------------


def who_may(action: str) -> str:
    """'Only the owner may do this.' for ``action``, in the interface language."""
    phrase = access.roles_text(action)
    texts = {
        "owner": QCoreApplication.translate("roles", "Only the owner may do this."),
        "owner or clerk": QCoreApplication.translate(
            "roles", "Only the owner or a clerk may do this."
        ),
        "owner or accountant": QCoreApplication.translate(
            "roles", "Only the owner or the accountant may do this."
        ),
        "owner, clerk or accountant": QCoreApplication.translate(
            "roles", "Anyone signed in may do this."
        ),
    }
    return texts[phrase]


def role_name(role: str) -> str:
    return {
        "owner": QCoreApplication.translate("roles", "owner"),
        "clerk": QCoreApplication.translate("roles", "clerk"),
        "accountant": QCoreApplication.translate("roles", "accountant"),
    }.get(role, role)


_GATED = "_gated_by_role"


def gate(ctx: AppContext, target: QAction | QWidget, action: str) -> None:
    """Register ``target`` (an action or a button) as needing ``action``: ``apply_roles``
    disables it, with a tooltip saying who may, when the signed-in role may not."""
    gated: dict[int, tuple[QObject, str, str]] = ctx.__dict__.setdefault(_GATED, {})
    key = id(target)
    gated[key] = (target, action, target.toolTip())
    target.destroyed.connect(lambda *_: gated.pop(key, None))
    _apply(ctx, target, action, target.toolTip())


def set_enabled(ctx: AppContext, target: QAction | QWidget, on: bool) -> None:
    """``target.setEnabled(on)`` for a page's own reasons (a row selected...), kept disabled
    when it is gated and the signed-in role may not."""
    gated = ctx.__dict__.get(_GATED, {}).get(id(target))
    if gated is not None and ctx.db is not None and not access.allowed(ctx.db, gated[1]):
        on = False
    target.setEnabled(on)


def apply_roles(ctx: AppContext) -> None:
    """Enable every gated action the signed-in role may take, disable the rest (after
    opening a shop, signing in and switching user)."""
    for target, action, tip in list(ctx.__dict__.get(_GATED, {}).values()):
        _apply(ctx, target, action, tip)


def _apply(ctx: AppContext, target: QObject, action: str, tip: str) -> None:
    if ctx.db is None:
        return  # the window disables everything without a shop
    ok = access.allowed(ctx.db, action)
    target.setEnabled(ok)  # type: ignore[attr-defined]
    target.setToolTip(tip if ok else f"{tip}\n{who_may(action)}".strip())  # type: ignore[attr-defined]
