"""Column headers for the models: ``HEADERS`` on the class gives the column count and titles."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt


class HeadersMixin:
    """Mixed into a QAbstractItemModel subclass that defines ``HEADERS`` (Chinese titles)."""

    HEADERS: tuple[str, ...] = ()

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None
