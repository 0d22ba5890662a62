"""Required parts by meaning, never by position."""
from __future__ import annotations

import pytest

from core.detect import detect
from core.detect.parts import classify_title, missing_parts, part_kind


@pytest.mark.parametrize("title,kind", [
    ("2023年推进法治政府建设的主要举措和成效", "measures"),
    ("工作开展情况", "measures"),
    ("2023年工作情况", "measures"),
    ("主要做法及成效", "measures"),
    ("党政主要负责人履行推进法治建设第一责任人职责情况", "leader_duty"),
    ("存在的不足和原因", "shortcomings"),
    ("存在的主要问题", "shortcomings"),
    ("问题和短板", "shortcomings"),
    ("下一步工作打算", "plan"),
    ("2024年推进法治政府建设的工作思路", "plan"),
    ("2024年度推进法治政府建设的主要安排", "plan"),
    ("明年工作计划", "plan"),
    ("其他需要报告的情况", "other"),
])
def test_classify_by_meaning(title, kind):
    assert classify_title(title, 2023) == kind


def test_plan_heading_naming_next_year():
    assert classify_title("2024年重点工作", 2023) == "plan"
    assert classify_title("2023年重点工作", 2023) == "measures"


def test_task_area_headings_of_a_split_measures_part():
    # level-1 headings by task area report work done: a reviewer counts them as the measures part
    assert classify_title("深化依法行政，提升政府治理能力", 2023) == "measures"
    assert classify_title("强化权力制约监督", 2023) == "measures"
    assert classify_title("附表", 2023) == "other"


def test_part_kind_is_none_without_part_words():
    assert part_kind("加强组织领导") is None


def _doc(*parts):
    body = "\n".join(f"{h}\n正文内容。" for h in parts)
    return "某某区司法局\n关于2023年法治政府建设情况的报告\n2023年，某某区司法局依法行政。\n" + body + "\n"


def test_order_does_not_matter():
    ext = detect(_doc("一、履行推进法治建设第一责任人职责情况", "二、下一步工作安排", "三、存在的问题",
                      "四、主要举措和成效"))
    assert [s.kind for s in ext.sections] == ["leader_duty", "plan", "shortcomings", "measures"]
    assert ext.missing_parts == []


def test_missing_part_flagged_with_warning():
    ext = detect(_doc("一、主要举措和成效", "二、存在的不足和原因", "三、2024年工作计划"))
    assert ext.missing_parts == ["leader_duty"]
    assert "缺少必备部分：第一责任人职责" in ext.warnings


def test_level2_leader_duty_counts():
    ext = detect(_doc("一、2023年工作情况", "（一）切实履行推进法治建设第一责任人职责", "（二）加强执法",
                      "二、存在的主要问题", "三、2024年工作计划"))
    assert [s.kind for s in ext.sections] == ["measures", "leader_duty", None, "shortcomings", "plan"]
    assert ext.missing_parts == []


def test_level2_leader_duty_under_plan_is_a_plan_item():
    ext = detect(_doc("一、主要举措和成效", "二、存在的不足", "三、下一步工作打算",
                      "（一）认真履行第一责任人职责"))
    assert ext.sections[-1].kind is None
    assert ext.missing_parts == ["leader_duty"]


def test_heading_naming_two_parts_carries_both():
    ext = detect(_doc("一、主要举措和成效", "二、党政主要负责人履行第一责任人职责情况",
                      "三、存在的问题及下一步工作打算"))
    assert ext.sections[2].kind == "shortcomings"
    assert ext.missing_parts == []


def test_split_measures_part_by_task_area():
    ext = detect(_doc("一、加强党的领导，压实第一责任人职责", "二、深化放管服改革", "三、严格规范公正文明执法",
                      "四、存在的问题", "五、2024年工作思路"))
    assert [s.kind for s in ext.sections] == ["leader_duty", "measures", "measures", "shortcomings", "plan"]
    assert ext.missing_parts == []


def test_no_outline():
    ext = detect("正文一段，没有标题。")
    assert ext.missing_parts == ["measures", "shortcomings", "leader_duty", "plan"]
    assert any("未识别到提纲" in w for w in ext.warnings)


def test_missing_parts_function():
    assert missing_parts([]) == ["measures", "shortcomings", "leader_duty", "plan"]


def test_outline_without_level1_uses_its_top_level():
    ext = detect(_doc("（一）主要举措和成效", "（二）存在的问题", "（三）下一步工作打算",
                      "（四）主要负责人履行第一责任人职责情况"))
    assert [s.kind for s in ext.sections] == ["measures", "shortcomings", "plan", "leader_duty"]
    assert ext.missing_parts == []


@pytest.mark.parametrize("title,kind", [
    ("2023年重点工作完成情况", "measures"),
    ("2024年工作计划及重点任务", "plan"),
    ("下一步重点工作", "plan"),
    ("“十三五”时期发展成就", "measures"),
    ("今后五年的主要任务", "plan"),
])
def test_measures_or_plan_when_both_named(title, kind):
    assert classify_title(title, 2023) == kind


@pytest.mark.parametrize("title, kind", [
    ("党政主要负责人履职情况", "leader_duty"), ("主要负责人述法情况", "leader_duty"),
    ("面临的挑战", "shortcomings"), ("存在的薄弱环节", "shortcomings"),
    ("下一阶段工作", "plan"), ("来年工作打算", "plan"), ("特色亮点", "measures"),
])
def test_heading_words_beyond_the_samples(title, kind):
    from core.detect.parts import classify_title

    assert classify_title(title, 2023) == kind


def test_three_digit_list_headings():
    from core.detect.outline import find_sections

    text = "一、2017年任务\n　　126、推进排水箱涵改造工程，完成50%工程量。\n　　127、完成清淤工程建设。\n"
    assert [(s.level, s.marker) for s in find_sections(text)][1:] == [(3, "126、"), (3, "127、")]
