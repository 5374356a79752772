"""Pinyin search keys: the pure rules, with a small dictionary of our own
(``tests/storage/test_pinyin_keys.py`` has pypinyin's)."""

from __future__ import annotations

import pytest

from inventory_app.domain.pinyin import MAX_VARIANTS, plain, search_keys

# character -> readings, the likeliest first (a dictionary without phrases)
SMALL = {
    "老": ["lǎo"],
    "酸": ["suān"],
    "奶": ["nǎi"],
    "长": ["zhǎng", "cháng"],
    "行": ["xíng", "háng"],
    "绿": ["lǜ", "lù"],
    "茶": ["chá"],
    "钙": ["gài"],
    "重": ["zhòng", "chóng"],
    "乐": ["lè", "yuè"],
    "和": ["hé", "hè", "huó", "huò"],
}


def small(run: str) -> list[list[str]]:
    return [SMALL.get(ch, [ch]) for ch in run]


def keys(name: str) -> list[str]:
    return search_keys(name, small).split()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("老酸奶", ["laosuannai", "lsn"]),
        ("老 酸奶", ["laosuannai", "lsn"]),  # spaces between words drop out
        ("绿茶", ["lvcha", "lucha", "lc"]),  # ü is typed v; both readings give the same initials
        ("AD钙奶", ["adgainai", "adgn"]),  # Latin letters stay in place
        ("ＡＤ钙奶", ["adgainai", "adgn"]),  # full-width letters are letters
        ("老酸奶 200ml×12", ["laosuannai200ml12", "lsn200ml12"]),
        ("长", ["zhang", "chang", "z", "c"]),
        ("Yogurt plain 150g", []),  # no Chinese: its words match as typed
        ("", []),
    ],
)
def test_keys_are_full_pinyin_then_initials(name, expected):
    assert keys(name) == expected


def test_variants_come_likeliest_first_one_character_changed_at_a_time():
    # 长 and 行 have two readings each: first both likeliest, then each changed alone, then both
    assert keys("长行") == [
        "zhangxing",
        "changxing",
        "zhanghang",
        "changhang",
        "zx",
        "cx",
        "zh",
        "ch",
    ]


def test_a_name_full_of_polyphones_keeps_a_bounded_number_of_variants():
    name = "长行重乐和长行重乐和"
    found = keys(name)
    full = [k for k in found if len(k) > len(name)]
    initials = [k for k in found if len(k) == len(name)]
    assert len(full) == MAX_VARIANTS and len(initials) == MAX_VARIANTS
    assert full[0] == "zhangxingzhonglehe" * 2  # the likeliest reading always comes first
    assert initials[0] == "zxzlh" * 2


def test_a_dictionary_answer_that_does_not_line_up_is_read_character_by_character():
    def grouped(run: str) -> list[list[str]]:  # answers a run of two as one item
        return [["laosuan"]] if run == "老酸" else small(run)

    assert search_keys("老酸", grouped) == "laosuan ls"


@pytest.mark.parametrize(
    ("reading", "expected"),
    [("lǜ", "lv"), ("nǚ", "nv"), ("lüè", "lve"), ("Zhang3", "zhang"), ("ê̄", "e"), ("奶", "")],
)
def test_plain_drops_tones_and_writes_u_umlaut_as_v(reading, expected):
    assert plain(reading) == expected
