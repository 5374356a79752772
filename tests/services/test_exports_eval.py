"""A tiny evaluator of the formulas the Excel pack writes, in Decimal, from the cell values
as read back with openpyxl: the test computes what Excel would show, with no float.

Supports numbers, "" strings, references (also 'Sheet'!$A$1), ranges, + - * /, unary -,
comparisons, SUM, SUMIF (exact match), ROUND (half away from zero), IF, OR.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

from openpyxl.utils import column_index_from_string

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<str>\"[^\"]*\")"
    r"|(?P<ref>(?:'(?:[^']|'')+'!|[A-Za-z_]+!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)"
    r"|(?P<fn>[A-Z]+)\(|(?P<op><=|>=|<>|[-+*/(),=<>]))"
)


def cell_number(value: object) -> object:
    """A stored cell value as the evaluator sees it: floats via their shortest repr."""
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, dt.datetime):
        return value
    return value


class Evaluator:
    def __init__(self, wb, sheet: str) -> None:
        self.wb = wb
        self.sheet = sheet
        self.memo: dict[tuple[str, str], object] = {}

    def value(self, sheet: str, coord: str) -> object:
        key = (sheet, coord)
        if key not in self.memo:
            raw = self.wb[sheet][coord].value
            if isinstance(raw, str) and self.wb[sheet][coord].data_type == "f":
                self.memo[key] = _Parser(self, sheet, raw[1:]).parse()
            else:
                self.memo[key] = cell_number(raw)
        return self.memo[key]

    def cell(self, coord: str) -> object:
        return self.value(self.sheet, coord)


class _Parser:
    def __init__(self, ev: Evaluator, sheet: str, text: str) -> None:
        self.ev = ev
        self.sheet = sheet
        self.tokens = []
        pos = 0
        text = text.strip()
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if not m or m.end() == pos:
                raise ValueError(f"cannot parse {text[pos:]!r}")
            kind = m.lastgroup
            self.tokens.append((kind, m.group(kind)))
            pos = m.end()
        self.i = 0

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None)

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def parse(self):
        out = self.compare()
        if self.i != len(self.tokens):
            raise ValueError(f"trailing tokens {self.tokens[self.i :]}")
        return out

    def compare(self):
        left = self.additive()
        kind, op = self.peek()
        if kind == "op" and op in ("=", "<>", "<", ">", "<=", ">="):
            self.take()
            right = self.additive()
            return _compare(left, op, right)
        return left

    def additive(self):
        acc = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            _, op = self.take()
            right = self.term()
            acc = _num(acc) + _num(right) if op == "+" else _num(acc) - _num(right)
        return acc

    def term(self):
        acc = self.unary()
        while self.peek() in (("op", "*"), ("op", "/")):
            _, op = self.take()
            right = self.unary()
            if op == "*":
                acc = _num(acc) * _num(right)
            elif _num(right) == 0:
                acc = DIV0  # an error value: fine unless something uses it (IF may not)
            else:
                acc = _num(acc) / _num(right)
        return acc

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -_num(self.unary())
        return self.atom()

    def atom(self):
        kind, text = self.take()
        if kind == "num":
            return Decimal(text)
        if kind == "str":
            return text[1:-1]
        if kind == "ref":
            values = self.ref_values(text)
            return values[0] if ":" not in text else values
        if kind == "fn":
            args = []
            if self.peek() != ("op", ")"):
                args.append(self.argument())
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.argument())
            assert self.take() == ("op", ")")
            return self.call(text, args)
        if (kind, text) == ("op", "("):
            inner = self.compare()
            assert self.take() == ("op", ")")
            return inner
        raise ValueError(f"unexpected {text!r}")

    def argument(self):
        kind, text = self.peek()
        if kind == "ref" and ":" in text:
            self.take()
            return self.ref_values(text)
        return self.compare()

    def ref_values(self, text: str) -> list:
        sheet = self.sheet
        if "!" in text:
            sheet, text = text.rsplit("!", 1)
            sheet = sheet.strip("'").replace("''", "'")
        text = text.replace("$", "")
        if ":" not in text:
            return [self.ev.value(sheet, text)]
        a, b = text.split(":")
        ca, ra = _split(a)
        cb, rb = _split(b)
        return [
            self.ev.value(sheet, f"{_letter(c)}{r}")
            for r in range(min(ra, rb), max(ra, rb) + 1)
            for c in range(min(ca, cb), max(ca, cb) + 1)
        ]

    def call(self, name: str, args: list):
        if name == "SUM":
            total = Decimal(0)
            for a in args:
                for v in a if isinstance(a, list) else [a]:
                    if isinstance(v, Decimal):
                        total += v
            return total
        if name == "SUMIF":
            crit_range, crit, sum_range = args
            return sum(
                (v for k, v in zip(crit_range, sum_range, strict=True)
                 if k == crit and isinstance(v, Decimal)),
                Decimal(0),
            )  # fmt: skip
        if name == "ROUND":
            x, places = _num(args[0]), int(_num(args[1]))
            return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if name == "IF":
            return args[1] if args[0] else (args[2] if len(args) > 2 else False)
        if name == "OR":
            return any(bool(a) for a in args)
        raise ValueError(f"unknown function {name}")


class _ExcelError(str):
    pass


DIV0 = _ExcelError("#DIV/0!")


def _split(coord: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", coord)
    return column_index_from_string(m.group(1)), int(m.group(2))


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _num(v) -> Decimal:
    if isinstance(v, _ExcelError):
        raise ArithmeticError(f"{v} used in a calculation")
    if v is None or v == "":
        return Decimal(0)
    if isinstance(v, Decimal):
        return v
    raise TypeError(f"not a number: {v!r}")


def _compare(a, op: str, b) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        if op == "=":
            return a == b
        if op == "<>":
            return a != b
        return False
    a, b = _num(a), _num(b)
    return {
        "=": a == b,
        "<>": a != b,
        "<": a < b,
        ">": a > b,
        "<=": a <= b,
        ">=": a >= b,
    }[op]


# -- the evaluator itself ------------------------------------------------------------------


def test_evaluator_computes_what_excel_would(tmp_path):
    from openpyxl import Workbook, load_workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "S 1"
    ws["A1"], ws["A2"], ws["A3"] = 0.1, 0.2, "x"
    ws["B1"] = "=ROUND(A1+A2-0.3,2)"
    ws["B2"] = "=SUM(A1:A3,A1)"
    ws["B3"] = '=IF(OR(A1<=0,A2=0),"",A2/A1)'
    ws["B4"] = "=-ROUND(2.345,2)"
    ws["B5"] = '=IF(A1>1,A1/0,"ok")'
    other = wb.create_sheet("T")
    other["A1"] = "='S 1'!$B$2*2"
    path = tmp_path / "e.xlsx"
    wb.save(path)
    ev = Evaluator(load_workbook(path), "S 1")
    assert ev.cell("B1") == Decimal("0.00")
    assert ev.cell("B2") == Decimal("0.4")
    assert ev.cell("B3") == Decimal(2)
    assert ev.cell("B4") == Decimal("-2.35")
    assert ev.value("T", "A1") == Decimal("0.8")
    assert ev.cell("B5") == "ok"
