"""Paints figure and heading highlights into a QTextDocument as Qt lays its blocks out.

Why not ``QTextEdit.setExtraSelections``: every extra selection needs a ``QTextCursor`` positioned
in the document, and positioning a cursor lays out (shapes) the paragraph it lands in. On a
100,000-character report with 400 figures that cost ~45 ms of the GUI thread before anything was
shown. A ``QSyntaxHighlighter`` only attaches formats to blocks; shaping happens when Qt paints
them, so the cost follows what is on screen. Positions here are QTextDocument (UTF-16) positions.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

Span = tuple[int, int, object]  # (view start, view end, highlight)


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, format_for: Callable[[object], QTextCharFormat]):
        super().__init__(document)
        self._format_for = format_for
        self._spans: list[Span] = []
        self._starts: list[int] = []
        self._longest = 0

    def set_spans(self, spans: list[Span]) -> None:
        """Replace all spans (sorted here) and repaint the document's formats."""
        self._spans = sorted(spans, key=lambda s: (s[0], s[1]))
        self._starts = [s[0] for s in self._spans]
        self._longest = max((e - s for s, e, _ in self._spans), default=0)
        self.rehighlight()

    def replace_span(self, index: int, span: Span) -> None:
        self._spans[index] = span
        self.repaint_range(span[0], span[1])

    def spans(self) -> list[Span]:
        return self._spans

    def repaint_range(self, start: int, end: int) -> None:
        """Re-apply formats to the blocks covering ``[start, end)`` only."""
        block = self.document().findBlock(start)
        while block.isValid() and block.position() <= end:
            self.rehighlightBlock(block)
            block = block.next()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        block = self.currentBlock()
        begin = block.position()
        end = begin + block.length() - 1  # UTF-16 length without the block separator
        # spans are sorted by start; one that begins before this block can reach into it only
        # if it started less than the longest span's length ago
        i = bisect_right(self._starts, begin - self._longest - 1)
        while i < len(self._spans) and self._spans[i][0] < end:
            s, e, item = self._spans[i]
            if e > begin:
                lo, hi = max(s, begin), min(e, end)
                if hi > lo:
                    self.setFormat(lo - begin, hi - lo, self._format_for(item))
            i += 1
