"""A copied paragraph beside the other report's: both texts with the matched paragraph marked and
the characters that differ between them (usually the changed numbers and years) marked stronger.

``CopyCompareDialog(left, right)`` takes two ``Side``s (title, text, span); ``compare_copy(store,
report, check)`` builds them for a copy finding (``detail`` names the other report and its span).
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextEdit,
                               QVBoxLayout, QWidget)

from core.errors import ReportError

CONTEXT = 240  # characters shown before and after the paragraph
SAME = QColor(255, 236, 150)
DIFFERENT = QColor(255, 150, 150)


@dataclass
class Side:
    title: str
    text: str
    start: int
    end: int

    def window(self) -> tuple[int, int]:
        return max(0, self.start - CONTEXT), min(len(self.text), self.end + CONTEXT)


def differing_spans(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges of ``a`` and of ``b`` that the other does not share."""
    da, db = [], []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            da.append((i1, i2))
        if j2 > j1:
            db.append((j1, j2))
    return da, db


class CopyCompareDialog(QDialog):
    def __init__(self, left: Side, right: Side, message: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("对照原文：疑似照抄"))
        self.resize(1100, 560)
        self.sides = (left, right)
        diff_l, diff_r = differing_spans(left.text[left.start:left.end],
                                         right.text[right.start:right.end])
        self.views = (self._view(left, diff_l), self._view(right, diff_r))
        self.diff_counts = (len(diff_l), len(diff_r))
        row = QHBoxLayout()
        for side, view in zip(self.sides, self.views, strict=True):
            col = QVBoxLayout()
            title = QLabel(f"<b>{side.title}</b>", self)
            title.setWordWrap(True)
            col.addWidget(title)
            col.addWidget(view, 1)
            box = QWidget(self)
            box.setLayout(col)
            row.addWidget(box, 1)
        lay = QVBoxLayout(self)
        if message:
            msg = QLabel(message, self)
            msg.setWordWrap(True)
            lay.addWidget(msg)
        legend = QLabel(self.tr("黄色：两份报告相同的段落；红色：两段不同的文字（通常是改动的数字和年份）"), self)
        legend.setStyleSheet("color: #555;")
        lay.addWidget(legend)
        lay.addLayout(row, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _view(self, side: Side, diffs: list[tuple[int, int]]) -> QTextEdit:
        view = QTextEdit(self)
        view.setReadOnly(True)
        lo, hi = side.window()
        view.setPlainText(("…" if lo > 0 else "") + side.text[lo:hi] + ("…" if hi < len(side.text) else ""))
        shift = (1 if lo > 0 else 0) - lo  # text offset -> position in the view

        def paint(start: int, end: int, color: QColor) -> None:
            cur = QTextCursor(view.document())
            cur.setPosition(start + shift)
            cur.setPosition(end + shift, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(color)
            cur.mergeCharFormat(fmt)

        paint(side.start, side.end, SAME)
        for a, b in diffs:
            paint(side.start + a, side.start + b, DIFFERENT)
        cur = QTextCursor(view.document())
        cur.setPosition(side.start + shift)
        view.setTextCursor(cur)
        view.ensureCursorVisible()
        return view

    def marked_text(self, side: int) -> str:
        """The marked paragraph of one side (0: this report, 1: the other)."""
        s = self.sides[side]
        return s.text[s.start:s.end]


def compare_copy(store, report, check, parent=None) -> CopyCompareDialog:
    """The dialog for a copy finding of the open ``report`` (raises ``ReportError`` when the other
    report is no longer in the database)."""
    d = check.detail
    other_id = int(d["other_report_id"])
    other = store.get_report(other_id)
    other_text = store.load_document(other_id).text
    s, e = int(d["other_start"]), int(d["other_end"])
    if not (0 <= s < e <= len(other_text)):
        raise ReportError("database", "另一份报告的文字已改变，无法对照。")
    mine = report.record
    left = Side(f"本报告：{mine.org or report.file_name}{mine.year or ''}年度", report.document.text,
                check.start, check.end)
    right = Side(f"对照：{other.org or other.file_name}{other.year or ''}年度（{other.file_name}）",
                 other_text, s, e)
    dlg = CopyCompareDialog(left, right, check.message, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dlg
