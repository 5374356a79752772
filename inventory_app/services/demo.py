"""A believable demo shop: a catalogue of groceries and hardware and a year of history.

``generate`` is pure and deterministic by seed. It builds the catalogue at once and the
history lazily, as a generator of dated lines in posting order. Every item's batches are
simulated under the ledger's own rules (FIFO / FEFO, expired batches never drawn unless
named), so every line posts. ``skus=10000, days=365`` gives about a million lines.
Quantities inside the simulation are integers in thousandths (milli-units).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import random
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from inventory_app.domain.errors import ValidationError
from inventory_app.domain.model import (
    DEFAULT_LOCATION,
    Changes,
    ItemFields,
    Line,
    MovementType,
    Removal,
    WriteoffReason,
)

if TYPE_CHECKING:
    from inventory_app.storage.db import Database

BACK_STORE = "Back store"
SALES_REF = "SO-POS"  # the till's daily sales: one document a day
_MEAN_RATE = 0.255  # sales a day, per item
LINES_PER_ITEM_DAY = 0.274  # what the history yields on average (~100 lines/item/year)

# -- word lists -------------------------------------------------------------------------------
# A family: brands | products | variants | specs | unit | cost range (yuan) | pack | shelf life.
# "~" is an empty choice. A name is one pick from each of the first four lists.

_SUPPLIERS = (  # name, usual lead time (days)
    ("中粮粮油批发 COFCO Grain Wholesale", 3),
    ("康达饮料经销 Kangda Drinks", 2),
    ("惠民食品批发 Huimin Foods", 3),
    ("光明乳业配送 Bright Dairy Delivery", 2),
    ("Metro Cash & Carry 麦德龙", 5),
    ("义乌五金城 Yiwu Hardware Market", 10),
    ("正泰电器代理 Chint Electric Agent", 7),
    ("广州日化批发 Guangzhou Daily Chemicals", 6),
    ("晨光文具经销 M&G Stationery Dealer", 5),
)

_SHOP_NAMES = (
    "老王便利百货 Lao Wang General Store",
    "顺发五金杂货 Shunfa Hardware & Grocery",
    "福满多便民超市 Fumanduo Mini-Mart",
    "金丰杂货店 Golden Harvest Store",
    "乐家百货 Happy Home Goods",
    "永兴粮油五金 Yongxing Grain & Hardware",
    "好邻居小卖部 Good Neighbour Shop",
)


@dataclass(frozen=True, slots=True)
class _Family:
    parts: tuple[tuple[str, ...], ...]  # brands, products, variants, specs
    unit: str
    cost: tuple[float, float]  # yuan, smallest spec to largest
    pack: int  # order multiple: units, or milli-units for goods sold by weight or length
    life: tuple[int, int] | None
    english: bool

    @property
    def size(self) -> int:
        return math.prod(len(p) for p in self.parts)

    def name(self, index: int) -> tuple[str, float]:
        """The name at ``index`` (< size), with where its spec sits among the specs (0..1)."""
        words = []
        for p in reversed(self.parts):
            index, k = divmod(index, len(p))
            words.append(p[k])
        specs = self.parts[3]
        text = " ".join(w for w in reversed(words) if w != "~")
        return text, specs.index(words[0]) / len(specs)


@dataclass(frozen=True, slots=True)
class _Category:
    code: str  # SKU prefix
    label: str
    share: int  # weight in the catalogue
    suppliers: tuple[int, ...]
    season: str
    trade: bool  # weekday pattern of a trade counter rather than a grocery
    pace: float  # demand multiplier
    families: tuple[_Family, ...]


# "= code | label | share | shelf life (- for none: FIFO) | suppliers | season | week | pace"
# starts a category; then one family per record: brands | products | variants | specs | unit |
# cost range | pack [| shelf life]. A name is one word from each of the first four lists;
# "~" is the empty word. Indented lines continue a record.
_WORDS = """
= GR | 粮油 Grain & Oil | 10 | 180-365 | 0,4 | festive | grocery | 0.8
金龙鱼,福临门,鲁花,胡姬花,多力,长寿花,西王,中粮 | 花生油,菜籽油,调和油,玉米油,大豆油,葵花籽油
  | ~,压榨一级,非转基因,物理压榨 | 900ml,1.8L,2.5L,4L,5L | 桶 | 12-120 | 4
十月稻田,五常,中粮,福临门,金龙鱼,太粮,柴火大院 | 大米,东北大米,香米,糯米,小米,黑米
  | ~,新米,有机,珍品 | 1kg,2.5kg,5kg,10kg | 袋 | 8-90 | 2
香雪,金沙河,陈克明,五得利,古船,想念 | 挂面,面粉,饺子粉,荞麦面,鸡蛋面 | ~,高筋,全麦
  | 500g,1kg,2.5kg,5kg | 袋 | 3-40 | 10
Arawana,Bertolli,Knife,Lion,Borges | olive oil,sunflower oil,canola oil,rice bran oil
  | ~,extra virgin,light | 500ml,1L,2L,5L | 瓶 | 15-150 | 6
Royal Umbrella,Golden Phoenix,Tilda,SunRice | jasmine rice,basmati rice,brown rice,sushi rice
  | ~,premium,organic | 1kg,5kg,10kg | 袋 | 10-160 | 2
散装 | 大米,小米,绿豆,红豆,黄豆,花生米,燕麦,薏米 | ~,精选 | 称重 | kg | 4-18 | 25000

= DR | 饮料 Drinks | 12 | 120-365 | 1,4 | summer | grocery | 1.3
农夫山泉,怡宝,百岁山,康师傅,娃哈哈,景田,冰露 | 饮用天然水,纯净水,矿泉水,苏打水
  | ~,弱碱性,含气 | 350ml,550ml,1.5L,4L,12L | 瓶 | 0.8-15 | 24
可口可乐,百事,雪碧,芬达,美年达,元气森林,健力宝 | 汽水,气泡水,可乐
  | 原味,无糖,柠檬味,白桃味,青柠味 | 330ml,500ml,1.25L,2L | 瓶 | 1.5-7 | 12
