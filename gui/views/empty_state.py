"""What the review area shows while no report is open: what to do next, not empty marks."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

EMPTY_TEXT = (
    "<h3>尚未打开报告</h3>"
    "<p>单击左侧列表中的一份报告即可打开；</p>"
    "<p>或用“文件 → 打开报告”（Ctrl+O）、“导入文件夹”（Ctrl+Shift+O），也可以把 TXT / DOCX / PDF "
    "文件拖到窗口中。</p>"
    "<p>按 F1 查看全部快捷键。</p>"
)


class EmptyState(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel(self.tr(EMPTY_TEXT), self)
        self.label.setObjectName("emptyState")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #555; font-size: 11pt;")
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(self.label)
        lay.addStretch(2)
