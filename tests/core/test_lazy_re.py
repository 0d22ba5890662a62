"""Start-up shortcuts keep their results: lazily compiled patterns, the written-out space list,
the glyph fold that is built only for texts that need it."""
import re

from core.detect.glyph_fold import FOLD, fold_glyphs
from core.detect.text_norm import LINE_SPACE
from core.lazy_re import lazy


def test_lazy_pattern_compiles_on_first_use_and_matches_like_re():
    source = r"([\u4e00-\u9fff]{2,4})率\s*(\d+)"
    pat = lazy(source)
    assert "search" not in vars(pat)  # nothing compiled at definition
    text = "办结率 98，满意率99；其他"
    ref = re.compile(source)
    assert pat.search(text).groups() == ref.search(text).groups()
    assert "search" in vars(pat)  # later calls go straight to the compiled pattern's methods
    assert pat.findall(text) == ref.findall(text)
    assert [m.span() for m in pat.finditer(text)] == [m.span() for m in ref.finditer(text)]
    assert pat.sub("#", text) == ref.sub("#", text)
    assert pat.match(text, 4) is None and ref.match(text, 4) is None
    assert pat.pattern == source and pat.groups == 2


def test_line_space_is_every_space_below_u3001():
    computed = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + "\ufeff\u200b"
    assert computed == LINE_SPACE


def test_glyph_fold_only_copies_text_that_has_a_foldable_glyph():
    plain = "培训执法人员1200人次"
    assert fold_glyphs(plain) is plain
    unfoldable = "\u2e80" + plain  # in the radical block, but NFKC leaves it alone
    assert 0x2E80 not in FOLD
    assert fold_glyphs(unfoldable) is unfoldable
    assert fold_glyphs("培训执法\u2f08员1200\u2f08次") == plain  # ⼈ (Kangxi) -> 人