康师傅,统一,王老吉,加多宝,东方树叶,三得利,小茗同学 | 冰红茶,绿茶,乌龙茶,凉茶,茉莉花茶
  | ~,低糖,无糖 | 250ml,500ml,1L | 瓶 | 1.5-6 | 15
汇源,美汁源,农夫果园,椰树 | 果汁,橙汁,椰汁,苹果汁,芒果汁 | ~,100%,NFC | 300ml,1L,1.25L
  | 瓶 | 2-15 | 12
青岛,雪花,燕京,哈尔滨,珠江 | 啤酒 | ~,纯生,精酿,冰爽 | 330ml,500ml,600ml | 罐 | 2.5-9 | 24
Coca-Cola,Pepsi,Sprite,Fanta,7UP,Schweppes | cola,soda water,lemonade,tonic water
  | ~,zero sugar,lime | 330ml can,500ml,1.25L | pcs | 2-8 | 24
Red Bull,Monster,Lipton,Nestea,Evian,Perrier | energy drink,iced tea,mineral water,sparkling water
  | ~,sugar free,peach,lemon | 250ml,330ml,500ml | pcs | 3-12 | 24
Heineken,Budweiser,Carlsberg,Corona,Tsingtao,Asahi | lager,beer,pilsner | ~,light,extra
  | 330ml,500ml,6 x 330ml | pcs | 4-60 | 24

= SN | 零食 Snacks | 14 | 60-270 | 2,4 | festive | grocery | 1.1
乐事,可比克,上好佳,好丽友,旺旺,卫龙,盼盼,三只松鼠 | 薯片,虾条,锅巴,雪饼,辣条,薯条
  | 原味,黄瓜味,番茄味,烧烤味,香辣味,青柠味,麻辣味 | 40g,70g,104g,150g | 袋 | 2-12 | 10
三只松鼠,良品铺子,百草味,洽洽,来伊份 | 瓜子,开心果,夏威夷果,碧根果,每日坚果,花生
  | 原味,焦糖味,山核桃味,五香 | 100g,160g,250g,500g | 袋 | 5-60 | 5
奥利奥,好丽友,达利园,徐福记,康师傅,嘉士利 | 饼干,蛋黄派,夹心饼干,沙琪玛,威化
  | 原味,巧克力味,草莓味,抹茶味 | 6枚,12枚,200g,388g | 盒 | 3-25 | 6
德芙,大白兔,阿尔卑斯,徐福记,金丝猴 | 巧克力,奶糖,硬糖,软糖,酥心糖 | 原味,牛奶味,榛子味,水果味
  | 43g,100g,250g,500g | 包 | 3-40 | 6
Lay's,Pringles,Doritos,Cheetos,Kettle | potato chips,tortilla chips,crisps,puffs
  | original,sour cream,BBQ,cheese,sea salt | 45g,100g,150g,200g | pcs | 3-20 | 12
KitKat,Snickers,M&M's,Toblerone,Ferrero,Cadbury | chocolate bar,chocolate,pralines,wafer
  | ~,milk,dark,hazelnut | 45g,100g,200g,16 pcs | pcs | 4-80 | 12
Oreo,Haribo,Ritz,Tic Tac,Mentos | cookies,crackers,gummies,mints
  | original,strawberry,fruit mix,mint | 28g,100g,150g,300g | pcs | 3-25 | 12

= DA | 乳制品 Dairy | 7 | 7-30 | 3,4 | dairy | grocery | 1.2
伊利,蒙牛,光明,君乐宝,三元,新希望 | 鲜牛奶,酸奶,老酸奶,风味发酵乳
  | 原味,低脂,草莓味,黄桃味,无蔗糖 | 200ml,250ml,450ml,950ml | 盒 | 2.5-15 | 6
伊利,蒙牛,特仑苏,金典,安慕希,纯甄,QQ星 | 纯牛奶,高钙奶,儿童奶,早餐奶 | ~,有机,低脂
  | 250ml×12,250ml×16,200ml×24 | 箱 | 35-90 | 1 | 120-180
Anchor,Arla,Devondale,President,Oldenburger | UHT milk | full cream,skimmed,low fat
  | 200ml,250ml,1L | pcs | 5-25 | 12 | 90-180
Anchor,Arla,Lurpak,President,Kerrygold | butter,cheese slices,cream cheese,mozzarella
  | ~,salted,unsalted,light | 100g,200g,250g | pcs | 12-60 | 6 | 30-120
Yoplait,Danone,Chobani,Activia | yogurt,greek yogurt,drinking yogurt
  | plain,strawberry,vanilla,blueberry | 100g,150g,500g | pcs | 4-25 | 6 | 14-30

= CO | 调味品 Condiments | 9 | 180-365 | 2,0,4 | kitchen | grocery | 0.8
海天,李锦记,厨邦,千禾,老干妈,太太乐,加加,恒顺,王守义
  | 生抽,老抽,蚝油,香醋,陈醋,料酒,鸡精,辣椒酱,豆瓣酱,十三香 | ~,特级,零添加,精选
  | 180g,500ml,750ml,1.28L,1.9L | 瓶 | 3-35 | 12
中盐,雪天,太古,舒可曼 | 食用盐,白砂糖,冰糖,红糖,绵白糖 | ~,加碘,未加碘 | 350g,400g,1kg
  | 袋 | 2-12 | 20
Lee Kum Kee,Kikkoman,Heinz,Maggi,Tabasco,McCormick,Hellmann's
  | soy sauce,oyster sauce,ketchup,mayonnaise,chili sauce,black pepper
  | ~,light,reduced salt | 150ml,250ml,500ml | pcs | 5-40 | 12

= HH | 日用品 Household | 11 | - | 7,4 | home | grocery | 0.9
清风,维达,心相印,洁柔,得宝 | 抽纸,卷纸,湿巾,手帕纸,厨房纸 | ~,3层,4层,无香
  | 10包,12卷,3包,80抽,18卷 | 提 | 5-45 | 6
高露洁,佳洁士,云南白药,黑人,舒适达 | 牙膏,牙刷,漱口水 | 美白,清新,防蛀,抗敏感
  | 90g,120g,180g,2支装 | 支 | 4-35 | 12
