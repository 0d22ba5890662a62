"""Metadata beyond the seeds: other bodies, layouts, years."""
from __future__ import annotations

from core.detect.meta import find_meta


def meta(text):
    return find_meta(text)[0]


def test_banner_doc_number_signature_date():
    text = ("某某市司法局文件\n某司发〔2022〕15号　　签发人：张三\n关于2021年度法治政府建设情况的报告\n市政府：\n"
            "2021年，我局坚持依法行政，取得了新成效。现报告如下：\n一、主要举措和成效\n正文。\n"
            "某某市司法局\n2022年1月25日\n（此件公开发布）\n")
    m = meta(text)
    assert m.org == "某某市司法局"
    assert m.doc_number == "某司发〔2022〕15号"
    assert m.title == "关于2021年度法治政府建设情况的报告"
    assert m.year == 2021
    assert m.published == "2022-01-25"


def test_cited_doc_numbers_in_body_are_not_the_report_number():
    text = ("区民政局2021年度法治政府建设工作报告\n一、工作开展情况\n印发《办法》（九龙坡府办〔2021〕54号）。"
            "成立了重庆市九龙坡区民政局行政调解委员会。\n")
    m = meta(text)
    assert m.doc_number is None
    assert m.org == "九龙坡区民政局"
    assert m.year == 2021


def test_ambiguous_place_is_not_guessed():
    text = ("区民政局2021年度法治政府建设工作报告\n一、工作开展情况\n与重庆市渝北区民政局、重庆市江北区民政局协作。\n")
    assert meta(text).org == "区民政局"


def test_web_chrome_and_source_line():
    text = ("当前位置:\n某某区人民政府2022年法治政府建设年度报告\n来源:某省某市某某区人民政府 发布时间:2023-03-20 10:00\n"
            "2022年，区政府深入推进依法行政。\n一、主要举措和成效\n正文。\n            2023320\n")
    m = meta(text)
    assert m.org == "某省某市某某区人民政府"
    assert m.year == 2022
    assert m.published == "2023-03-20"  # run-together digits are not read as the signing date


def test_signature_date_preferred_over_web_date():
    text = ("关于2023年法治政府建设情况的报告\n发布日期:2024-03-30\n2023年，某县应急管理局推进执法。\n"
            "一、主要举措和成效\n正文。\n某县应急管理局\n2024年2月28日\n关闭\n")
    m = meta(text)
    assert m.published == "2024-02-28"
    assert m.org == "某县应急管理局"


def test_opening_sentence_org_and_year_without_title():
    text = "２０２２年，清城区民政局坚持以习近平法治思想为指导。\n一、2022年工作情况\n"
    m = meta(text)
    assert m.org == "清城区民政局"
    assert m.year == 2022
    assert m.title is None


def test_title_over_two_lines_and_chinese_date():
    text = ("某某县教育局\n关于2023年度法治政府建设\n情况的报告\n2023年，县教育局依法治教。\n"
            "某某县教育局\n二〇二四年一月十日\n")
    m = meta(text)
    assert m.title == "关于2023年度法治政府建设情况的报告"
    assert m.published == "2024-01-10"
    assert m.year == 2023


def test_empty():
    m = meta("")
    assert (m.org, m.year, m.published, m.doc_number, m.title) == (None, None, None, None, None)


def test_date_in_brackets_under_title():
    text = "关于2023年法治政府建设情况的报告\n（2024年3月1日）\n2023年，某区人民政府依法行政。\n"
    m = meta(text)
    assert m.published == "2024-03-01"
    assert m.year == 2023


def test_place_completion_needs_a_clean_start():
    text = "区民政局2021年度法治政府建设工作报告\n一、工作开展情况\n局长到九龙坡区民政局调研。\n"
    assert meta(text).org == "九龙坡区民政局"  # 到 ends the place
    text = "区民政局2021年度法治政府建设工作报告\n一、工作开展情况\n某某某某某某某某区民政局调研。\n"
    assert meta(text).org == "区民政局"
