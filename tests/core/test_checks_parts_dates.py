"""Required parts by heading or content (with evidence), deadlines and form, on seeds and constructed text."""
from datetime import date

from tests.conftest import SEEDS
from core.checks import checks_json, run_checks
from core.checks.deadlines import check_deadlines, check_form, find_dates
from core.checks.parts_content import find_parts
from core.detect import detect


def _seed(n: int):
    path = next(SEEDS.glob(f"{n:03d}_*.txt"))
    return detect(path.read_text(encoding="utf-8"))


def test_every_seed_has_the_four_required_parts_with_evidence():
    for n in range(5):
        ext = _seed(n)
        evidence = find_parts(ext.text, ext.sections, ext.meta.year)
        assert [e.kind for e in evidence] == ["measures", "shortcomings", "leader_duty", "plan", "other"]
        assert all(e.present for e in evidence[:4]), n
        assert not evidence[4].present and "可选" in evidence[4].why
        assert [c for c in run_checks(ext) if c.kind == "part"] == []


def test_leader_duty_covered_by_a_paragraph_under_a_level_two_heading():
    # seed 004 has no heading for it: the duty is written in the paragraph under (一)高度重视
    ext = _seed(4)
    ev = next(e for e in find_parts(ext.text, ext.sections, ext.meta.year) if e.kind == "leader_duty")
    assert ev.how == "content"
    assert ext.text[ev.start:ev.end] == "第一责任人"
    assert "高度重视" in ev.why and "第一责任人职责" in ev.why


def test_leader_duty_by_heading_names_the_heading():
    ext = _seed(0)
    ev = next(e for e in find_parts(ext.text, ext.sections, ext.meta.year) if e.kind == "leader_duty")
    assert ev.how == "heading" and ext.text[ev.start:ev.end].startswith("二、")


def test_missing_part_is_a_check_and_other_is_optional():
    text = ("关于2023年法治政府建设情况的报告\n一、2023年主要举措和成效\n全年召开专题会议研究法治工作6次，审核规范性文件12件。\n"
            "二、2024年工作安排\n2024年，我局将继续深化普法宣传，完善行政执法制度和工作机制。\n")
    ext = detect(text)
    parts = [c for c in run_checks(ext) if c.kind == "part"]
    assert sorted(c.detail["part"] for c in parts) == ["leader_duty", "shortcomings"]
    assert all(c.message.startswith("缺少必备部分：") for c in parts)


def test_seed_dates_are_in_time():
    ext = _seed(1)  # web copy: 发布时间 2023-03-13 for the 2022 report, before 4月1日
    dates = find_dates(ext.text)
    assert dates["published"][0] == date(2023, 3, 13)
    assert ext.text[dates["published"][1]:dates["published"][2]] == "2023-03-13"
    assert check_deadlines(ext.text, ext.meta.year) == []
    ext = _seed(3)  # 成文日期 2024年2月2日 for 2023
    assert check_deadlines(ext.text, ext.meta.year) == []


def test_late_signing_and_publication():
    text = "报告正文。\n发布时间：2024-04-10\n区司法局\n2024年3月5日\n"
    found = check_deadlines(text, 2023)
    assert [c.message for c in found] == [
        "成文日期2024年3月5日晚于报送截止日期2024年3月1日（2023年度报告应于次年3月1日前报送）",
        "发布日期2024年4月10日晚于公开截止日期2024年4月1日（2023年度报告应于次年4月1日前向社会公开）"]
    assert [c.quote for c in found] == ["2024年3月5日", "2024-04-10"]
    assert check_deadlines(text, None) == []  # no report year: nothing to measure against


def test_form_doc_number_expected_only_with_a_letterhead():
    seed3 = _seed(3)  # 兰民字〔2024〕8号 签发人:颜烨鲁
    assert check_form(seed3.text, seed3.meta) == []
    text = seed3.text.replace("兰民字〔2024〕8号", "兰民字")
    ext = detect(text)
    (c,) = [c for c in check_form(text, ext.meta) if "发文字号" in c.message]
    assert "签发人" in c.quote
    web = _seed(1)  # a web copy has no 版头: no 文号 expected
    assert not [c for c in check_form(web.text, web.meta) if "发文字号" in c.message]


