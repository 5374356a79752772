"""GS1 element strings: GTIN with check digit, batch, expiry, quantity; with or without
FNC1/GS separators, symbology identifiers, brackets; wrong check digits and dates refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inventory_app.domain import gs1
from inventory_app.domain.errors import ValidationError

GTIN = "06901234567892"  # EAN-13 6901234567892 as a GTIN-14
GS = "\x1d"


@pytest.mark.parametrize(
    "scan",
    [
        f"01{GTIN}17271231" + "10L2612A",  # fixed fields first, the batch last: no GS needed
        f"]d201{GTIN}10L2612A{GS}17271231",  # DataMatrix, GS after the batch
        f"]C101{GTIN}10L2612A<GS>17271231",  # a wedge that types <GS>
        f"01{GTIN}10L2612A|17271231",
        f"(01){GTIN}(10)L2612A(17)271231",  # the human-readable line
    ],
)
def test_the_forms_a_scanner_sends(scan):
    r = gs1.parse(scan)
    assert (r.gtin, r.batch, r.expiry, r.qty) == (GTIN, "L2612A", dt.date(2027, 12, 31), None)
    assert r.codes == (GTIN, "6901234567892")


def test_quantity_and_day_zero():
    r = gs1.parse(f"01{GTIN}171703003024{GS}10B7")
    assert (r.expiry, r.qty, r.batch) == (dt.date(2017, 3, 31), Decimal(24), "B7")
    assert gs1.parse(f"01{GTIN}376").qty == Decimal(6)
    assert gs1.parse(f"01{GTIN}17240200").expiry == dt.date(2024, 2, 29)  # a leap February


@pytest.mark.parametrize(
    ("scan", "code"),
    [
        ("010690123456789317271231", "gs1.bad_check_digit"),  # ...893: check digit 3 is wrong
        (f"01{GTIN}17271331", "gs1.bad_date"),  # month 13
        (f"01{GTIN}17270230", "gs1.bad_date"),  # 30 February
        (f"01{GTIN}99ABC", "gs1.unknown_ai"),
        (f"01{GTIN[:10]}", "gs1.bad_field"),
        (f"01{GTIN}10", "gs1.bad_field"),  # a batch with nothing in it
        (f"01{GTIN}10" + "X" * 21, "gs1.bad_field"),  # longer than 20
        ("", "gs1.empty"),
    ],
)
def test_bad_scans_are_refused(scan, code):
    with pytest.raises(ValidationError) as e:
        gs1.parse(scan)
    assert e.value.code == code


def test_looks_like_gs1_tells_scans_from_plain_codes():
    assert gs1.looks_like_gs1(f"01{GTIN}17271231")
    assert gs1.looks_like_gs1(f"]d201{GTIN}")
    assert not gs1.looks_like_gs1("6901234567892")
    assert not gs1.looks_like_gs1("DR-0001")


@given(body=st.text(alphabet="0123456789", min_size=13, max_size=13))
def test_every_body_has_exactly_one_check_digit(body):
    ok = [d for d in "0123456789" if gs1.check_digit_ok(body + d)]
    assert len(ok) == 1


@given(
    batch=st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-", min_size=1, max_size=20),
    day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
    qty=st.integers(min_value=1, max_value=99_999_999),
)
def test_any_fields_read_back_in_any_order(batch, day, qty):
    fields = [f"01{GTIN}", f"17{day:%y%m%d}", f"10{batch}{GS}", f"30{qty}{GS}"]
    for order in (fields, fields[::-1]):
        r = gs1.parse("".join(order))
        assert (r.gtin, r.batch, r.expiry, r.qty) == (GTIN, batch, day, Decimal(qty))
