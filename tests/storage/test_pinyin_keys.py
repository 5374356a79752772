"""Pinyin search keys with pypinyin's readings (``storage.pinyin``), on names a clerk would
look for: the phrase dictionary decides a character's reading inside a word; a character
alone is found by each reading some word gives it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from inventory_app.domain.model import ItemFields
from inventory_app.services import catalog, check
from inventory_app.storage.pinyin import pinyin_keys

ROOT = Path(__file__).resolve().parents[2]


def real(name: str) -> list[str]:
    return pinyin_keys(name).split()


def test_the_example_of_the_issue():
    assert real("老酸奶") == ["laosuannai", "lsn"]


def test_a_character_inside_a_word_is_read_as_in_the_word():
    assert real("银行") == ["yinhang", "yh"]  # not yinxing: 行 is háng in 银行
    assert real("长城") == ["changcheng", "cc"]  # not zhangcheng
    assert real("重庆小面") == ["chongqingxiaomian", "cqxm"]


def test_a_polyphone_standing_alone_is_found_by_each_common_reading():
    found = real("长尾夹")
    assert {"changweijia", "zhangweijia", "cwj", "zwj"} <= set(found)
    assert found[0] == "zhangweijia"  # pypinyin's first guess, then the others
    assert {"qdanruantang", "qtanruantang", "qdrt", "qtrt"} <= set(real("Q弹 软糖"))


def test_obscure_readings_no_phrase_uses_are_left_out():
    assert real("葡萄") == ["putao", "pt"]
    assert real("家乐福") == ["jialefu", "jiayuefu", "jlf", "jyf"]  # no jie/gu for 家


def test_mixed_chinese_and_english_names():
    assert real("Coca-Cola 可口可乐 330ml") == ["cocacolakekoukele330ml", "cocacolakkkl330ml"]
    assert real("伊利 纯牛奶 250ml×12") == ["yilichunniunai250ml12", "ylcnn250ml12"]
    assert real("Heineken lager extra 500ml") == []


def test_check_proves_the_stored_keys_are_those_of_the_names(db):
    catalog.add_items(db, [ItemFields(sku="Y1", name="老酸奶"), ItemFields(sku="E1", name="Milk")])
    assert check.check(db).ok
    with db.transaction() as conn:  # a key gone stale (the rule must be able to fail)
        conn.execute("UPDATE items SET pinyin = 'lsn' WHERE sku = 'E1'")
    problems = dict(check.check(db).results)["item pinyin keys = those of its name"]
    assert problems == ["item E1: pinyin keys 'lsn' but its name gives ''"]


def test_pypinyin_is_imported_only_when_a_key_is_computed(tmp_path):
    # Start-up and search never load it (0.3-0.5 s); adding a Chinese name does.
    code = f"""
import sys
import inventory_app.app
from inventory_app.domain.model import ItemFields
from inventory_app.services import catalog, search, shop
db = shop.create_shop({str(tmp_path / "s.db")!r})
catalog.add_item(db, ItemFields(sku="E1", name="Milk"))
search.search_items(db, "lsn")
print("pypinyin" in sys.modules)
catalog.add_item(db, ItemFields(sku="Y1", name="老酸奶"))
print("pypinyin" in sys.modules, [h.sku for h in search.search_items(db, "lsn")])
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["False", "True ['Y1']"]
