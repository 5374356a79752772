"""inventory_app: an offline inventory manager with an exact FIFO/FEFO ledger."""

from __future__ import annotations

__all__ = ["__version__"]

DISTRIBUTION = "inventory-app"


def __getattr__(name: str) -> str:
    # The one version is pyproject's, read from the installed metadata (wheel, editable,
    # frozen bundle: the spec copies the metadata). Looked up on first use, not at import:
    # importlib.metadata costs start-up time the desktop app does not need.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version(DISTRIBUTION)
        except PackageNotFoundError:  # a bare checkout, never installed
            return "0+unknown"
    raise AttributeError(name)
