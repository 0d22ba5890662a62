"""Metadata from every place a report names it: leadership opening, 我代表, 街道/镇 bodies, file name,
web-copy fields (成文日期, 发布/更新时间, 名称, 文号), 工作回顾 years. Constructed texts plus corpus lines."""
from __future__ import annotations

import pytest

from core.detect import detect
from core.detect.meta import find_meta
from core.detect.meta_org import is_body, org_from_file_name


def meta(text, source=""):
    return find_meta(text, None, source)[0]


def test_body_after_leadership_opening():
    m = meta("一、主要工作\n在区委区政府的坚强领导下，龙华区观湖街道办事处坚持依法行政，取得新成效。\n")
    assert m.org == "龙华区观湖街道办事处"


def test_town_body_in_signature():
    m = meta("关于2022年法治政府建设情况的报告\n正文。\n某某县某某镇人民政府\n2023年1月10日\n")
    assert m.org == "某某县某某镇人民政府"
    assert m.published == "2023-01-10"


def test_i_represent_completed_from_the_file_name():
    # corpus: 宝安区 report; the text writes the body without its city
    text = "同志们：\n　　现在，我代表宝安区人民政府向大会作工作报告，请予审议。\n2016年工作回顾\n　　过去一年……\n"
    m = meta(text, "深圳市宝安区人民政府区长在深圳市宝安区第六届人民代表大会第二次会议上作政府工作报告_2017.txt")
    assert m.org == "深圳市宝安区人民政府"
    assert m.year == 2016  # "2016年工作回顾": the year the report reviews


def test_admin_only_body_takes_the_place_from_the_file_name():
    text = "各位代表：\n　　现在，我代表省人民政府，向大会报告工作，请予审议。\n"
    m = meta(text, "广东省政府工作报告_2019年.txt")
    assert m.org == "广东省人民政府"
    assert m.year == 2018  # a 政府工作报告 named for 2019 reviews 2018


def test_file_name_when_the_text_names_no_body():
    m = meta("现将有关情况报告如下：\n一、主要工作\n正文。\n", "深圳市光明区人民政府关于2021年度法治政府建设情况的报告_2022.txt")
    assert m.org == "深圳市光明区人民政府"
    assert m.year == 2021


@pytest.mark.parametrize("name, org", [
    ("大鹏新区2023年管理委员会工作报告_2023.txt", "大鹏新区管理委员会"),
    ("深圳市龙华区2019年法治政府建设工作报告_2019.txt", None),  # a place, no body named
    ("report.docx", None),
])
def test_org_from_file_name(name, org):
    got = org_from_file_name(name)
    assert (got is None) if org is None else got.startswith(org)


@pytest.mark.parametrize("org, ok", [("法治政府建设领导小组办公室", False), ("各街道办", False), ("我局", False),
                                     ("某某区司法局", True)])
def test_rule_of_law_government_is_never_a_body(org, ok):
    assert is_body(org) is ok


def test_web_copy_fields():
    # corpus: the 坪山 web page keeps only its 信息公开 fields
    text = ("深圳市坪山区人民政府 \n 无障碍    长者助手\n 索引号： \t114403006955506492/2021-00545\t 分类： \t\n"
            " 发布机构： \t深圳市坪山区人民政府\t 成文日期：\t2021-02-02\n 名称： \t2021年坪山区政府工作报告\n"
            " 文号： \t\t 发布日期： \t2021-02-04\n")
    m = meta(text)
    assert m.org == "深圳市坪山区人民政府"
    assert m.published == "2021-02-02"  # 成文日期 before 发布日期
    assert m.title == "2021年坪山区政府工作报告"
    assert m.year == 2020
    assert m.doc_number is None


@pytest.mark.parametrize("line", ["发布时间：2023-03-20", "更新时间：2023-03-20 10:00", "时间：2023-03-20", "日期:2023/3/20"])
def test_web_date_lines(line):
    m = meta(f"某某区民政局2022年法治政府建设年度报告\n{line}\n2022年，某某区民政局推进依法行政。\n")
    assert m.published == "2023-03-20"


def test_doc_number_brackets_normalised_and_web_field():
    assert meta("某某市民政局\n某民字[2024]8号\n关于2023年法治政府建设情况的报告\n正文。\n").doc_number == "某民字〔2024〕8号"
    text = "关于2023年法治政府建设情况的报告\n正文。\n文号：\t某司发（2024）3号\t发布日期：2024-03-01\n"
    assert meta(text).doc_number == "某司发〔2024〕3号"


def test_detect_passes_the_source_name():
    ext = detect("现将有关情况报告如下：\n一、主要工作\n", source="深圳市龙华区人民政府2019年法治政府建设工作报告.txt")
    assert ext.meta.org == "深圳市龙华区人民政府"


def test_pipeline_passes_the_file_name(tmp_path):
    from core.analysis import load_and_analyze

    folder = tmp_path / "2019年归档"
    folder.mkdir()
    path = folder / "深圳市光明区人民政府关于2021年度法治政府建设情况的报告.txt"
    path.write_text("现将有关情况报告如下：\n一、主要工作\n共办理行政复议案件53宗。\n", encoding="utf-8")
    _, ext = load_and_analyze(str(path))
    assert ext.meta.org == "深圳市光明区人民政府"
    assert ext.meta.year == 2021  # from the file name, not from the folder
