"""Use cases over an open shop: each write runs in one transaction and returns ``Changes``.

No SQL here: services call ``storage`` functions named in the shop's words. A module per use case
(``postings``, ``catalog``, ``settings`` ...) and a package per capability (``analytics``,
``stocktake``, ``imports``, ``tabular``, ``export``, ``demo``, ``browse``). Long work takes plain
``progress`` and ``cancel`` callables (``progress``), so a test or the CLI calls it directly.
"""
