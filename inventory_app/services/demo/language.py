"""The demo shop in the user's language: Chinese or English words for the same shop.

The word lists carry both languages ("乳制品 Dairy"); ``pick`` keeps one. Imported goods are
named in English in the lists; in Chinese they take the names a Chinese shop shelves them
under (安佳 黄油, 喜力 拉格啤酒), word for word, so the same seed gives the same shop, line
for line, in either language: only its words differ.
"""

from __future__ import annotations

import re

from inventory_app.domain import messages

LANGUAGES = ("zh", "en")
_CJK = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")


def demo_language(lang: str | None) -> str:
    """``lang`` if given, else the message language (``zh`` or ``en``)."""
    return lang if lang in LANGUAGES else ("zh" if messages.language() == "zh" else "en")


def pick(text: str, lang: str) -> str:
    """One language of a bilingual label: "乳制品 Dairy" -> "乳制品" or "Dairy"; a label in
    one language only is kept as it is."""
    words = text.split(" ")
    zh = [w for w in words if _CJK.search(w)]
    en = [w for w in words if not _CJK.search(w)]
    if not zh or not en:
        return text
    return "".join(zh) if lang == "zh" else " ".join(en)


#: what the history writes besides names, per language
TEXTS = {
    "zh": {
        "back_store": "后仓",
        "expired_removed": "清理过期商品",
        "count_correction": "盘点更正",
        "data_error": "录入错误",
        "found_stock": "找到库存",
        "torn": "包装破损",
        "broken": "运输损坏",
        "missing": "盘点短少",
        "tasting": "试吃",
    },
    "en": {
        "back_store": "Back store",
        "expired_removed": "expired stock removed",
        "count_correction": "count correction",
        "data_error": "data error",
        "found_stock": "found stock",
        "torn": "torn packaging",
        "broken": "broken in delivery",
        "missing": "missing",
        "tasting": "tasting sample",
    },
}

#: the unit of imported goods ("pcs" in the lists), by category code, in Chinese
PIECES_ZH = {
    "GR": "瓶", "DR": "瓶", "SN": "包", "DA": "盒", "CO": "瓶",
    "HH": "件", "HW": "件", "EL": "个", "CL": "瓶", "ST": "件",
}  # fmt: skip

#: the Chinese units of the word lists, in English
UNITS_EN = {
    "桶": "jug", "袋": "bag", "瓶": "bottle", "罐": "can", "包": "pack", "盒": "box",
    "箱": "case", "提": "pack", "支": "pcs", "把": "pcs", "个": "pcs", "卷": "roll",
    "节": "pcs",
}  # fmt: skip

