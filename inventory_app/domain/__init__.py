"""Pure domain: Decimal arithmetic, dataclasses and rules. No I/O, no SQL, no Qt."""
