"""Outline tree of the detected sections (levels nest); required parts carry a mark."""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from core.extraction import PART_KINDS, PART_LABELS, Section
from gui.models.headers import HeadersMixin

COL_TITLE, COL_PART = range(2)
SECTION_ROLE = Qt.ItemDataRole.UserRole + 1  # the Section
SECTION_INDEX_ROLE = Qt.ItemDataRole.UserRole + 2  # index into the report's sections


class _Node:
    __slots__ = ("index", "section", "parent", "children")

    def __init__(self, index: int, section: Section | None, parent: _Node | None):
        self.index = index
        self.section = section
        self.parent = parent
        self.children: list[_Node] = []


class OutlineModel(HeadersMixin, QAbstractItemModel):
    HEADERS = ("提纲", "必备部分")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._root = _Node(-1, None, None)
        self._sections: list[Section] = []

    def set_sections(self, sections: list[Section]) -> None:
        self.beginResetModel()
        self._sections = list(sections)
        self._root = _Node(-1, None, None)
        stack: list[tuple[int, _Node]] = [(0, self._root)]
        for i, s in enumerate(sections):
            while len(stack) > 1 and stack[-1][0] >= s.level:
                stack.pop()
            parent = stack[-1][1]
            node = _Node(i, s, parent)
            parent.children.append(node)
            stack.append((s.level, node))
        self.endResetModel()

    def descendants(self, section_index: int) -> set[int]:
        """``section_index`` and every section nested in it."""
        node = self._find(self._root, section_index)
        out: set[int] = set()
        todo = [node] if node else []
        while todo:
            n = todo.pop()
            out.add(n.index)
            todo += n.children
        return out

    def index_of_section(self, section_index: int) -> QModelIndex:
        node = self._find(self._root, section_index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.children.index(node), 0, node)

    def _find(self, node: _Node, idx: int) -> _Node | None:
        if node.index == idx:
            return node
        for c in node.children:
            found = self._find(c, idx)
            if found:
                return found
        return None

    # Qt model API
    def index(self, row, column, parent=QModelIndex()):
        pnode = parent.internalPointer() if parent.isValid() else self._root
        if 0 <= row < len(pnode.children) and 0 <= column < 2:
            return self.createIndex(row, column, pnode.children[row])
        return QModelIndex()

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        node: _Node = index.internalPointer()
        p = node.parent
        if p is None or p is self._root:
            return QModelIndex()
        return self.createIndex(p.parent.children.index(p), 0, p)

    def rowCount(self, parent=QModelIndex()):
        if parent.isValid() and parent.column() != 0:
            return 0
        node = parent.internalPointer() if parent.isValid() else self._root
        return len(node.children)

    def columnCount(self, parent=QModelIndex()):
        return 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        s = node.section
        if role == SECTION_ROLE:
            return s
        if role == SECTION_INDEX_ROLE:
            return node.index
        required = s.kind in PART_KINDS
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == COL_TITLE:
                return f"{s.marker}{s.title}"
            if required:
                return "✓ " + self.tr(PART_LABELS[s.kind])
            return ""
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COL_PART and required:
            return QColor(30, 140, 60)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{s.marker}{s.title}"
        return None
