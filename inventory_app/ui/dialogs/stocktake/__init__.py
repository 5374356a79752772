"""Stocktake dialogs: start (scope and snapshot), count (made for a scanner), review and approve."""
