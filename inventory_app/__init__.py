"""inventory_app: an offline inventory manager with an exact FIFO/FEFO ledger."""

__version__ = "0.1.0"
