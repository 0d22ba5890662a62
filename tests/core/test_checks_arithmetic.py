"""Sum, rate, share and stated-twice checks on the seed reports, sentences copied from the corpus
(government work reports) and constructed text."""
from tests.conftest import SEEDS
from core.checks import run_checks
from core.checks.rates import check_rates
from core.checks.sums import check_sums
from core.checks.twice import check_twice
from core.detect import detect


def _seed(n: int):
    path = next(SEEDS.glob(f"{n:03d}_*.txt"))
    return detect(path.read_text(encoding="utf-8"))


def _kinds(ext, kinds=("sum", "rate", "percent", "twice")):
    return [c for c in run_checks(ext) if c.kind in kinds]


def test_seed_002_total_does_not_add_up():
    ext = _seed(2)
    found = _kinds(ext)
    assert [c.kind for c in found] == ["sum"]
    c = found[0]
    assert c.message == "合计28宗与分项之和30宗（27+1+2）不符" and c.certain
    assert [ext.figures[i].text for i in c.figures] == ["28宗", "27家", "1家", "2家"]
    assert c.quote.startswith("28宗") and c.quote.endswith("养老机构2家)")


def test_other_seeds_raise_no_arithmetic_alarm():
    # 000: 26件（主办件15件，协办件11件） holds; 003: 70项 = 11+34+1+3+2+4+15 and 44项 = 12+1+4+3+24;
    # 003 also names 其他行政权力 in two different lists (15项, 3项): not one quantity stated twice
    for n in (0, 1, 3, 4):
        assert _kinds(_seed(n)) == [], n


def test_holding_breakdown_and_rate_are_silent():
    text = "全年主办人大建议26件（主办件15件，协办件11件）。应参检381家，实际参检333家，参检率87.4%。"
    ext = detect(text)
    assert check_sums(text, ext.figures) == [] and check_rates(text, ext.figures) == []


def test_rate_message_quotes_part_whole_and_result():
    text = "应参检381家，实际参检333家，参检率97.4%。"
    ext = detect(text)
    (c,) = check_rates(text, ext.figures)
    assert c.kind == "rate"
    assert c.message == "参检率97.4%与333÷381=87.4%不符（分子333家，分母381家）"
    assert sorted(ext.figures[i].text for i in c.figures) == ["333家", "381家", "97.4%"]


def test_share_over_100_but_not_growth():
    text = "办结率105%。同比增长105%。完成年度目标任务的115%。"
    found = check_rates(text, detect(text).figures)
    assert [c.kind for c in found] == ["percent"]
    assert "办结率105%" in found[0].message and "不应超过100%" in found[0].message


# sentences copied from the Shenzhen corpus (government work reports)
def test_corpus_sentences_that_must_stay_silent():
    silent = [
        # 其中 counts the new total (72), not the 24 added this year
        "全年新增高新技术企业24家，总数达到72家，其中国家级66家。",
        # a reduction rate: (56-21)/56 = 62.5%
        "56项督查检查考核计划优化精简至21项，精简率达62.5%。",
        # a target for a later year, not computed from this sentence
        "新增污水处理规模92.5万立方米/天，达到159万立方米/天，到2020年污水处理率达88%。",
        # 573 停车位 is not a part of the 6 停车场
        "清理利用零星地块建设6个社会公益停车场，其中4个是“的士码头”，提供停车位573个，配餐中心4个。",
        # two clean-ups, each with files to revise (龙华区2019年法治政府建设工作报告): not one quantity
        "开展规范性文件专项清理工作，对需修订的15个文件启动修订工作；牵头开展我区涉企涉民办事证明文件“兜底规定”清理工作，"
        "对需修订的11个文件，牵头相关部门启动修订工作。",
        # a comparison with last year is no breakdown
        "今年拟安排财政赤字13500亿元，比上年增加1500亿元，其中中央财政赤字9500亿元，由中央代地方发债4000亿元。",
    ]
    for text in silent:
        assert _kinds(detect(text)) == [], text


def test_corpus_coverage_over_100_is_reported():
    text = "强力推进疫苗接种，全程接种覆盖率达125%以上，排名全市第二，其中60岁以上人群全程接种覆盖率达91.6%。"
    found = _kinds(detect(text))
    assert [c.kind for c in found] == ["percent"] and "125%以上" in found[0].message


def test_twice_needs_same_part_and_no_plan():
    head = "一、2023年主要举措和成效\n"
    body = ("全年开展法治政府建设专题培训8场，提升干部素养。\n（二）其他。全年开展法治政府建设专题培训10场，"
            "研究解决了一批问题。\n")
    ext = detect(head + body)
    (c,) = check_twice(ext.text, ext.figures, ext.sections)
    assert "8场" in c.message and "10场" in c.message and c.certain
    plan = head + "全年开展法治政府建设专题培训8场，提升干部素养。\n二、2024年工作安排\n全年开展法治政府建设专题培训10场。\n"
    ext = detect(plan)
    assert check_twice(ext.text, ext.figures, ext.sections) == []
