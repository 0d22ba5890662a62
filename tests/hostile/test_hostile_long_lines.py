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
    spans = [text[s:e] for s, e in zip(ex.starts, ex.ends)]
    assert spans == ["十三届三次、四次", "二十大", "六届人大三次", "2023十三届四次"]
