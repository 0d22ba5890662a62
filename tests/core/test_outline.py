"""Headings beyond the seeds: numbering styles, inline titles, broken markers, non-headings."""
from __future__ import annotations

from core.detect.outline import find_sections


def _outline(text):
    secs = find_sections(text)
    for s in secs:
        span = text[s.start:s.end]
        assert span.startswith(s.marker) and span.endswith(s.title)
        assert span[len(s.marker):len(span) - len(s.title)].strip() == ""
    return [(s.level, s.marker, s.title) for s in secs]


def test_all_levels_and_styles():
    text = ("一、主要举措和成效\n（一）加强领导\n1.健全制度\n（1）细化分工\n2、压实责任\n"
            "３．完善机制\n(二)推进执法\n(2)规范裁量\n二、存在问题\n")
    assert _outline(text) == [
        (1, "一、", "主要举措和成效"), (2, "（一）", "加强领导"), (3, "1.", "健全制度"),
        (4, "（1）", "细化分工"), (3, "2、", "压实责任"), (3, "３．", "完善机制"), (2, "(二)", "推进执法"),
        (4, "(2)", "规范裁量"), (1, "二、", "存在问题")]


def test_inline_heading_title_ends_before_first_full_stop():
    text = "（一）加强组织领导。认真落实领导责任制，召开会议5次。\n"
    secs = find_sections(text)
    assert [(s.marker, s.title, s.start, s.end) for s in secs] == [("（一）", "加强组织领导", 0, 9)]


def test_indented_heading_starts_at_marker():
    text = "正文。\n\u2002\u3000 (三)强化学习培训  \n"
    (s,) = find_sections(text)
    assert text[s.start:s.end] == "(三)强化学习培训"


def test_yishi_enumerations_and_decimals_are_not_headings():
    text = ("一是成立领导小组。二是压实责任。\n二是强化学习宣传。\n12.4宪法宣传日开展活动。\n"
            "5.12防灾减灾日。\n2023年，全局开展培训3次。\n")
    assert find_sections(text) == []


def test_title_lines_are_not_headings():
    text = ("重庆市某某区民政局\n关于2023年法治政府建设情况的报告\n2023年，我局依法行政。\n"
            "一、主要举措和成效\n内容。\n二、存在的不足和原因\n内容。\n")
    assert [s.title for s in find_sections(text)] == ["主要举措和成效", "存在的不足和原因"]


def test_broken_and_missing_level1_markers():
    text = ("一、2022年推进法治政府建设的主要举措和成效\n正文。\n\n、存在问题\n问题是……。\n\n"
            "2023年推进法治政府建设的主要安排\n下一步……。\n")
    out = _outline(text)
    assert out == [(1, "一、", "2022年推进法治政府建设的主要举措和成效"), (1, "、", "存在问题"),
                   (1, "", "2023年推进法治政府建设的主要安排")]


def test_bare_line_not_taken_without_numbered_outline_or_inside_paragraph():
    assert find_sections("存在的主要问题\n正文。\n") == []  # one part alone is not an outline
    # a wrapped PDF line that happens to read like a part name is not a heading
    text = "一、主要举措和成效\n今年以来，我们针对行政执法工作和普法宣传工作中存在的不足\n下一步工作安排和计划\n继续努力。\n"
    assert [s.title for s in find_sections(text)] == ["主要举措和成效"]


def test_bare_line_naming_a_part_already_numbered_is_not_a_heading():
    text = "一、主要举措和成效\n正文。\n二、下一步工作打算\n正文。\n工作计划\n正文。\n"
    assert [s.title for s in find_sections(text)] == ["主要举措和成效", "下一步工作打算"]


def test_marker_without_title_is_not_a_heading():
    assert find_sections("一、\n（二）\n") == []


def test_chinese_numerals_above_ten_and_part_markers():
    text = "十一、其他需要报告的情况\n第二部分 存在的问题\n"
    assert _outline(text) == [(1, "十一、", "其他需要报告的情况"), (1, "第二部分", "存在的问题")]


def test_half_bracket_arabic_and_circled_are_level4():
    assert _outline("1）细化分工\n②压实责任\n") == [(4, "1）", "细化分工"), (4, "②", "压实责任")]


def test_unnumbered_part_headings_when_they_name_several_parts():
    text = ("关于2023年法治政府建设情况的报告\n2023年主要工作情况\n（一）加强领导。正文。\n（二）规范执法。正文。\n"
            "存在的不足和原因\n正文。\n2024年工作计划\n正文。\n")
    out = _outline(text)
    assert out == [(1, "", "2023年主要工作情况"), (2, "（一）", "加强领导"), (2, "（二）", "规范执法"),
                   (1, "", "存在的不足和原因"), (1, "", "2024年工作计划")]


def test_first_line_title_without_report_word_is_not_a_heading():
    text = "某某局2023年法治政府建设工作情况\n存在的问题\n正文。\n下一步工作计划\n正文。\n"
    assert [s.title for s in find_sections(text)] == ["存在的问题", "下一步工作计划"]
