"""Dialogs: items, reversing a movement, and the posting dialogs (``posting*.py``)."""
