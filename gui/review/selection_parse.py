"""Reading a figure out of text the reviewer selected in the original (no Qt here).

``propose(text, start, end)`` parses value, unit and qualifier from ``text[start:end]`` the way
detection reads a report (``core.detect.figures``), with a plain-number fallback, and proposes a
subject from the sentence. ``expand(text, start, end)`` grows a too-short selection to the whole
number expression around it — used only when the reviewer asks for it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.errors import ReportError
from core.store.values import parse_value

_WINDOW = 40  # characters either side searched when expanding
_NUMBER_CHARS = re.compile(r"[0-9０-９.,．零〇一二两三四五六七八九十百千万亿]")
_VALUE_RE = re.compile(
    r"[+-]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?[十百千万亿]*"
    r"|[零〇一二两三四五六七八九十百千万亿点]+")


@dataclass
class Proposal:
    start: int
    end: int
    value: float | int
    unit: str | None = None
    qualifier: str | None = None
    subject: str | None = None


def _detected(text: str, start: int, end: int):
    """The detector's figures in ``text[start:end]`` (offsets made absolute)."""
    try:
        from core.detect.figures import find_figures
    except ImportError:  # pragma: no cover - detection not installed
        return []
    out = []
    for f in find_figures(text[start:end]):
        f.start += start
        f.end += start
        out.append(f)
    return out


def _subject(text: str, start: int, end: int) -> str | None:
    try:
        from core.detect.subject import subject_for

        return subject_for(text, start, end) or None
    except Exception:  # noqa: BLE001 - a subject is only a suggestion
        return None


def propose(text: str, start: int, end: int) -> Proposal:
    """Value, unit and qualifier of the selection; raises ``ReportError('value')`` when the
    selection holds no number."""
    figures = _detected(text, start, end)
    if figures:
        f = figures[0]
        return Proposal(start, end, f.value, f.unit or None, f.qualifier,
                        _subject(text, start, end))
    quote = text[start:end]
    m = _VALUE_RE.search(quote)
    if not m or not m.group().strip("点"):
        raise ReportError("value", f"所选文字“{quote[:20]}”中没有数字。")
    value = parse_value(m.group())
    unit = quote[m.end():].strip(" \u3000，,。；;、：:") or None
    return Proposal(start, end, value, unit[:8] if unit else None, None,
                    _subject(text, start, end))


def expand(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole number expression (qualifier, number, magnitude, unit) that overlaps
    ``[start, end)``; the selection unchanged when there is none."""
    lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    for f in _detected(text, lo, hi):
        if f.start < max(end, start + 1) and f.end > start:
            return min(f.start, start), max(f.end, end)
    # no detected figure: the run of number characters touching the selection
    s, e = start, max(end, start)
    while s > 0 and _NUMBER_CHARS.match(text[s - 1]):
        s -= 1
    while e < len(text) and _NUMBER_CHARS.match(text[e]):
        e += 1
    try:
        from core.detect.units import match_unit

        unit = match_unit(text, e)
        if unit:
            e += len(unit[0])
    except ImportError:  # pragma: no cover
        pass
    return (s, e) if e > s else (start, end)
