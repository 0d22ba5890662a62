"""The shortcut sheet (F1): every review command with its keys, built from the actions."""
from __future__ import annotations

from html import escape

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout


def sheet_html(groups) -> str:
    rows = []
    for title, actions in groups:
        rows.append(f"<tr><th colspan='2' align='left'><br>{escape(title)}</th></tr>")
        for act in actions:
            keys = "　或　".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                                for k in act.shortcuts())
            name = act.text().replace("&", "")
            rows.append(f"<tr><td style='padding-right:24px'>{escape(name)}</td>"
                        f"<td><b>{escape(keys) or '—'}</b></td></tr>")
    return "<table cellspacing='2'>" + "".join(rows) + "</table>"


class ShortcutSheet(QDialog):
    def __init__(self, groups, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("快捷键一览"))
        self.resize(520, 640)
        self.browser = QTextBrowser(self)
        intro = self.tr("不用鼠标审核一份报告：N 转到第一个待审数字，Y 确认并跳到下一个待审数字，"
                        "F2 修改数值，Delete 删除，Ctrl+Z 撤销；全部审完后 Ctrl+Enter 标记为“已审核”。")
        self.browser.setHtml(f"<p>{escape(intro)}</p>" + sheet_html(groups))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)
