"""The demo shop's word lists: suppliers, shop names, categories and product families."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from inventory_app.services.demo.language import zh_word

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

    def name(self, index: int, lang: str = "en") -> tuple[str, float]:
        """The name at ``index`` (< size), with where its spec sits among the specs (0..1);
        in Chinese (``lang="zh"``) an imported family's words are the Chinese shelf names."""
        words = []
        for p in reversed(self.parts):
            index, k = divmod(index, len(p))
            words.append(p[k])
        specs = self.parts[3]
        spec_at = specs.index(words[0]) / len(specs)
        if lang == "zh" and self.english:
            words = [zh_word(w) for w in words]
        text = " ".join(w for w in reversed(words) if w != "~")
        return text, spec_at


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
