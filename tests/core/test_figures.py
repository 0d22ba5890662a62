"""Figure detection: grammar, units, qualifiers, exclusions, subjects; and the seeds against gold."""
from __future__ import annotations

import json
from itertools import pairwise

import pytest

from core.detect.figures import find_figures
from tests.conftest import GOLD, SEEDS


def figs(text):
    return [(f.text, f.value, f.unit, f.qualifier) for f in find_figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("全年办理行政复议案件12件。", [("12件", 12, "件", None)]),
    ("开展培训100余人次，", [("100余人次", 100, "人次", "余")]),
    ("发放宣传册3万余份。", [("3万余份", 30000, "份", "余")]),
    ("发放资金1.81亿余元。", [("1.81亿余元", 181_000_000, "元", "余")]),
    ("减免会员收费约3.7万元。", [("约3.7万元", 37000, "元", "约")]),
    ("满意率98%以上。", [("98%以上", 98, "%", "以上")]),
    ("参检率87.4%，", [("87.4%", 87.4, "%", None)]),
    ("出庭应诉率１００％。", [("１００％", 100, "%", None)]),
    ("检查１２家养老机构", [("１２家", 12, "家", None)]),
    ("检查商户1,250余家次。", [("1,250余家次", 1250, "家次", "余")]),
    ("资金支出90271.78元，", [("90271.78元", 90271.78, "元", None)]),
    ("由478个工作日压缩至60个工作日", [("478个工作日", 478, "个工作日", None),
                                  ("60个工作日", 60, "个工作日", None)]),
    ("完善设施设备200余件/套。", [("200余件/套", 200, "件/套", "余")]),
    ("人均办理17.5件/年。", [("17.5件/年", 17.5, "件/年", None)]),
    ("建设面积约1.2万平方米，", [("约1.2万平方米", 12000, "平方米", "约")]),
    ("收缴物品5千克，", [("5千克", 5, "千克", None)]),
    ("较去年提高2.3个百分点。", [("2.3个百分点", 2.3, "个百分点", None)]),
    ("受教育群众120万人次以上。", [("120万人次以上", 1_200_000, "人次", "以上")]),
    ("受众超过5000人，", [("超过5000人", 5000, "人", "超过")]),
    ("每年集中学法至少2次，", [("至少2次", 2, "次", "至少")]),
    ("离婚登记3818，", [("3818", 3818, "", None)]),
    ("平均跑动次数为0(除外)", [("0", 0, "", None)]),
    # Chinese numerals
    ("聘请法律顾问一名，", [("一名", 1, "名", None)]),
    ("这两个议事协商试点", [("两个", 2, "个", None)]),
    ("每年至少召开二次专题会议", [("二次", 2, "次", None)]),
    ("共开展近百轮排查", [("近百轮", 100, "轮", "近")]),
    ("组织培训两千余人次，", [("两千余人次", 2000, "人次", "余")]),
    ("举办讲座十二场。", [("十二场", 12, "场", None)]),
    ("惠及群众逾万人。", [("逾万人", 10000, "人", "逾")]),
    ("共培训执法人员六百余人次。", [("六百余人次", 600, "人次", "余")]),
    ("出口总额56.3亿美元，", [("56.3亿美元", 5_630_000_000, "美元", None)]),
    ("环境噪声保持在70分贝以下。", [("70分贝以下", 70, "分贝", "以下")]),
    ("常住人口达到109万，", [("109万", 1_090_000, "", None)]),
])
def test_figures(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize("text", [
    "2023年，区民政局推进法治政府建设。",
    "发布时间:2023-03-13 15:05",
    "2023年5月和11月，我局先后开展活动。今年6月1日起施行。",
    "兰民字〔2024〕8号",
    "根据九龙坡府办发〔2020〕116号文件",
    "有序完成第十一届村(居)委会换届选举，排名全市第3。",
    "严格落实行政执法三项制度，履行“一岗双责”，推行“两轻一免”清单。",
    "深入学习党的二十大精神，编制“十四五”规划，贯彻十九届六中全会精神。",
    "确定4A级和3A级社会组织，新建5G基站。",
    "拨打12345热线反映问题。",
    "开展“9.5”中华慈善日、“12·4”国家宪法日和12.4宪法宣传日活动。",
    "印发《兰州市民政系统法治宣传教育第八个五年规划(2021-2025年)》。",
    "一是加强领导；二是完善制度。第一，落实责任。\n（一）加强组织领导\n1.健全机制\n2、完善制度",
    "进一步推进一网通办，实现一次办、一窗受理，打造一支高素质执法队伍，减免一批收费。",
    "在区、镇街两级成立领导小组，落实“四项清单”和残疾人两项补贴。",
    "提供7×24小时服务。",
    "电话：023-68781234，邮编400050。",
    "坚持党的领导，增强“四个意识”，做到“两个维护”。",
    "落实省委十三届三次、四次全会和区六届人大二次会议精神。",
    "庆祝改革开放40周年，建立15部门联动机制，连续五年实现两位数增长。",
    "加快地铁12、13号线建设，上线企业服务平台2.0，进入全国百强榜前30。",
    "提高第三产业在三次产业中的比重，推进土地二次开发，用好两个市场、两种资源。",
    "无人系统及关键零部件，落实“五部两办两中心”工作机制。",
    "",
])
def test_not_figures(text):
    assert figs(text) == []


def test_spans_are_exact_and_sorted():
    text = "共公开政务信息230余条、微信动态274条，梳理行政权力120余项。"
    found = find_figures(text)
    assert [f.text for f in found] == ["230余条", "274条", "120余项"]
    for f in found:
        assert text[f.start:f.end] == f.text
        assert f.section is None
    assert all(a.end <= b.start for a, b in pairwise(found))


@pytest.mark.parametrize("text, subject", [
    ("全年围绕重大事项，召开局党委会会议26次，", "召开局党委会会议"),
    ("配备2台执法记录仪，", "配备执法记录仪"),
    ("专题培训1次，参加人员50人次；", "专题培训参加人员"),
    ("全年主办人大建议26件（主办件15件，协办件11件）", "主办人大建议"),
])
def test_subjects(text, subject):
    found = find_figures(text)
    assert subject in "".join(f.subject for f in found)


def test_subject_inside_parentheses_names_the_parent():
    found = find_figures("全年主办人大建议26件（主办件15件，协办件11件）")
    assert "人大建议" in found[1].subject and "主办件" in found[1].subject


def _prf():
    tp = n_pred = n_gold = vu = 0
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        gold = json.loads((GOLD / (path.stem + ".json")).read_text(encoding="utf-8"))
        g = {(x["start"], x["end"]): x for x in gold["figures"]}
        p = {(f.start, f.end): f for f in find_figures(text)}
        for f in p.values():
            assert text[f.start:f.end] == f.text
        matched = set(g) & set(p)
        tp += len(matched)
        n_pred += len(p)
        n_gold += len(g)
        vu += sum(1 for k in matched if p[k].value == g[k]["value"] and p[k].unit == g[k]["unit"])
    prec, rec = tp / n_pred, tp / n_gold
    return 2 * prec * rec / (prec + rec), vu / tp


def test_seeds_against_gold():
    f1, value_unit = _prf()
    assert f1 >= 0.99
    assert value_unit >= 0.99


def test_short_aside_with_mixed_bracket_widths_does_not_crash():
    # found by the checks' property test: a half-width "(" closed by a full-width "）"
    from core.detect import detect
    detect("26件(一、）")
