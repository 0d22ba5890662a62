"""Copied paragraphs: numbers and years masked, same body's earlier years and other bodies' same year."""
from core.checks.copies import (CopyIndex, ReportText, copies_across, copy_checks, find_copies,
                                normalise, sources_for)

PARA_2022 = ("2022年，我局坚持把法治政府建设摆在全局工作的重要位置，召开局党组会议专题研究法治工作5次，"
             "组织领导干部集中学法4次，审核规范性文件合法性12件，聘请常年法律顾问1名，"
             "全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度。")
PARA_2023 = (PARA_2022.replace("2022", "2023").replace("5次", "7次").replace("4次", "6次")
             .replace("12件", "15件"))
OTHER = ("今年以来，区市场监管局围绕优化营商环境，推进登记注册便利化改革，企业开办时间压缩至一个工作日，"
         "全面推行证照分离改革，涉企经营许可事项实现全覆盖清单管理，市场主体活力持续增强。")
# two glossary notes from the Shenzhen corpus (盐田区 and 龙岗区, 2018): the same text, renumbered
SPONGE_A = ("60.海绵城市：通过加强城区规划建设管理，充分发挥建筑、道路、绿地、水系等生态系统对雨水的吸纳、"
            "蓄渗和缓释作用，有效控制雨水径流，实现自然积存、自然渗透、自然净化的城市发展方式。")
SPONGE_B = ("12.海绵城市：通过加强城市规划建设管理，充分发挥建筑、道路、绿地、水系等生态系统对雨水的吸纳、"
            "蓄渗和缓释作用，有效控制雨水径流，实现自然积存、自然渗透、自然净化的城市发展方式。")


def _r(i, org, year, *paras):
    return ReportText(i, org, year, "标题\n" + "\n".join(paras) + "\n", f"{org}{year}年度报告")


def test_numbers_and_years_are_masked():
    assert normalise(PARA_2022) == normalise(PARA_2023)
    assert normalise("召开会议5次，") == "召开会议#次"


def test_same_body_earlier_year_copy_is_found_with_both_spans():
    old = _r(1, "某区司法局", 2022, PARA_2022, OTHER)
    new = _r(2, "某区司法局", 2023, "本年度新写的一段话，内容完全不同，讲的是另外一件事情，与去年的报告没有任何关系。", PARA_2023)
    (m,) = find_copies(new, [old])
    assert new.text[m.start:m.end] == PARA_2023
    assert m.other_id == 1 and old.text[m.other_start:m.other_end] == PARA_2022
    assert m.score == 100
    (c,) = copy_checks(new, [m], {1: old.text})
    assert c.kind == "copy" and c.certain and "某区司法局2022年度报告" in c.message
    assert "数字和年份不计" in c.message and c.detail["other_report_id"] == 1


def test_who_may_copy_from_whom():
    a22, a23 = _r(1, "甲局", 2022, PARA_2022), _r(2, "甲局", 2023, PARA_2023)
    b23, b22 = _r(3, "乙局", 2023, PARA_2023), _r(4, "乙局", 2022, PARA_2022)
    assert {r.id for r in sources_for(a23, [a22, a23, b23, b22])} == {1, 3}  # not 乙局's 2022
    assert sources_for(a22, [a22, a23]) == []  # a later year is no source
    found = copies_across([a22, a23, b23, b22])
    (m,) = found[2]  # one finding per paragraph: the best source, and how many hold it
    assert m.other_id in (1, 3) and m.common == 2
    assert [m.other_id for m in found[1]] == [4]  # 乙局 2022 for 甲局 2022: same year


def test_unrelated_paragraphs_do_not_match():
    a = _r(1, "甲局", 2023, PARA_2022)
    b = _r(2, "乙局", 2023, OTHER)
    assert find_copies(a, [b]) == []


def test_corpus_glossary_copy_across_bodies():
    a = _r(1, "盐田区", 2018, SPONGE_A)
    b = _r(2, "龙岗区", 2018, SPONGE_B)
    (m,) = find_copies(a, [b])
    assert m.score >= 95


def test_paragraph_in_many_reports_is_marked_unsure():
    reports = [_r(i, f"单位{i}", 2023, SPONGE_A) for i in range(1, 6)]
    index = CopyIndex(reports)
    (m,) = index.find(1, {2, 3, 4, 5})
    assert m.common == 4
    (c,) = copy_checks(reports[0], [m], {r.id: r.text for r in reports})
    assert not c.certain and "通用表述" in c.message