def test_empty_report_is_one_form_check():
    ext = detect("")
    found = run_checks(ext)
    assert [c.kind for c in found] == ["form"] and "没有正文" in found[0].message


def test_extract_json_additions():
    ext = _seed(2)
    ext.checks = run_checks(ext)  # as core.analysis does; checks_json reports what was run
    data = checks_json(ext)
    assert {c["kind"] for c in data["checks"]} >= {"sum"}
    s = next(c for c in data["checks"] if c["kind"] == "sum")
    assert set(s) >= {"kind", "message", "start", "end", "figures"}
    assert ext.figures[s["figures"][0]].text == "28宗"
    assert len(data["parts"]) == 5


def test_main_extract_json_carries_checks():
    import json
    import subprocess
    import sys
    from pathlib import Path

    ROOT = Path(__file__).resolve().parents[2]
    path = next(SEEDS.glob("002_*.txt"))
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", str(path), "--json"],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert out.returncode == 0
    data = json.loads(out.stdout)
    (s,) = [c for c in data["checks"] if c["kind"] == "sum"]
    assert s["message"] == "合计28宗与分项之和30宗（27+1+2）不符"
    assert [data["figures"][i]["text"] for i in s["figures"]] == ["28宗", "27家", "1家", "2家"]
    assert data["text"][s["start"]:s["end"]].startswith("28宗")
    assert all(c["kind"] != "copy" for c in data["checks"])


def test_corpus_rule_of_law_report_leader_duty_in_a_paragraph():
    # opening of 深圳市光明区人民政府关于2021年度法治政府建设情况的报告 (Shenzhen corpus), shortened:
    # the duty has no heading; it is 三是 of the paragraph under （一）
    text = ("现将有关情况报告如下：\n\u3000\u3000一、2021年主要工作情况\n"
            "\u3000\u3000（一）深入学习贯彻习近平法治思想，法治政府建设在党的正确领导下全面铺开\n"
            "\u3000\u3000一是习近平法治思想学习走深走实。区委区政府主要领导带头学习习近平法治思想。二是法治政府建设各项任务全面落地。"
            "三是推进法治建设第一责任人职责严格压实。区委区政府以及各部门、各街道党政主要负责人部署本年度法治政府建设工作，"
            "听取法治政府建设年度工作报告。\n\u3000\u3000二、存在问题\n\u3000\u3000法治宣传针对性不强。\n"
            "\u3000\u3000三、下一步工作计划\n\u3000\u3000继续深化法治政府建设。\n")
    ext = detect(text)
    assert "leader_duty" in ext.missing_parts  # headings alone miss it
    ev = {e.kind: e for e in find_parts(ext.text, ext.sections, ext.meta.year)}
    assert ev["leader_duty"].present and ev["leader_duty"].how == "content"
    assert "三是推进法治建设第一责任人职责" in ev["leader_duty"].why
    assert [c for c in run_checks(ext) if c.kind == "part"] == []


def test_signing_date_in_chinese_numerals_and_under_the_title():
    text = "区司法局\n关于2023年法治政府建设情况的报告\n报告正文。\n区司法局\n二〇二四年三月五日\n"
    (c,) = check_deadlines(text, 2023)
    assert c.quote == "二〇二四年三月五日" and "2024年3月5日晚于报送截止日期2024年3月1日" in c.message
    text = "关于2023年法治政府建设情况的报告\n（2024年3月8日）\n报告正文。\n"
    (c,) = check_deadlines(text, 2023)
    assert c.quote == "2024年3月8日"
    assert check_deadlines("报告正文。\n区司法局\n二〇二四年二月二十日\n", 2023) == []