# Each English word of the imported families, as a Chinese shop names it. Within a family
# the words stay distinct, and none makes a name a Chinese family already has (that is why
# Tsingtao's beer is 经典啤酒 and Lee Kum Kee's oyster sauce 鲜味蚝油): names stay unique.
ZH_WORDS = {
    # brands
    "Arawana": "金龙鱼", "Bertolli": "贝尔托利", "Knife": "刀唛", "Lion": "狮球唛",
    "Borges": "伯爵", "Royal Umbrella": "皇家伞", "Golden Phoenix": "金凤凰",
    "Tilda": "蒂尔达", "SunRice": "阳光", "Coca-Cola": "可口可乐", "Pepsi": "百事",
    "Sprite": "雪碧", "Fanta": "芬达", "7UP": "七喜", "Schweppes": "怡泉",
    "Red Bull": "红牛", "Monster": "魔爪", "Lipton": "立顿", "Nestea": "雀巢",
    "Evian": "依云", "Perrier": "巴黎水", "Heineken": "喜力", "Budweiser": "百威",
    "Carlsberg": "嘉士伯", "Corona": "科罗娜", "Tsingtao": "青岛", "Asahi": "朝日",
    "Lay's": "乐事", "Pringles": "品客", "Doritos": "多力多滋", "Cheetos": "奇多",
    "Kettle": "凯特", "KitKat": "奇巧", "Snickers": "士力架", "M&M's": "M&M's",
    "Toblerone": "瑞士三角", "Ferrero": "费列罗", "Cadbury": "吉百利", "Oreo": "奥利奥",
    "Haribo": "哈瑞宝", "Ritz": "乐之", "Tic Tac": "嘀嗒", "Mentos": "曼妥思",
    "Anchor": "安佳", "Arla": "爱氏晨曦", "Devondale": "德运", "President": "总统",
    "Oldenburger": "欧德堡", "Lurpak": "银宝", "Kerrygold": "金凯利", "Yoplait": "优诺",
    "Danone": "达能", "Chobani": "乔巴尼", "Activia": "碧悠", "Lee Kum Kee": "李锦记",
    "Kikkoman": "龟甲万", "Heinz": "亨氏", "Maggi": "美极", "Tabasco": "塔巴斯科",
    "McCormick": "味好美", "Hellmann's": "好乐门", "Colgate": "高露洁", "Oral-B": "欧乐B",
    "Gillette": "吉列", "Dove": "多芬", "Nivea": "妮维雅", "Kleenex": "舒洁",
    "Stanley": "史丹利", "Bosch": "博世", "Makita": "牧田", "DeWalt": "得伟",
    "Black+Decker": "百得", "Milwaukee": "美沃奇", "Irwin": "欧文", "Worx": "威克士",
    "Philips": "飞利浦", "Osram": "欧司朗", "OPPLE": "欧普", "NVC": "雷士",
    "Panasonic": "松下", "Xiaomi": "小米", "Duracell": "金霸王", "Energizer": "劲量",
    "Varta": "瓦尔塔", "Dettol": "滴露", "Domestos": "多霸道", "Cif": "晶杰",
    "Mr Muscle": "威猛先生", "Ariel": "碧浪", "Persil": "宝莹", "Finish": "亮碟",
    "Harpic": "哈皮克", "Pilot": "百乐", "Uni": "三菱", "Pentel": "派通", "Zebra": "斑马",
    "Staedtler": "施德楼", "Faber-Castell": "辉柏嘉", "Sharpie": "锐意", "Stabilo": "思笔乐",
    "Moleskine": "魔力斯奇那", "Post-it": "报事贴", "Oxford": "牛津", "Leuchtturm": "灯塔",
    # products
    "olive oil": "橄榄油", "sunflower oil": "葵花油", "canola oil": "芥花籽油",
    "rice bran oil": "米糠油", "jasmine rice": "茉莉香米", "basmati rice": "巴斯马蒂香米",
    "brown rice": "糙米", "sushi rice": "寿司米", "cola": "可乐", "soda water": "苏打汽水",
    "lemonade": "柠檬汽水", "tonic water": "汤力水", "energy drink": "能量饮料",
    "iced tea": "冰茶", "mineral water": "天然矿泉水", "sparkling water": "气泡矿泉水",
    "lager": "拉格啤酒", "beer": "经典啤酒", "pilsner": "皮尔森啤酒",
    "potato chips": "厚切薯片", "tortilla chips": "玉米片", "crisps": "脆片",
    "puffs": "玉米棒", "chocolate bar": "巧克力棒", "chocolate": "巧克力",
    "pralines": "夹心巧克力", "wafer": "威化", "cookies": "曲奇", "crackers": "薄脆饼干",
    "gummies": "软糖", "mints": "薄荷糖", "UHT milk": "UHT纯牛奶", "butter": "黄油",
    "cheese slices": "芝士片", "cream cheese": "奶油奶酪", "mozzarella": "马苏里拉奶酪",
    "yogurt": "酸奶", "greek yogurt": "希腊酸奶", "drinking yogurt": "酸奶饮品",
    "soy sauce": "酱油", "oyster sauce": "鲜味蚝油", "ketchup": "番茄酱",
    "mayonnaise": "蛋黄酱", "chili sauce": "辣椒汁", "black pepper": "黑胡椒",
    "toothpaste": "牙膏", "toothbrush": "牙刷", "razor blades": "剃须刀片",
    "body wash": "沐浴露", "shampoo": "洗发露", "tissues": "纸巾",
    "claw hammer": "羊角锤", "screwdriver set": "螺丝刀套装", "adjustable wrench": "活动扳手",
    "tape measure": "钢卷尺", "utility knife": "美工刀", "drill bit set": "钻头套装",
    "hex key set": "内六角扳手套装", "pliers": "钢丝钳", "LED bulb": "LED灯泡",
    "LED tube": "LED灯管", "downlight": "筒灯", "panel light": "面板灯",
    "night light": "小夜灯", "batteries": "电池", "disinfectant": "消毒液",
    "bleach": "漂白水", "cream cleaner": "去污膏", "glass cleaner": "玻璃清洁液",
    "laundry detergent": "洗衣液", "dishwasher tablets": "洗碗机洗涤块",
    "gel pen": "中性笔", "ballpoint pen": "圆珠笔", "mechanical pencil": "自动铅笔",
    "fineliner": "针管笔", "pencil": "铅笔", "marker": "记号笔", "highlighter": "荧光笔",
    "eraser": "橡皮", "colour pencils": "彩色铅笔", "notebook": "笔记本",
    "sticky notes": "便利贴", "index cards": "索引卡", "planner": "计划本",
    # variants
    "extra virgin": "特级初榨", "light": "清淡", "premium": "特选", "organic": "有机",
    "zero sugar": "零度", "lime": "青柠", "sugar free": "无糖", "peach": "桃子味",
    "lemon": "柠檬味", "extra": "特酿", "original": "原味", "sour cream": "酸奶油味",
    "BBQ": "烧烤味", "cheese": "芝士味", "sea salt": "海盐味", "milk": "牛奶",
    "dark": "黑巧", "hazelnut": "榛子", "strawberry": "草莓味", "fruit mix": "什锦水果味",
    "mint": "薄荷味", "full cream": "全脂", "skimmed": "脱脂", "low fat": "低脂",
    "salted": "含盐", "unsalted": "无盐", "plain": "原味", "vanilla": "香草味",
    "blueberry": "蓝莓味", "reduced salt": "减盐", "sensitive": "敏感护理",
    "fresh": "清爽", "classic": "经典", "pro": "专业款", "compact": "迷你款",
    "warm white": "暖白光", "cool white": "冷白光", "daylight": "日光色",
    "alkaline": "碱性", "rechargeable": "充电", "lithium": "锂", "black": "黑色",
    "blue": "蓝色", "red": "红色", "green": "绿色", "assorted": "混色",
    "ruled": "横线", "squared": "方格", "dotted": "点阵",
    # specs
    "330ml can": "330ml罐装", "6 x 330ml": "330ml×6", "16 pcs": "16粒", "1 pack": "单支装",
    "3 pack": "3支装", "16oz": "16盎司", "8in": "8英寸", "10in": "10英寸", "5m": "5米",
    "6mm": "6毫米", "10pc": "10件套", "AAA 4-pack": "7号4节装", "AA 4-pack": "5号4节装",
    "1 pc": "1支", "4 pack": "4支装", "12 pack": "12支装", "24 pack": "24支装",
    "3x3in": "76×76mm",
}  # fmt: skip


def zh_word(word: str) -> str:
    """The Chinese for one word of an imported family (sizes like 500ml stay as they are)."""
    return ZH_WORDS.get(word, word)
