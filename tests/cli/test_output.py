"""The output helpers write exactly what the json and csv modules and the old line-by-line
table wrote (outputs are contracts), in one write."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory_app.cli import common
from inventory_app.domain.text import display_width


def reference_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=common.jsonable)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),  # control characters, quotes, backslashes, CJK, surrogates...
    st.decimals(allow_nan=False, allow_infinity=False, places=3),
    st.decimals(),  # NaN, Infinity, exponents
    st.dates(),
    st.datetimes(),
)
keys = st.one_of(
    st.text(max_size=8),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(keys, inner, max_size=5),
    ),
    max_leaves=40,
)


@settings(max_examples=400, deadline=None)
@given(documents)
def test_json_text_is_what_json_dumps_writes(data):
    assert common.json_text(data) == reference_json(data)


key_text = st.text(alphabet='ab"%\\\n名', max_size=4)  # quotes, %, escapes, CJK
record_keys = st.lists(key_text, min_size=1, max_size=4, unique=True)


@settings(max_examples=300, deadline=None)
@given(record_keys.flatmap(
    lambda keys: st.lists(st.fixed_dictionaries({k: scalars for k in keys}), max_size=6)
), st.booleans())  # fmt: skip
def test_json_text_of_a_list_of_rows_is_what_json_dumps_writes(rows, nested):
    # rows of one set of keys take the column-at-a-time way; the same keys in another order,
    # a row with a list in it, or a subclass of a scalar type, the general one
    data = {"rows": rows, "n": len(rows)} if nested else rows
    assert common.json_text(data) == reference_json(data)
    if len(rows) > 1:
        flipped = [rows[0], dict(reversed(list(rows[1].items())))]
        assert common.json_text(flipped) == reference_json(flipped)
        odd = [rows[0], {**rows[1], next(iter(rows[1])): [True, None]}]
        assert common.json_text(odd) == reference_json(odd)


def test_json_text_on_a_report_shaped_document():
    rows = [
        {"sku": f"SKU{i:05d}", "name": "螺丝 M3 \"粗\"\t\\", "qty": Decimal(i) / 8,
         "value": Decimal("-0.00"), "expiry": dt.date(2026, 10, i % 28 + 1) if i % 3 else None,
         "turnover": None, "days": i, "ratio": i / 7, "ok": i % 2 == 0}
        for i in range(300)
    ]  # fmt: skip
    data = {"at": dt.date(2026, 12, 2), "rows": rows, "totals": {}, "empty": [], 3: math.inf}
    assert common.json_text(data) == reference_json(data)


def test_json_text_refuses_what_json_refuses():
    with pytest.raises(TypeError, match="keys must be str, int, float, bool or None"):
        common.json_text({(1, 2): "x"})
    with pytest.raises(ValueError, match="Circular reference"):
        common.json_text({"x": object()})  # jsonable gives it back unchanged


def test_print_json_writes_once_with_a_newline(capsys):
    common.print_json({"a": [Decimal("1.50"), dt.date(2026, 1, 2)]})
    out = capsys.readouterr().out
    assert out == '{\n  "a": [\n    "1.50",\n    "2026-01-02"\n  ]\n}\n'


ROWS = [
    ("A1", "Bolt, M3", None, Decimal("12.500"), dt.date(2026, 1, 5)),
    ("甲2", '螺丝 "大"', "Main", Decimal("-3"), None),
    ("B3", "line\nbreak", "", Decimal("1000.00"), dt.date(2026, 2, 1)),
]


def test_csv_is_what_the_csv_module_wrote_row_by_row(capsys):
    columns = ("sku", "name", "location", "qty", "date")
    common.print_csv(columns, ROWS)
    expected = io.StringIO()
    w = csv.writer(expected, lineterminator="\n")
    w.writerow(columns)
    for row in ROWS:
        w.writerow(["" if v is None else common.jsonable(v) for v in row])
    assert capsys.readouterr().out == expected.getvalue()


def reference_table(columns, rows) -> str:
    """The table as print_table printed it line by line before it wrote once."""
    cells = [[("" if v is None else str(common.jsonable(v))) for v in row] for row in rows]
    widths = [display_width(c) for c in columns]
    for row in cells:
        widths = [max(w, display_width(v)) for w, v in zip(widths, row, strict=True)]
    numeric = [
        all(common._looks_numeric(r[i]) for r in cells if r[i]) and any(r[i] for r in cells)
        for i in range(len(columns))
    ]

    def fmt(values):
        out = []
        for v, w, num in zip(values, widths, numeric, strict=True):
            pad = " " * (w - display_width(v))
            out.append(pad + v if num else v + pad)
        return "  ".join(out).rstrip()

    lines = [fmt(columns), "  ".join("-" * w for w in widths), *map(fmt, cells)]
    return "".join(line + "\n" for line in lines)


@pytest.mark.parametrize("rows", [ROWS, [], [("—", "x", "", "", "")]])
def test_table_is_what_was_printed_line_by_line(capsys, rows):
    columns = ("sku", "名称", "location", "qty", "date")
    common.print_table(columns, rows)
    assert capsys.readouterr().out == reference_table(columns, rows)


cells = st.one_of(
    st.none(),
    st.text(alphabet=st.sampled_from("ab1,.-— 螺丝ｶ\u3000é0"), max_size=6),  # "1,000", "—", wide
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.integers(),
    st.booleans(),
    st.floats(),
    st.dates(),
)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=4).flatmap(
    lambda n: st.tuples(
        st.lists(st.text(alphabet="xy名", max_size=3), min_size=n, max_size=n),
        st.lists(st.lists(cells, min_size=n, max_size=n), max_size=6),
    )
))  # fmt: skip
def test_table_text_is_what_print_table_printed(columns_rows):
    columns, rows = columns_rows
    assert common.table_text(columns, rows) == reference_table(columns, rows)
