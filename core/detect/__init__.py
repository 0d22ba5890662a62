"""Detection: outline (headings and required parts), metadata and figures of one report text.

``detect(text, source, fmt)`` is the single entry point (core.analysis calls it). Every offset is a
Python ``str`` index into ``text`` as given.
"""
from __future__ import annotations

from bisect import bisect_right

from core.detect.glyph_fold import fold_glyphs as _fold, requote as _requote
from core.extraction import PART_LABELS, Extraction, Figure, Section

__all__ = ["detect", "assign_sections"]


def _find_figures(text: str) -> list[Figure]:
    from core.detect.figures import find_figures

    return list(find_figures(text))


def assign_sections(figures: list[Figure], sections: list[Section]) -> None:
    """Figure.section = index of the innermost section whose content holds the figure.

    A section's content runs from its start to the next section at the same or a higher level, so for
    properly ordered headings the innermost one is the last heading starting at or before the figure.
    """
    starts = [s.start for s in sections]
    for f in figures:
        i = bisect_right(starts, f.start) - 1
        f.section = i if i >= 0 else None


def detect(text: str, source: str = "", fmt: str = "txt") -> Extraction:
    from core.detect.meta import find_meta
    from core.detect.outline import find_sections
    from core.detect.parts import classify_sections, missing_parts

    text = text if isinstance(text, str) else ""
    if (folded := _fold(text)) is not text:  # Kangxi radicals etc.: detect on folded text, quote the original
        return _requote(detect(folded, source, fmt), text)
    meta, _ = find_meta(text, find_sections(text), source)
    sections = find_sections(text, meta.year)
    classify_sections(sections, meta.year)
    if meta.year is None:
        meta, _ = find_meta(text, sections, source)
    figures = sorted(_find_figures(text), key=lambda f: (f.start, f.end))
    assign_sections(figures, sections)
    ext = Extraction(source=source, format=fmt, text=text, meta=meta, sections=sections,
                     missing_parts=missing_parts(sections), figures=figures)
    w = ext.warnings
    if not sections:
        w.append("未识别到提纲标题（一、（一）1.），无法判断必备部分")
    for k in ext.missing_parts:
        w.append(f"缺少必备部分：{PART_LABELS[k]}")
    for s in sections:
        if s.level == 1 and s.marker in ("", "、", ",", "，", ".", "．"):
            w.append(f"一级标题编号缺失或残缺：{s.marker}{s.title}")
    if text.strip():
        if not meta.org:
            w.append("未识别到报告单位")
        if not meta.year:
            w.append("未识别到报告年度")
    return ext
