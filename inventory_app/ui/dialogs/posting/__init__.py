"""One dialog for every everyday posting: Receive, Issue, Write off, Adjust, Transfer."""

from __future__ import annotations

from inventory_app.ui.dialogs.posting.dialog import PostingDialog

__all__ = ["PostingDialog"]
