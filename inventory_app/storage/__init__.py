"""SQLite: the only package that speaks SQL.

``db`` opens a shop file (pragmas, the writer lock, transactions, refusals by SQLite result
code); ``schema`` + ``migrations`` make and upgrade it; ``ledger`` is the posting engine;
``reads`` and the capability modules (``catalog``, ``meta``, ``stocktakes``, ``backup``) hold the
queries; ``integrity`` proves the maintained caches agree with the ledger.
"""
