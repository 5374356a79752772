"""GS1 element strings as a scanner types them (GS1-128, GS1 DataMatrix): the item (01 GTIN),
its batch (10), expiry (17) and quantity (30 / 37).

A scan is a run of application identifiers (AI) each followed by its data. Fixed-length AIs
(01: 14 digits, 17: 6) need no separator; a variable-length one (10, 30, 37) ends at a group
separator (GS, ASCII 29, the FNC1 a scanner sends) or at the end of the scan. Scanners differ
in how they show these, so the parser accepts:

* a symbology identifier at the start (``]C1`` GS1-128, ``]d2`` DataMatrix, ``]Q3`` QR);
* the separator as GS (``\\x1d``), or as the text some keyboard-wedge set-ups send instead
  (``<GS>``, ``{GS}``, ``^]``, or ``|``) — their characters are never in GS1 data;
* the human-readable form with brackets: ``(01)06901234567892(17)271231(10)L01``;
* no separator at all after a variable-length field when the next AI can still be told
  apart because the field ends the scan (the common ``01…17…10…`` order).

A GTIN's check digit and the expiry date are checked; a day ``00`` means the last day of the
month (the GS1 rule). Pure: no I/O.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain.errors import ValidationError

GS = "\x1d"
_SEPARATORS = ("<GS>", "{GS}", "^]", "|", "<FNC1>", "{FNC1}")
_SYMBOLOGY = re.compile(r"^\](C1|e0|d2|Q3|J1)")
_BRACKETED = re.compile(r"\((\d{2,4})\)")
# AI -> (fixed data length or None for variable, max length)
_AIS: dict[str, tuple[int | None, int]] = {
    "00": (18, 18),
    "01": (14, 14),
    "02": (14, 14),
    "10": (None, 20),
    "11": (6, 6),
    "13": (6, 6),
    "15": (6, 6),
    "17": (6, 6),
    "21": (None, 20),
    "30": (None, 8),
    "37": (None, 8),
}


@dataclass(frozen=True, slots=True)
class GS1Scan:
    """What a GS1 scan says: the GTIN (14 digits, check digit verified), batch, expiry and
    quantity, each None when the scan does not carry it."""

    gtin: str | None = None
    batch: str | None = None
    expiry: dt.date | None = None
    qty: Decimal | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        """The GTIN as a shop may have stored it: 14 digits, or the EAN-13 / UPC-A inside."""
        if self.gtin is None:
            return ()
        out = [self.gtin]
        if self.gtin.startswith("0"):
            out.append(self.gtin[1:])
        if self.gtin.startswith("00"):
            out.append(self.gtin[2:])
        return tuple(out)


def check_digit_ok(digits: str) -> bool:
    """The GS1 mod-10 check digit of a GTIN-8/12/13/14 (the last digit)."""
    if not digits.isdigit() or len(digits) < 2:
        return False
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if n % 2 == 0 else 1) for n, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def looks_like_gs1(text: str) -> bool:
    """Whether ``text`` is worth parsing as GS1 (a plain barcode or SKU is not)."""
    t = text.strip()
    if _SYMBOLOGY.match(t) or GS in t or t.startswith("(01)") or t.startswith("(10)"):
        return True
    return t.startswith("01") and len(t) > 16 and t[:16].isdigit()


def _normalise(text: str) -> str:
    t = text.strip()
    m = _SYMBOLOGY.match(t)
    if m:
        t = t[m.end() :]
    for sep in _SEPARATORS:
        t = t.replace(sep, GS)
    if t.startswith("("):
        t = _BRACKETED.sub(lambda m: GS + m.group(1), t).lstrip(GS)
    return t.lstrip(GS)


def parse(text: str) -> GS1Scan:
    """The GS1 element string ``text`` (see the module doc); ``gs1.*`` errors for a scan that
    is not one, an unknown AI, a wrong check digit, a date that does not exist."""
    t = _normalise(text)
    if not t:
        raise ValidationError("gs1.empty")
    found: dict[str, str] = {}
    pos = 0
    while pos < len(t):
        if t[pos] == GS:
            pos += 1
            continue
        ai = t[pos : pos + 2]
        if ai not in _AIS:
            raise ValidationError("gs1.unknown_ai", ai=ai, scan=text.strip())
        fixed, longest = _AIS[ai]
        start = pos + 2
        if fixed is not None:
            data = t[start : start + fixed]
            if len(data) != fixed or not data.isdigit():
                raise ValidationError("gs1.bad_field", ai=ai, scan=text.strip())
            pos = start + fixed
        else:
            end = t.find(GS, start)
            end = len(t) if end < 0 else end
            data = t[start:end]
            if not data or len(data) > longest:
                raise ValidationError("gs1.bad_field", ai=ai, scan=text.strip())
            pos = end
        found[ai] = data
    return _scan(found, text.strip())


def _scan(found: dict[str, str], raw: str) -> GS1Scan:
    gtin = found.get("01") or found.get("02")
    if gtin is not None and not check_digit_ok(gtin):
        raise ValidationError("gs1.bad_check_digit", gtin=gtin)
    expiry = _date(found["17"], raw) if "17" in found else None
    qty_text = found.get("30") or found.get("37")
    if qty_text is not None and not qty_text.isdigit():
        raise ValidationError("gs1.bad_field", ai="30" if "30" in found else "37", scan=raw)
    return GS1Scan(
        gtin=gtin,
        batch=found.get("10"),
        expiry=expiry,
        qty=Decimal(int(qty_text)) if qty_text is not None else None,
    )


def _date(yymmdd: str, raw: str) -> dt.date:
    """YYMMDD as GS1 reads it: the year within 49 years ahead / 50 behind (2000-2099 here),
    day 00 the month's last day."""
    year, month, day = 2000 + int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    try:
        if day == 0:
            day = calendar.monthrange(year, month)[1]
        return dt.date(year, month, day)
    except (ValueError, calendar.IllegalMonthError):
        raise ValidationError("gs1.bad_date", value=yymmdd, scan=raw) from None
