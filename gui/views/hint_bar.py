"""A one-line hint across the top of the window (first start: what to do), with a close button."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton


class HintBar(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("hintBar")
        self.setStyleSheet("#hintBar { background: #fff6d5; border-bottom: 1px solid #e0c86e; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("关闭提示"))
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 3, 4, 3)
        lay.addWidget(self.label, 1)
        lay.addWidget(close)
        self.hide()

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.show()
