"""Opening the review database when the window starts, without dying on a bad file.

The default database (or the one chosen last time) may be corrupt, another program's SQLite
file, or written by a newer version. The store refuses such a file untouched; here the reviewer
is told why, in Chinese, and chooses: open another database file, create a new one, or quit.
The refused file is never moved, renamed or changed — it is simply not used. The choice is
remembered, so the next start opens the file that worked.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core.errors import ReportError
from core.paths import data_dir
from gui import settings

KEY = "database/path"
# ask(Chinese reason, refused path) -> ("open", path) | ("new", path or None) | None to quit
Ask = Callable[[str, Path | None], "tuple[str, Path | None] | None"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("StartupDatabase", text)


def remembered_path() -> Path | None:
    value = settings.app_settings().value(KEY, "")
    return Path(str(value)) if value else None


def remember(path: Path | None) -> None:
    s = settings.app_settings()
    if path is None:
        s.remove(KEY)
    else:
        s.setValue(KEY, str(path))
    s.sync()


def new_database_path() -> Path:
    """A fresh file beside the default one; the refused file keeps its name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = data_dir() / f"reports-{stamp}.sqlite3"
    n = 2
    while path.exists():
        path = data_dir() / f"reports-{stamp}-{n}.sqlite3"
        n += 1
    return path


def open_source(ask: Ask | None = None, opener=None):
    """The window's ``StoreReportSource``; None when the reviewer chose to quit."""
    if opener is None:
        from gui.store_source import StoreReportSource as opener
    ask = ask or dialog_ask(None)
    path = remembered_path()
    while True:
        try:
            source = opener(path)
        except ReportError as exc:
            answer = ask(exc.message, path)
            if answer is None:
                return None
            action, chosen = answer
            path = chosen if action == "open" else (chosen or new_database_path())
            continue
        if path is not None or remembered_path() is not None:
            remember(path)
        return source


def dialog_ask(parent: QWidget | None) -> Ask:
    """The real question: a message box, then a file dialog for "open another"."""

    def ask(reason: str, refused: Path | None) -> tuple[str, Path | None] | None:
        while True:
            box = QMessageBox(QMessageBox.Icon.Warning, _tr("无法打开数据库"),
                              _tr("审阅台无法使用这个数据库：\n{0}\n\n原文件不会被改动、移动或删除。"
                                  "请选择另一个数据库文件，或新建一个空的数据库。").format(reason),
                              QMessageBox.StandardButton.NoButton, parent)
            box.setObjectName("startupDatabaseBox")
            other = box.addButton(_tr("选择其他数据库…"), QMessageBox.ButtonRole.AcceptRole)
            new = box.addButton(_tr("新建数据库"), QMessageBox.ButtonRole.AcceptRole)
            quit_ = box.addButton(_tr("退出"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(new)
            box.setEscapeButton(quit_)
            box.exec()
            clicked = box.clickedButton()
            if clicked is new:
                return "new", None
            if clicked is other:
                name, _ = QFileDialog.getOpenFileName(
                    parent, _tr("选择数据库文件"), str(data_dir()),
                    _tr("审阅台数据库 (*.sqlite3 *.db);;所有文件 (*)"))
                if name:
                    return "open", Path(name)
                continue  # cancelled the file dialog: ask again
            return None

    return ask