海飞丝,飘柔,潘婷,舒肤佳,六神,力士 | 洗发水,沐浴露,香皂,护发素 | ~,去屑,清爽,滋润
  | 115g,200ml,400ml,750ml | 瓶 | 5-60 | 6
Colgate,Oral-B,Gillette,Dove,Nivea,Kleenex
  | toothpaste,toothbrush,razor blades,body wash,shampoo,tissues
  | ~,sensitive,fresh,classic | 1 pack,3 pack,250ml,400ml | pcs | 6-80 | 6
~ | 一次性纸杯,保鲜膜,保鲜袋,垃圾袋,衣架,晾衣夹,牙签,蜡烛 | ~,加厚,大号,中号
  | 20个,50只,100只,30m | 包 | 2-20 | 10

= HW | 五金工具 Hardware tools | 12 | - | 5 | build | trade | 0.5
世达,史丹利,长城精工,得力工具,宝工,钢盾,捷科
  | 羊角锤,螺丝刀,扳手,钳子,卷尺,美工刀,内六角扳手,套筒 | ~,加长,绝缘,十字,一字
  | 6寸,8寸,10寸,3m,5m,9件套 | 把 | 6-120 | 1
Stanley,Bosch,Makita,DeWalt,Black+Decker,Milwaukee,Irwin,Worx
  | claw hammer,screwdriver set,adjustable wrench,tape measure,utility knife,drill bit set,
    hex key set,pliers | ~,pro,compact | 16oz,8in,10in,5m,6mm,10pc | pcs | 15-450 | 1
~ | 自攻螺丝,膨胀螺丝,六角螺栓,平垫片,弹簧垫片,木螺丝,拉铆钉 | 镀锌,不锈钢,304,发黑
  | M4,M5,M6,M8,M10 | 盒 | 3-40 | 5
~ | 铁钉,水泥钉,铁丝,镀锌钢丝 | 散装 | 1寸,2寸,3寸,4寸 | kg | 6-15 | 10000
3M,得力,永大,Tesa | 胶带,电工胶布,生料带,玻璃胶,AB胶,双面胶 | 透明,黑色,白色
  | 10m,20m,50g,300ml | 卷 | 2-30 | 10

= EL | 电工电料 Electrical | 10 | - | 6,5 | electric | trade | 0.6
公牛,正泰,德力西,西门子,施耐德,飞雕 | 插座,插线板,开关,空气开关,漏电保护器
  | 一开,二开,五孔,16A,带USB | ~,86型,1.8m,3m,5m | 个 | 8-120 | 5
Philips,Osram,OPPLE,NVC,Panasonic,Xiaomi | LED bulb,LED tube,downlight,panel light,night light
  | warm white,cool white,daylight | 5W,9W,12W,18W,24W | pcs | 5-80 | 10
欧普,雷士,飞利浦,佛山照明 | LED灯泡,LED灯管,吸顶灯,筒灯 | 暖光,白光,三色
  | 5W,9W,15W,24W,36W | 个 | 6-150 | 10
远东,熊猫,起帆,正泰 | 电线,护套线,网线 | BV,BVR,RVV | 1.5平方,2.5平方,4平方,6平方 | m
  | 1.5-12 | 100000
南孚,双鹿,超霸 | 电池 | 碱性,碳性,充电 | 7号,5号,1号,9V | 节 | 0.8-8 | 20
Duracell,Energizer,Panasonic,Varta | batteries | alkaline,rechargeable,lithium
  | CR2032,AAA 4-pack,AA 4-pack,9V | pcs | 8-60 | 10

= CL | 清洁用品 Cleaning | 8 | - | 7,4 | home | grocery | 0.8
蓝月亮,立白,奥妙,超能,汰渍,雕牌 | 洗衣液,洗衣粉,洗洁精,消毒液,洁厕灵,衣物柔顺剂
  | ~,薰衣草,柠檬,除菌 | 500ml,500g,1kg,2kg,3kg | 瓶 | 5-60 | 6
威猛先生,滴露,妙洁,家安 | 厨房清洁剂,玻璃清洁剂,油污净,除霉剂,消毒湿巾 | ~,柠檬香,强力
  | 80片,500ml,600g | 瓶 | 8-40 | 6
~ | 拖把,扫把,簸箕,百洁布,钢丝球,橡胶手套,抹布,垃圾桶 | 大号,中号,加厚,旋转
  | ~,1个,5片装,3双装 | 个 | 2-60 | 5
Dettol,Domestos,Cif,Mr Muscle,Ariel,Persil,Finish,Harpic
  | disinfectant,bleach,cream cleaner,glass cleaner,laundry detergent,dishwasher tablets
  | ~,lemon,original,fresh | 500ml,750ml,1L,2L | pcs | 10-90 | 6

= ST | 文具 Stationery | 7 | - | 8,4 | school | trade | 0.7
晨光,得力,齐心,真彩,广博,白雪 | 中性笔,圆珠笔,铅笔,笔记本,便利贴,订书机,胶棒,文件夹,修正带
  | 黑色,蓝色,红色,A5,B5,0.5mm | 1支,1本,1盒,5本,12支 | 盒 | 1-30 | 10
Pilot,Uni,Pentel,Zebra | gel pen,ballpoint pen,mechanical pencil,fineliner
  | black,blue,red,green | 0.38mm,0.5mm,0.7mm | pcs | 3-30 | 10
Staedtler,Faber-Castell,Sharpie,Stabilo | pencil,marker,highlighter,eraser,colour pencils
  | ~,black,assorted | 1 pc,4 pack,12 pack,24 pack | pcs | 2-90 | 10
Moleskine,Post-it,Oxford,Leuchtturm | notebook,sticky notes,index cards,planner
  | ~,ruled,squared,dotted | A6,A5,3x3in | pcs | 5-160 | 5
~ | A4复印纸,信封,计算器,剪刀,透明胶,回形针,橡皮 | ~,70g,80g | 1个,1盒,10个,500张 | 包
  | 2-35 | 5
