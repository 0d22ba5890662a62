"""detect() never fails and reports valid spans, whatever the text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.detect import detect

_PIECES = st.sampled_from([
    "一、", "二、", "（一）", "(二)", "1.", "１．", "2、", "（1）", "一是", "。", "\n", "\n\n", "　", " ", "\t",
    "主要举措和成效", "存在的不足和原因", "第一责任人职责", "下一步工作打算", "2023年", "２０２４年", "5次",
    "100余人次", "87.4%", "约3.7万元", "近百轮", "兰民字〔2024〕8号", "区民政局", "关于", "的报告",
    "2024年2月2日", "发布时间:2023-03-13", "😀", "𠀀", "𪚥", "\r\n", "、", "，", "：", "２３", "Ａ",
])
_TEXT = st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=60).map("".join),
                  st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=40).map("".join))


def _check_spans(text, spans):
    prev_end = 0
    for start, end in spans:
        assert 0 <= start <= end <= len(text)
        assert start >= prev_end
        prev_end = end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_detect_any_text(text):
    ext = detect(text)
    assert ext.text == text
    _check_spans(text, [(s.start, s.end) for s in ext.sections])
    for s in ext.sections:
        span = text[s.start:s.end]
        assert span.startswith(s.marker) and span.endswith(s.title)
        assert s.end > s.start
    _check_spans(text, [(f.start, f.end) for f in ext.figures])
    for f in ext.figures:
        assert text[f.start:f.end] == f.text
        assert f.section is None or 0 <= f.section < len(ext.sections)
    assert set(ext.missing_parts) <= {"measures", "shortcomings", "leader_duty", "plan"}
    ext.to_dict()


def test_empty_text():
    ext = detect("")
    assert ext.sections == [] and ext.figures == []
    assert ext.meta.org is None
