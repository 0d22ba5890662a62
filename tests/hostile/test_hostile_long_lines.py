"""Very long lines of digits or Chinese numerals: detection stays linear in the line length."""
import pytest

from tests.hostile.sandbox import GIB, run_python

# 200,000 characters took ~60 s before the exclusion patterns were anchored (quadratic); linear
# code needs well under a second, so 20 s only fails on a regression, not on a busy machine.
CODE = """
import sys
from core.detect import detect
from core.detect.exclusions import Exclusions
text = sys.argv[1] * 200_000
Exclusions(text)
detect(text + "\\n" + "召开会议26次。", source="x", fmt="txt")
print("ok")
"""


@pytest.mark.parametrize("char", ["1", "一", "十"])
def test_a_200000_character_numeral_line_is_handled_in_bounded_time(char):
    out = run_python(["-c", CODE, char], timeout=20, memory=2 * GIB)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_session_and_congress_spans_are_unchanged_by_the_anchoring():
    from core.detect.exclusions import Exclusions

    text = "省委十三届三次、四次全会，二十大，区六届人大三次会议，2023十三届四次"
    ex = Exclusions(text)
    spans = [text[s:e] for s, e in zip(ex.starts, ex.ends, strict=True)]
    assert spans == ["十三届三次、四次", "二十大", "六届人大三次", "2023十三届四次"]


# One "sentence" listing thousands of figures (a flattened table, or a file made to be slow):
# indicator mapping compared every figure with every later one over the whole sentence — 400
# figures 2.8 s, 3,000 about an hour. Bounded look-ahead and evidence windows make it linear
# (3,000 figures ~1.5 s on a busy machine), so 60 s only fails on a regression.
MAPPING_CODE = """
from core.detect import detect
from core.indicators.mapping import map_figures
text = "全年受理行政复议案件" + "、".join(f"{i}件" for i in range(1, 4000)) + "。"
ex = detect(text, source="x", fmt="txt")
maps = map_figures(ex.text, ex.figures, ex.sections)
print(len(maps))
"""


def test_mapping_a_sentence_of_4000_figures_takes_bounded_time():
    out = run_python(["-c", MAPPING_CODE], timeout=60, memory=2 * GIB)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) == 3999
