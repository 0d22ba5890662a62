"""Property tests: any text (empty, full/half-width, emoji, rare CJK beyond the BMP) is safe."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.detect.figures import find_figures

_PIECES = list("0123456789０１２３４５６７８９.．,，%％、。；（）()《》“”〔〕-/:年月日号第余多近约万亿千百十"
               "一二两三四五六七八九零个次人件家项名元份条对户场 \n\t") + [
    "人次", "以上", "左右", "至少", "超过", "个工作日", "三项制度", "二十大", "😀", "𠀀", "𪚥", "\u3000", "\xa0"]

_texty = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


def _check(text: str) -> None:
    found = find_figures(text)
    prev_end = 0
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= prev_end
        assert text[f.start:f.end] == f.text
        assert isinstance(f.value, (int, float))
        assert isinstance(f.unit, str) and isinstance(f.subject, str)
        assert f.section is None
        prev_end = f.end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texty)
def test_report_like_text(text):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_any_text(text):
    _check(text)


def test_empty_and_whitespace():
    assert find_figures("") == []
    assert find_figures("\n\n \u3000") == []
