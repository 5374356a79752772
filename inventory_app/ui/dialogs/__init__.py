"""Dialogs: postings (``posting/``), stocktakes (``stocktake/``), reversing a movement, items,
imports, settings."""
