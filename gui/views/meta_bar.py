"""The report's metadata (body, year, date, document number, title) with a 修改… button, and the
four required parts."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.extraction import PART_KINDS, PART_LABELS, Meta

PRESENT_STYLE = "color: #1e8c3c; font-weight: bold;"
MISSING_STYLE = "color: #c82828; font-weight: bold;"


class MetaBar(QWidget):
    editRequested = Signal()  # the reviewer wants to correct the metadata

    def __init__(self, parent=None):
        super().__init__(parent)
        self._labels: dict[str, QLabel] = {}
        self._parts: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        for key in ("org", "year", "published", "doc_number"):
            lab = QLabel(self)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._labels[key] = lab
            row.addWidget(lab)
        row.addStretch(1)
        self.edit_button = QPushButton(self.tr("修改…"), self)
        self.edit_button.setToolTip(self.tr("修改单位、年度、日期、文号和标题（可撤销）"))
        self.edit_button.clicked.connect(self.editRequested)
        row.addWidget(self.edit_button)
        outer.addLayout(row)
        self._title = QLabel(self)
        self._title.setWordWrap(True)
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self._title)
        self._file = QLabel(self)
        self._file.setStyleSheet("color: #555;")
        outer.addWidget(self._file)
        parts = QHBoxLayout()
        parts.addWidget(QLabel(self.tr("必备部分："), self))
        for kind in PART_KINDS:
            lab = QLabel(self)
            self._parts[kind] = lab
            parts.addWidget(lab)
        parts.addStretch(1)
        outer.addLayout(parts)
        self.set_report(None, [], "")

    def set_report(self, meta: Meta | None, missing_parts: list[str], file_text: str) -> None:
        m = meta or Meta()
        none = self.tr("未识别")
        self._labels["org"].setText(self.tr("单位：") + f"<b>{m.org or none}</b>")
        self._labels["year"].setText(self.tr("年度：") + f"<b>{m.year or none}</b>")
        self._labels["published"].setText(self.tr("日期：") + f"<b>{m.published or '—'}</b>")
        self._labels["doc_number"].setText(self.tr("文号：") + f"<b>{m.doc_number or '—'}</b>")
        self._labels["title"] = self._title
        self._title.setText(self.tr("标题：") + f"<b>{m.title or none}</b>")
        self._file.setText(file_text)
        for kind, lab in self._parts.items():
            present = meta is not None and kind not in missing_parts
            mark = "✓" if present else "✗"
            lab.setText(f"{mark} {self.tr(PART_LABELS[kind])}")
            lab.setStyleSheet(PRESENT_STYLE if present else MISSING_STYLE)
            lab.setProperty("present", present)
            lab.setToolTip(self.tr("已找到") if present else self.tr("报告缺少此部分"))

    def part_states(self) -> dict[str, bool]:
        """kind → present (what the marks show)."""
        return {k: bool(lab.property("present")) for k, lab in self._parts.items()}

    def field_text(self, key: str) -> str:
        return self._labels[key].text()

    def show_part_evidence(self, evidence) -> None:
        """Marks from ``core.checks.parts_content`` evidence: a part covered by a paragraph is ✓
        too, and every mark says why (the heading, or the paragraph and its words)."""
        for ev in evidence:
            lab = self._parts.get(ev.kind)
            if lab is None:  # the optional fifth part has no mark
                continue
            by_text = self.tr("（据正文）") if ev.how == "content" else ""
            lab.setText(f"{'✓' if ev.present else '✗'} {self.tr(PART_LABELS[ev.kind])}{by_text}")
            lab.setStyleSheet(PRESENT_STYLE if ev.present else MISSING_STYLE)
            lab.setProperty("present", ev.present)
            lab.setToolTip(ev.why if ev.present else self.tr("报告缺少此部分：") + ev.why)

    def part_tooltip(self, kind: str) -> str:
        return self._parts[kind].toolTip()
