"""Figure patterns of docs/标注规则.md, on sentences copied from the Shenzhen corpus and constructed ones.

Each case: text -> [(figure text, value, unit, qualifier)]; the subject is tested elsewhere.
"""
from __future__ import annotations

import pytest

from core.detect.figures import find_figures


def figs(text):
    return [(f.text, f.value, f.unit, f.qualifier) for f in find_figures(text)]


CORPUS = [
    # 突破 is a qualifier like 超过
    ("固定资产投资突破200亿元。", [("突破200亿元", 20_000_000_000, "元", "突破")]),
    # shares: N成, X分之Y, a/b
    ("实现增加值占GDP 42%，税收贡献超过三成。", [("42%", 42, "%", None), ("超过三成", 3, "成", "超过")]),
    ("全国珠宝类“中国驰名商标”三分之一。", [("三分之一", 0.3333, "", None)]),
    ("审批环节由25个压缩至12个，审批时间压缩2/3。",
     [("25个", 25, "个", None), ("12个", 12, "个", None), ("2/3", 0.6667, "", None)]),
    # 千 of 千瓦 is the unit, not a magnitude
    ("新增光伏装机容量2.5万千瓦。", [("2.5万千瓦", 25_000, "千瓦", None)]),
    ("全年发电量112.2亿千瓦时。", [("112.2亿千瓦时", 11_220_000_000, "千瓦时", None)]),
    # new units
    ("PM2.5排放量均值34微克/立方米。", [("34微克/立方米", 34, "微克/立方米", None)]),
    ("西部港区集装箱吞吐量达1270万标箱。", [("1270万标箱", 12_700_000, "标箱", None)]),
    ("新建多功能智能杆474根、5G基站145个。", [("474根", 474, "根", None), ("145个", 145, "个", None)]),
    ("共放流128万尾鱼苗、640万尾虾苗。", [("128万尾", 1_280_000, "尾", None), ("640万尾", 6_400_000, "尾", None)]),
    # Latin-letter prefix: an abbreviation of capitals before an amount with a unit
    ("质量效益：人均GDP28.85万元。", [("28.85万元", 288_500, "元", None)]),
    # N万 + noun with no measure word
    ("帮扶12万贫困人口在全面小康路上。", [("12万", 120_000, "", None)]),
    # 家长 does not block 14家 + 长者饭堂
    ("建成14家长者饭堂。", [("14家", 14, "家", None)]),
    # a number opening a quoted name, and ranks, are not figures
    ("打造社区“15分钟生活圈”。", []),
    ("南山医院在三级公立医院绩效考核中跃居全国前10%。", []),
    # ranges: two figures, both with qualifier 区间, the low end takes the unit of the high end
    ("争取完成5-8家健康小屋的创建。", [("5", 5, "家", "区间"), ("8家", 8, "家", "区间")]),
]

CONSTRUCTED = [
    ("地区生产总值首次突破1000亿元。", [("突破1000亿元", 100_000_000_000, "元", "突破")]),
    ("近八成事项实现零跑动，七成以上企业受益。", [("近八成", 8, "成", "近"), ("七成以上", 7, "成", "以上")]),
    ("工作一成不变。", []),
    ("百分之九十的群众表示满意，差错率控制在千分之三。", [("百分之九十", 90, "%", None), ("千分之三", 3, "‰", None)]),
    ("贡献全市近1/4社会消费品零售总额。", [("近1/4", 0.25, "", "近")]),
    ("会议于3/4日召开。", []),
    ("与15国签署合作备忘录。", [("15国", 15, "国", None)]),
    ("展览为期3日，3日内办结。", [("3日", 3, "日", None), ("3日", 3, "日", None)]),
    ("会议于3日召开。", []),
    ("PM2.5浓度下降，COVID19防控有序，G4高速通车，V2版上线。", []),
    ("打造“500米公共法律服务圈”，实现“15分钟”服务圈全覆盖。", []),
    ("排名前3%的企业，前三季度增长，提前3天完成。", [("3天", 3, "天", None)]),
    ("6月底前90个城中村实现整治。", [("90个", 90, "个", None)]),
    ("每组安排3至5人，占比10%-20%，投入3-5万元。",
     [("3", 3, "人", "区间"), ("5人", 5, "人", "区间"), ("10%", 10, "%", "区间"), ("20%", 20, "%", "区间"),
      ("3", 30_000, "元", "区间"), ("5万元", 50_000, "元", "区间")]),
    ("印发《规划（2021-2035年）》，1-11月完成2019-2021年度任务。", []),
    ("服务家长3000人次，新增家长学校。", [("3000人次", 3000, "人次", None)]),
]


@pytest.mark.parametrize("text, expected", CORPUS + CONSTRUCTED)
def test_pattern(text, expected):
    got = figs(text)
    assert [(t, u, q) for t, _, u, q in got] == [(t, u, q) for t, _, u, q in expected]
    for (_, v, _, _), (_, ev, _, _) in zip(got, expected, strict=True):
        assert v == pytest.approx(ev)


def test_range_ends_share_one_subject():
    a, b = find_figures("争取完成5-8家健康小屋的创建。")
    assert a.subject == b.subject and "健康小屋" in a.subject