"""


def _span(text: str) -> tuple[int, int] | None:
    if text == "-":
        return None
    a, b = text.split("-")
    return int(a), int(b)


def _parse_words(text: str) -> tuple[_Category, ...]:
    records: list[str] = []
    for line in text.strip().splitlines():
        if line[:1].isspace():
            records[-1] += " " + line.strip()
        elif line.strip():
            records.append(line.strip())
    cats: list[_Category] = []
    for rec in records:
        f = [x.strip() for x in rec.lstrip("= ").split("|")]
        if rec.startswith("="):
            code, label, share, life, sups, season, week, pace = f
            cats.append(
                _Category(
                    code,
                    label,
                    int(share),
                    tuple(int(x) for x in sups.split(",")),
                    season,
                    week == "trade",
                    float(pace),  # float ok: the demo's random demand model, not money
                    (),
                )
            )
            life_of_cat = _span(life)
            continue
        lo, hi = (float(x) for x in f[5].split("-"))  # float ok: price model, rounded to 1e-4
        fam = _Family(
            parts=tuple(tuple(w.strip() for w in f[k].split(",")) for k in range(4)),
            unit=f[4],
            cost=(lo, hi),
            pack=int(f[6]),
            life=_span(f[7]) if len(f) > 7 else life_of_cat,
            english=f[1].isascii(),
        )
        cats[-1] = replace(cats[-1], families=(*cats[-1].families, fam))
    return tuple(cats)


_CATEGORIES = _parse_words(_WORDS)


# -- calendar ---------------------------------------------------------------------------------

_CNY = {  # Spring Festival (month, day)
    2018: (2, 16),
    2019: (2, 5),
    2020: (1, 25),
    2021: (2, 12),
    2022: (2, 1),
    2023: (1, 22),
    2024: (2, 10),
    2025: (1, 29),
    2026: (2, 17),
    2027: (2, 6),
    2028: (1, 26),
    2029: (2, 13),
    2030: (2, 3),
    2031: (1, 23),
    2032: (2, 11),
    2033: (1, 31),
    2034: (2, 19),
    2035: (2, 8),
}
_WEEK_GROCERY = (0.92, 0.9, 0.93, 0.95, 1.05, 1.2, 1.15)
_WEEK_TRADE = (1.1, 1.08, 1.05, 1.05, 1.02, 0.95, 0.75)


def _cny(year: int) -> dt.date:
    return dt.date(year, *_CNY.get(year, (2, 5)))


def _season(profile: str, day: dt.date) -> float:
    """Relative demand on ``day`` for a category's profile (before normalising)."""
    doy = day.timetuple().tm_yday
    c = _cny(day.year)
    if day > c + dt.timedelta(days=20):
        c = _cny(day.year + 1)
    to = (c - day).days
    pre = (1 - (to - 1) / 21) if 1 <= to <= 21 else 0.0  # new-year shopping ramps up
    holiday = 1.0 if -5 <= to <= 0 else 0.0  # the holiday itself is quiet

    def wave(peak: int, period: float = 365.25) -> float:
        return math.cos(2 * math.pi * (doy - peak) / period)

    if profile == "summer":
        return 1 + 0.45 * wave(200) + 0.5 * pre - 0.3 * holiday
    if profile == "festive":
        return 1 + 0.1 * wave(15) + 1.3 * pre - 0.4 * holiday
    if profile == "dairy":
        return 1 + 0.08 * wave(15) + 0.8 * pre - 0.3 * holiday
    if profile == "kitchen":
        return 1 + 0.05 * wave(15) + 0.6 * pre - 0.3 * holiday
    if profile == "home":  # the big clean before the new year
        return 1 + 0.05 * wave(100) + 0.5 * pre - 0.3 * holiday
    if profile == "build":  # spring and autumn works; trades stop over the festival
        return max(0.1, 1 + 0.2 * wave(110, 182.6) - (0.6 if -12 <= to <= 3 else 0))
    if profile == "electric":
        return 1 + 0.15 * wave(10) + 0.3 * pre - 0.5 * holiday
    # school: back to school in September and after the winter break
    term = math.exp(-(((doy - 240) / 10) ** 2)) + 0.6 * math.exp(-(((doy - 56) / 10) ** 2))
    return 1 + term - 0.5 * holiday


# -- catalogue --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Spec:
    """What the simulation knows about an item beyond its ``ItemFields``."""

    cat: int
    life: int  # 0: not perishable
    rate: float  # sale events per day, on average
    qtys: tuple[int, ...]  # milli-units per sale, drawn uniformly
    unit: int  # 1000, or less for goods sold by weight or length
    rop: int
    order: int
    cost: int  # ten-thousandths of a yuan
    supplier: int
    lead: int
    stop: int  # day from which it no longer sells (dead stock), else days
    back: bool  # received into the back store, moved to Main by transfers


