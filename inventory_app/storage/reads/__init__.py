"""Read models: the SQL behind stock, period flows, analytics, browsing and exports.

Amounts come back in minor units (quantities in thousandths, money in cents) for the services to
turn into ``Decimal``.
"""
