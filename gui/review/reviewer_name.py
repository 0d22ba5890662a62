"""The reviewer's name: asked once, kept in QSettings, written with every decision."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from gui import settings

KEY = "review/reviewerName"

AskName = Callable[[], "str | None"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewerName", text)


def stored_name() -> str:
    value = settings.app_settings().value(KEY, "")
    return str(value or "").strip()


def store_name(name: str) -> None:
    s = settings.app_settings()
    s.setValue(KEY, name.strip())
    s.sync()


def dialog_asker(parent: QWidget | None) -> AskName:
    """A function asking the name in a small dialog (None when cancelled)."""

    def ask() -> str | None:
        name, ok = QInputDialog.getText(
            parent, _tr("审核人"), _tr("请输入审核人姓名（记录在每一条审核决定中）："),
            QLineEdit.EchoMode.Normal, stored_name())
        return name.strip() if ok and name.strip() else None

    return ask


class ReviewerName:
    """``get()`` returns the stored name, asking once (through ``ask``) when there is none."""

    def __init__(self, ask: AskName):
        self.ask = ask

    def get(self) -> str | None:
        name = stored_name()
        if name:
            return name
        name = self.ask()
        if name:
            store_name(name)
        return name or None

    def change(self) -> str | None:
        """Ask again (menu 审核 → 更改审核人)."""
        name = self.ask()
        if name:
            store_name(name)
        return name or stored_name() or None
