"""What a check reports, and small text helpers the checks share.

A ``Check`` is one thing a reviewer should look at: a kind, a Chinese message that quotes the figures
it rests on, a span of the report text (``text[start:end]`` is the quote), the indexes of the figures
involved (into ``Extraction.figures``) and whether the check is sure. Unsure findings say so in the
message (``请核实``); anything less than that stays silent — false alarms cost reviewer time.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from core.detect.text_norm import fold_width

# kinds in the order a reviewer works: parts first, then form and dates, then the substance
KINDS = ("part", "form", "deadline", "sum", "rate", "percent", "twice", "copy")
KIND_LABELS = {
    "part": "必备部分",
    "form": "格式要素",
    "deadline": "报送/公开时间",
    "sum": "合计与分项",
    "rate": "比率计算",
    "percent": "比例超过100%",
    "twice": "前后数字不一致",
    "copy": "疑似照抄",
}


@dataclass
class Check:
    kind: str
    message: str
    start: int
    end: int
    figures: list[int] = field(default_factory=list)  # indexes into Extraction.figures
    certain: bool = True
    quote: str = ""  # text[start:end]; the key (with kind) that keeps a decision across re-detection
    detail: dict = field(default_factory=dict)  # kind-specific evidence (e.g. the other report's span)

    @property
    def key(self) -> str:
        """What identifies this finding across re-detection (with ``kind``): the quoted text, or the
        message for findings about something absent (a missing part has no text to quote)."""
        return self.quote or self.message

    def to_json(self) -> dict:
        """The ``extract --json`` form (the documented keys plus ``certain``)."""
        return {"kind": self.kind, "message": self.message, "start": self.start, "end": self.end,
                "figures": list(self.figures), "certain": self.certain}

    def to_dict(self) -> dict:
        return asdict(self)


def make(kind: str, message: str, text: str, start: int, end: int, figures=(), *, certain=True,
         detail: dict | None = None) -> Check:
    start, end = max(0, start), min(len(text), end)
    return Check(kind, message, start, end, sorted(set(figures)), certain, text[start:end],
                 detail or {})


# -- numbers as a reviewer reads them -------------------------------------------------------------

def fmt_num(value) -> str:
    """26 -> "26", 87.4 -> "87.4", 0.873 -> "0.873" (no float noise, no trailing zeros)."""
    if value is None:
        return "?"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value)
    return f"{value:.4f}".rstrip("0").rstrip(".")


def decimals(figure_text: str) -> int:
    """Decimal places as written: "87.4%" -> 1, "100%" -> 0 (decides the rounding tolerance)."""
    m = re.search(r"[0-9][.．]([0-9]+)", fold_width(figure_text))
    return len(m.group(1)) if m else 0


# -- sentences and clauses -------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_END_CHARS = "。！？!?；;\n"
MAX_SENTENCE = 400


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the sentence holding ``pos`` (ends at 。！？； or a line break)."""
    lo = max(0, pos - MAX_SENTENCE)  # a bounded window: rfind of an absent character is O(pos)
    start = max(max(text.rfind(c, lo, pos) for c in _END_CHARS) + 1, lo)
    m = _SENTENCE_END.search(text, pos)
    return start, (m.start() if m else len(text))


_CLAUSE_PUNCT = set("，,。；;：:！!？?\n（()）、")


def lead_phrase(text: str, pos: int, limit: int = 24) -> str:
    """The words right before ``pos`` back to the previous clause break: what a figure counts."""
    start = pos
    while start > 0 and pos - start < limit and text[start - 1] not in _CLAUSE_PUNCT:
        start -= 1
    return text[start:pos]


def is_percent(fig) -> bool:
    return fig.unit in ("%", "％")


def qualified(fig) -> bool:
    """余/多/约/近/以上…: an approximate figure cannot prove arithmetic wrong."""
    return bool(fig.qualifier)
