"""run_checks never fails and every finding quotes the text it points at, whatever the text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.checks import KINDS, run_checks
from core.checks.copies import ReportText, copies_across
from core.detect import detect

_PIECES = st.sampled_from([
    "一、", "（一）", "1.", "。", "\n", "，", "、", "（", "）", "(", ")", "其中", "合计", "共计", "2023年",
    "26件", "15件", "11件", "28宗", "27家", "0家", "3万余份", "87.4%", "105%", "0%", "办结率", "参检率",
    "应参检381家", "实际参检", "同比增长", "第一责任人", "存在的问题", "下一步", "2024年3月15日",
    "发布时间：2024-04-10", "签发人", "兰民字〔2024〕8号", "全年召开会议专题研究法治工作", "😀", "𠀀", "\r\n",
    # long enough to be a paragraph for the copy check
    "我局坚持把法治政府建设摆在全局工作的重要位置，组织领导干部集中学法，全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度",
])
_TEXT = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=80).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_checks_on_any_text(text):
    ext = detect(text)
    for c in run_checks(ext):
        assert c.kind in KINDS and c.message
        assert 0 <= c.start <= c.end <= len(text) and text[c.start:c.end] == c.quote
        assert all(0 <= i < len(ext.figures) for i in c.figures)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TEXT, min_size=1, max_size=4))
def test_copies_on_any_texts(texts):
    reports = [ReportText(i, "单位", 2023 - i % 2, t) for i, t in enumerate(texts)]
    for rid, matches in copies_across(reports).items():
        for m in matches:
            assert 0 <= m.start < m.end <= len(texts[rid])
            assert 0 <= m.other_start < m.other_end <= len(texts[m.other_id])