def _catalogue(rng: random.Random, skus: int, days: int) -> tuple[list[ItemFields], list[_Spec]]:
    """``skus`` items spread over the categories by share, with their simulation specs."""
    weights = [c.share for c in _CATEGORIES]
    total = sum(weights)
    counts = [skus * w // total for w in weights]
    by_remainder = sorted(range(len(counts)), key=lambda k: -(skus * weights[k] % total))
    for k in by_remainder[: skus - sum(counts)]:
        counts[k] += 1
    used_names: set[str] = set()
    barcodes = _Barcodes(rng)
    items: list[ItemFields] = []
    specs: list[_Spec] = []
    # sale rates: a long tail of slow movers, scaled so that the shop's volume is steady
    paces = [c.pace for c, n in zip(_CATEGORIES, counts, strict=True) for _ in range(n)]
    raw = [p * math.exp(rng.gauss(0, 1.15)) for p in paces]
    scale = _MEAN_RATE * skus / sum(raw)
    rates = iter([min(8.0, max(0.01, r * scale)) for r in raw])
    for ci, (cat, n) in enumerate(zip(_CATEGORIES, counts, strict=True)):
        names = _names(rng, cat.families, n, used_names)
        for number, (name, spec_at, fam) in enumerate(names, 1):
            sku = f"{cat.code}-{number:04d}"
            item, spec = _item(rng, cat, ci, fam, sku, name, spec_at, next(rates), days, barcodes)
            items.append(item)
            specs.append(spec)
    # dead stock: a few non-perishable items stop selling 100+ days before today (with the
    # slowest movers that happen not to sell for as long, ~4 % of the items)
    pool = [k for k, s in enumerate(specs) if not s.life and not s.back]
    for k in rng.sample(pool, min(len(pool), round(skus * rng.uniform(0.015, 0.025)))):
        specs[k].stop = max(0, days - 105 - rng.randrange(max(1, days // 2)))
    return items, specs


def _names(
    rng: random.Random, fams: tuple[_Family, ...], n: int, used: set[str]
) -> list[tuple[str, float, _Family]]:
    """``n`` distinct names from a category's families. Big families get more items, but
    not in proportion, so that small ones (goods sold by weight or length) show up too."""
    weights = [math.sqrt(f.size) * (3 if f.unit in ("kg", "m") else 1) for f in fams]
    counts = Counter(rng.choices(range(len(fams)), weights, k=n))
    out: list[tuple[str, float, _Family]] = []
    goal = 0
    for k, fam in enumerate(fams):
        goal += counts[k]  # a family short of names leaves its share to the next
        for index in rng.sample(range(fam.size), min(fam.size, counts[k] + 3)):
            name, spec_at = fam.name(index)
            if len(out) < goal and name not in used:
                used.add(name)
                out.append((name, spec_at, fam))
    if len(out) < n:
        spare = [(f, i) for f in fams for i in range(f.size) if f.name(i)[0] not in used]
        for fam, index in rng.sample(spare, min(len(spare), n - len(out))):
            name, spec_at = fam.name(index)
            used.add(name)
            out.append((name, spec_at, fam))
    while len(out) < n:  # more items asked for than the word lists can name
        fam = fams[len(out) % len(fams)]
        name, spec_at = fam.name(rng.randrange(fam.size))
        out.append((f"{name} #{len(out) + 1}", spec_at, fam))
    rng.shuffle(out)
    return out


class _Barcodes:
    """Unique EAN-13 codes; one company prefix per brand (690-695 for Chinese brands)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.prefixes: dict[str, str] = {}
        self.used: set[str] = set()

    def new(self, name: str) -> str:
        rng, brand = self.rng, name.split(" ")[0]
        if brand not in self.prefixes:
            head = rng.choice(("00", "40", "50", "76", "80", "87", "88", "93"))
            if not brand.isascii():
                head = f"69{rng.randrange(6)}"
            self.prefixes[brand] = head + "".join(
                str(rng.randrange(10)) for _ in range(7 - len(head))
            )
        code = ""
        while not code or code in self.used:
            code = ean13(self.prefixes[brand] + f"{rng.randrange(100_000):05d}")
        self.used.add(code)
        return code


def ean13(body: str) -> str:
    """``body`` (12 digits) with its EAN-13 check digit appended."""
    s = sum(int(c) * (3 if k % 2 else 1) for k, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


def _item(
    rng: random.Random, cat: _Category, ci: int, fam: _Family, sku: str, name: str,
    spec_at: float, rate: float, days: int, barcodes: _Barcodes,
) -> tuple[ItemFields, _Spec]:  # fmt: skip
    """An item and how it behaves: ``rate`` sales a day, each of one of 16 quantities."""
    unit = {"kg": 50, "m": 500}.get(fam.unit, 1000)  # smallest step sold, milli-units
    life = rng.randint(*fam.life) if fam.life else 0
    if unit == 1000:
        mean, rnd = rng.expovariate(1.2), rng.random  # extra pieces per sale
        qtys = tuple(1000 * (1 + int(-math.log(1.0 - rnd()) * mean)) for _ in range(16))
    else:
        mean = rng.uniform(0.5, 3.0) * (1000 if unit == 50 else 5000)  # 0.5-3 kg, 2.5-15 m
        qtys = tuple(max(unit, round(rng.gauss(mean, mean / 2) / unit) * unit) for _ in range(16))
    daily = rate * sum(qtys) / len(qtys)  # milli-units a day
    sup = rng.choice(cat.suppliers)
    usual = _SUPPLIERS[sup][1]
    lead = min(21, max(2, usual + rng.randint(-1, usual // 2 + 1) + (5 if fam.english else 0)))
    safety = 1000 * math.ceil(1.3 * math.sqrt(lead) * daily / 1000) if rng.random() < 0.4 else 0
    rop = 1000 * max(1, math.ceil((daily * lead * 1.1 + safety) / 1000))
    pack = fam.pack * (1000 if unit == 1000 else 1)
    want = daily * rng.uniform(14, 45) * (2 if rate < 0.05 else 1)
    if life:
        want = min(want, daily * life * 0.6)
        if pack > daily * life * 0.8:
            pack = 1000  # a slow perishable is bought by the piece
    lo, hi = fam.cost
    cost = (lo + (hi - lo) * (spec_at + rng.random() / len(fam.parts[3]))) * rng.uniform(0.8, 1.2)
    spec = _Spec(
        cat=ci,
        life=life,
        rate=rate,
        qtys=qtys,
        unit=unit,
        rop=rop,
        order=max(pack, math.ceil(want / pack) * pack),
        cost=max(1000, round(cost * 10000)),
        supplier=sup,
        lead=lead,
        stop=days,
        back=rng.random() < (0.06 if cat.code in ("GR", "DR", "HW", "CL") else 0.01),
    )
    item = ItemFields(
        sku=sku,
        name=name,
        barcode=barcodes.new(name) if unit == 1000 and rng.random() < 0.95 else None,
        category=cat.label,
        unit=fam.unit,
        supplier=_SUPPLIERS[sup][0],
        reorder_point=Decimal(rop).scaleb(-3),
        safety_stock=Decimal(safety).scaleb(-3) if safety else None,
        lead_time_days=lead,
        shelf_life_days=life or None,
        removal=Removal.FEFO if life else Removal.FIFO,
    )
    return item, spec


# -- history ----------------------------------------------------------------------------------
# A batch is a list [expiry day, received day, id, qty, code]; an item's batches at a location
# are kept sorted, which is the ledger's policy order: FEFO (expiry, received, id) and, with
# the never-expiring _BIG expiry, FIFO (received, id). Batches moved by a transfer keep their
# received day and expiry and get a new id, as in the ledger.

_BIG = 1 << 40
_SHELF = 5  # a transfer fills Main to this many times its low mark (~4 weeks of sales)
_ISSUE, _RECEIPT, _WRITEOFF, _ADJUST, _TRANSFER = (
    MovementType.ISSUE,
    MovementType.RECEIPT,
    MovementType.WRITEOFF,
    MovementType.ADJUST,
    MovementType.TRANSFER,
)
_EXPIRED = WriteoffReason.EXPIRED.value
_LOSS_REASONS = (
    ("damaged", "包装破损 torn packaging"),
    ("damaged", "运输损坏 broken in delivery"),
    ("damaged", ""),
    ("damaged", ""),
    ("lost", "盘点短少 missing"),
    ("sample", "试吃 tasting sample"),
    ("other", ""),
)


class _Dec(dict):
    """The Decimal of a count of milli-units, made once."""

    def __missing__(self, milli: int) -> Decimal:
        d = self[milli] = Decimal(milli).scaleb(-3)
        return d


def _usable(lots: list[list], d: int) -> int:
    return sum(lot[3] for lot in lots if lot[0] >= d)


def _take(lots: list[list], qty: int, d: int) -> list[list]:
    """Draw ``qty`` from the batches not expired on day ``d``, in policy order; returns
    the pieces taken."""
    taken = []
    k = 0
    while qty:
        lot = lots[k]
        if lot[0] < d:
            k += 1
        elif lot[3] <= qty:
            qty -= lot[3]
            taken.append(lots.pop(k))
        else:
            lot[3] -= qty
            taken.append([lot[0], lot[1], lot[2], qty, lot[4]])
            qty = 0
    return taken


def _poisson(rng: random.Random, lam: float) -> int:
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


_Entries = Iterator[tuple[dt.date, Line]]


@dataclass(slots=True, eq=False)
class _Stock:
    """One item in the simulation: its batches and counters (quantities in milli-units).

    Everything the daily sales touch sits in this one object, so that a sale reads a few
    neighbouring words rather than a dozen lists (it matters at 10,000 items).
    """

    i: int
    sku: str
    spec: _Spec
    rop: int
    stop: int  # first day without sales
    qtys: tuple[int, ...]
    isback: bool
    low: int  # below this at Main, the back store sends more
    cost: int
    main: list[list] = field(default_factory=list)  # batches at Main, in policy order
    back: list[list] = field(default_factory=list)  # batches in the back store
    mtot: int = 0  # at Main, expired batches included (until the weekly check finds them)
    btot: int = 0
    on_order: int = 0
    cost_dec: Decimal = Decimal(0)
    flagged: bool = False
    when: float = 0.0  # demand-time of the next sale
    inv: float = 0.0  # 1 / sales a day
    clock: list[float] = field(default_factory=list)
    issued: dict[int, Line] = field(default_factory=dict)  # issue lines are immutable: reused


class _Shop:
    """The simulated shop, day by day, under the ledger's picking rules."""

    def __init__(self, skus: list[str], specs: list[_Spec], *, days: int, today: dt.date,
                 seed: int) -> None:  # fmt: skip
        self.days = days
        self.rng = random.Random(f"demo-history-{seed}")
        start = today - dt.timedelta(days=days - 1)
        self.dates = [start + dt.timedelta(days=k) for k in range(days + 400)]
        self.stamps = [f"{x:%Y%m%d}" for x in self.dates[:days]]
        self.dec = _Dec()
        self.items = [
            _Stock(
                i=i,
                sku=sku,
                spec=sp,
                rop=sp.rop,
                stop=min(days, sp.stop),
                qtys=sp.qtys,
                isback=sp.back,
                low=max(1000, round(sp.rate * sum(sp.qtys) / 3, -3)),  # ~5 days
                cost=sp.cost,
            )
            for i, (sku, sp) in enumerate(zip(skus, specs, strict=True))
        ]
        self.perishable = [st for st in self.items if st.spec.life]
        self.arrivals: list[list[tuple[int, int, int]]] = [[] for _ in range(days)]
        self.pending: list[_Stock] = []  # back-store items to bring forward to Main
        self.ids = itertools.count(1)
        self.check_day = self.rng.randrange(7)
        self.last_check = days - self.rng.randint(9, 13)  # behind lately: expired stock shows

    def run(self) -> _Entries:
        """The lines, day by day; a day's lines are made together, then handed out."""
        out: list[Line] = []
        self.opening(out)
        yield from zip(itertools.repeat(self.dates[0]), out)
        self.start_sales()
        rng, n = self.rng, len(self.items)
        for d in range(self.days):
            out = []
            self.deliveries(d, out)
            self.transfers(d, out)
            if 0 < d <= self.last_check and self.dates[d].weekday() == self.check_day:
                self.expiry_check(d, out)
            self.sales(d, out)
            self.losses(d, out, _poisson(rng, n * 0.0012))
            self.corrections(d, out, _poisson(rng, n * 0.0005))
            yield from zip(itertools.repeat(self.dates[d]), out)

    # -- stock in ------------------------------------------------------------------------------

    def receive(
        self, st: _Stock, d: int, qty: int, ref: str, *, fresh: float = 0.0, to_back: bool = False
    ) -> Line:
        """A delivery of ``qty``; perishables get a batch code and an expiry ``fresh`` of
        their shelf life away (0: drawn, now and then short-dated)."""
        sp, rng = st.spec, self.rng
        if not d or rng.random() < 0.3:  # the supplier's price moves now and then, mostly up
            c = st.cost * (0.97 + 0.064 * rng.random())
            c = min(1.4 * sp.cost, max(0.75 * sp.cost, c))
            st.cost = round(c, -2) if c >= 10000 else round(c)  # cents; 4 dp when cheap
            st.cost_dec = Decimal(st.cost).scaleb(-4)
        lot_id = next(self.ids)
        if sp.life:
            short = rng.random() < 0.04  # now and then a short-dated delivery
            fresh = fresh or (rng.uniform(0.2, 0.4) if short else rng.uniform(0.7, 1.0))
            exp = d + max(1, round(sp.life * fresh))
            code = f"L{self.stamps[d][2:]}{lot_id:05d}"
        else:
            exp, code = _BIG, None
        bisect.insort(st.back if to_back else st.main, [exp, d, lot_id, qty, code])
        if to_back:
            st.btot += qty
        else:
            st.mtot += qty
        return Line(
            type=_RECEIPT,
            sku=st.sku,
            qty=self.dec[qty],
            unit_cost=st.cost_dec,
            batch=code,
            expiry=self.dates[exp] if code else None,
            location=BACK_STORE if to_back else None,
            reference=ref,
        )

    def opening(self, out: list[Line]) -> None:
        uniform = self.rng.uniform
        for st in self.items:
            sp = st.spec
            qty = 1000 * max(1, round((sp.rop + sp.order * uniform(0.3, 1.0)) / 1000))
            if st.isback:
                front = min(qty, st.low * _SHELF)
                out.append(self.receive(st, 0, front, "OPENING"))
                if qty > front:
                    out.append(self.receive(st, 0, qty - front, "OPENING", to_back=True))
            elif sp.life and qty >= 2000:
                older = 1000 * max(1, round(qty * uniform(0.2, 0.5) / 1000))
                out.append(self.receive(st, 0, older, "OPENING", fresh=uniform(0.15, 0.5)))
                out.append(self.receive(st, 0, qty - older, "OPENING"))
            else:
                out.append(self.receive(st, 0, qty, "OPENING"))

    def reorder(self, st: _Stock, d: int) -> None:
        """One order at a time, when the stock on hand falls to the reorder point."""
        if not st.on_order and st.mtot + st.btot <= st.rop:
            sp = st.spec
            st.on_order = sp.order
            arrive = d + max(1, sp.lead + self.rng.choice((-1, 0, 0, 0, 1, 2)))
            if arrive < self.days:  # else still on its way at the end
                self.arrivals[arrive].append((sp.supplier, d, st.i))

    def deliveries(self, d: int, out: list[Line]) -> None:
        ref, po = "", None
        for sup, ordered, i in sorted(self.arrivals[d]):  # grouped by purchase order
            st = self.items[i]
            qty, st.on_order = st.on_order, 0
            if po != (sup, ordered):
                po, ref = (sup, ordered), f"PO-{self.stamps[ordered]}-{sup + 1:02d}"
            out.append(self.receive(st, d, qty, ref, to_back=st.isback))
            self.reorder(st, d)
            self.flag_low(st)
        self.arrivals[d] = []

    # -- moves and losses ----------------------------------------------------------------------

    def flag_low(self, st: _Stock) -> None:
        if st.isback and not st.flagged and st.mtot < st.low:
            st.flagged = True
            self.pending.append(st)

    def transfers(self, d: int, out: list[Line]) -> None:
        """The back store fills the shelves in the morning."""
        ref = f"TR-{self.stamps[d]}"
        for st in self.pending:
            st.flagged = False
            qty = min(_usable(st.back, d), max(st.low * _SHELF - _usable(st.main, d), 0))
            if qty > 0:
                for lot in _take(st.back, qty, d):
                    lot[2] = next(self.ids)  # a new batch at Main: same dates, new id
                    bisect.insort(st.main, lot)
                st.btot -= qty
                st.mtot += qty
                out.append(Line(type=_TRANSFER, sku=st.sku, qty=self.dec[qty], location=BACK_STORE,
                                to_location=DEFAULT_LOCATION, reference=ref))  # fmt: skip
        self.pending.clear()

    def expiry_check(self, d: int, out: list[Line]) -> None:
        """The weekly look for expired batches; now and then one is missed until next week."""
        ref = f"WO-{self.stamps[d]}"
        for st in self.perishable:
            if st.main and st.main[0][0] < d:
                self.remove_expired(st, d, DEFAULT_LOCATION, ref, out)
            if st.back and st.back[0][0] < d:
                self.remove_expired(st, d, BACK_STORE, ref, out)

    def remove_expired(self, st: _Stock, d: int, loc: str, ref: str, out: list[Line]) -> None:
        lots = st.main if loc == DEFAULT_LOCATION else st.back
        gone: dict[str, int] = {}
        for lot in lots:
            if lot[0] < d:
                gone[lot[4]] = gone.get(lot[4], 0) + lot[3]
        for code, qty in gone.items():
            if self.rng.random() < 0.1:
                continue
            lots[:] = [lot for lot in lots if lot[4] != code]
            if loc == DEFAULT_LOCATION:
                st.mtot -= qty
            else:
                st.btot -= qty
            out.append(Line(type=_WRITEOFF, sku=st.sku, qty=self.dec[qty], batch=code, location=loc,
                            reason=_EXPIRED, override_reason="expired stock removed",
                            reference=ref))  # fmt: skip
        self.reorder(st, d)
        self.flag_low(st)

    def losses(self, d: int, out: list[Line], count: int) -> None:
        """Breakage, theft and tasting samples at Main."""
        rng, ref = self.rng, f"WO-{self.stamps[d]}"
        for _ in range(count):
            st = rng.choice(self.items)
            u = _usable(st.main, d)
            if d >= st.stop or not u:
                continue
            qty = min(u, 1000 if st.spec.unit == 1000 else st.qtys[0])
            _take(st.main, qty, d)
            st.mtot -= qty
            reason, note = rng.choice(_LOSS_REASONS)
            out.append(Line(type=_WRITEOFF, sku=st.sku, qty=self.dec[qty],
                            location=DEFAULT_LOCATION, reason=reason, note=note,
                            reference=ref))  # fmt: skip
            self.reorder(st, d)
            self.flag_low(st)

    def corrections(self, d: int, out: list[Line], count: int) -> None:
        """Count corrections at Main: a few pieces short, or found."""
        rng, ref = self.rng, f"ADJ-{self.stamps[d]}"
        for _ in range(count):
            st = rng.choice(self.items)
            sp = st.spec
            if d >= st.stop:
                continue
            qty = 1000 if sp.unit == 1000 else st.qtys[-1]
            if rng.random() < 0.55:
                qty = min(qty, _usable(st.main, d))
                if not qty:
                    continue
                _take(st.main, qty, d)
                st.mtot -= qty
                why = rng.choice(("count correction", "data error"))
                out.append(Line(type=_ADJUST, sku=st.sku, qty=-self.dec[qty],
                                location=DEFAULT_LOCATION, reason=why, reference=ref))  # fmt: skip
            else:
                lot_id = next(self.ids)
                exp, code = _BIG, None
                if sp.life:
                    exp, code = d + sp.life, f"A{self.stamps[d][2:]}{lot_id:05d}"
                bisect.insort(st.main, [exp, d, lot_id, qty, code])
                st.mtot += qty
                out.append(Line(type=_ADJUST, sku=st.sku, qty=self.dec[qty],
                                unit_cost=st.cost_dec, batch=code,
                                expiry=self.dates[exp] if code else None,
                                location=DEFAULT_LOCATION, reason="found stock",
                                reference=ref))  # fmt: skip
            self.reorder(st, d)
            self.flag_low(st)

    # -- sales ---------------------------------------------------------------------------------

    def start_sales(self) -> None:
        """Each item sells as a Poisson process whose clock runs faster in its category's
        high season and on busy weekdays: ``clock[d]`` is the category's cumulative demand
        (in average days) at the end of day ``d``, so a sale at demand-time ``s`` falls on
        the first day whose clock passes ``s``."""
        clocks = []
        for cat in _CATEGORIES:
            week = _WEEK_TRADE if cat.trade else _WEEK_GROCERY
            f = [_season(cat.season, x) * week[x.weekday()] for x in self.dates[: self.days]]
            mean = sum(f) / len(f)
            clocks.append(list(itertools.accumulate(x / mean for x in f)))
        self.sched: list[list[_Stock]] = [[] for _ in range(self.days)]
        for st in self.items:
            st.clock, st.inv = clocks[st.spec.cat], 1 / st.spec.rate
            st.when = -math.log(1.0 - self.rng.random()) * st.inv
            day = bisect.bisect_right(st.clock, st.when)
            if day < st.stop:
                self.sched[day].append(st)

    def sales(self, d: int, out: list[Line]) -> None:
        """The day's sales at Main, one line per sale (the hot loop: kept flat)."""
        sched, dec, rnd, log = self.sched, self.dec, self.rng.random, math.log
        bisect_right, append = bisect.bisect_right, out.append
        for st in sched[d]:  # grows while read when an item sells again the same day
            t = st.when = st.when - log(1.0 - rnd()) * st.inv
            nd = bisect_right(st.clock, t)
            if nd < st.stop:
                sched[nd].append(st)
            lots = st.main
            q = st.qtys[int(rnd() * 16)]
            if lots and lots[0][0] >= d and lots[0][3] > q:
                lots[0][3] -= q  # the usual case: the first batch has enough
            else:
                u = _usable(lots, d)
                if not u:  # sold out, or only expired stock left: the sale is lost
                    self.flag_low(st)
                    continue
                q = min(q, u)
                _take(lots, q, d)
            st.mtot -= q
            line = st.issued.get(q)
            if line is None:
                line = Line(type=_ISSUE, sku=st.sku, qty=dec[q], location=DEFAULT_LOCATION,
                            reference=SALES_REF)  # fmt: skip
                st.issued[q] = line
            append(line)
            if (st.mtot <= st.rop and not st.on_order) or st.isback:
                self.reorder(st, d)
                self.flag_low(st)
        sched[d] = []


# -- public -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DemoPlan:
    """A demo shop: what to create, then the lines to post in order.

    ``entries`` is a one-shot generator; an issue line may be the very same (immutable)
    ``Line`` object more than once.
    """

    items: list[ItemFields]
    locations: list[str]  # besides DEFAULT_LOCATION
    entries: Iterator[tuple[dt.date, Line]]  # in date order; a generator, consumed once
    shop_name: str
    estimated_lines: int = 0  # about how many entries there will be (for progress)


def generate(
    *, skus: int = 300, days: int = 365, seed: int = 1, today: dt.date | None = None
) -> DemoPlan:
    """A demo shop of ``skus`` items with ``days`` of history ending ``today`` (inclusive).

    The same arguments give the same shop. The entries are made lazily, about
    ``LINES_PER_ITEM_DAY * skus * days`` of them; opening stock is received on the first day.
    """
    if skus < 1 or days < 1:
        raise ValidationError("a demo shop needs at least one item and one day")
    today = today or dt.date.today()
    rng = random.Random(seed)
    items, specs = _catalogue(rng, skus, days)
    return DemoPlan(
        items=items,
        locations=[BACK_STORE],
        entries=_Shop([it.sku for it in items], specs, days=days, today=today, seed=seed).run(),
        shop_name=rng.choice(_SHOP_NAMES),
        estimated_lines=round(LINES_PER_ITEM_DAY * skus * days),
    )


def build_demo(
    db: Database,
    *,
    skus: int = 300,
    days: int = 365,
    seed: int = 1,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Changes:
    """Fill ``db`` (a new, empty shop) with a generated demo shop; returns what changed.
    One transaction: a cancelled or failed build leaves the shop as it was."""
    from inventory_app.services import catalog, settings, stock

    plan = generate(skus=skus, days=days, seed=seed, today=today)
    with db.transaction():  # the steps below join it
        changes = settings.set_shop_name(db, plan.shop_name)
        for name in plan.locations:
            changes |= catalog.add_location(db, name)
        changes |= catalog.add_items(db, plan.items)
        posted = stock.post_entries(
            db,
            plan.entries,
            source="demo",
            progress=progress,
            cancel=cancel,
            total=plan.estimated_lines,
        )
    return changes | posted
