"""Qt's own texts are Chinese (message-box buttons, the text views' context menu), OS errors read
in Chinese first, folder import skips hidden and Word lock files."""
from __future__ import annotations

import errno

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit

from gui.app import configure_app
from gui.error_text import describe_error
from gui.workers.import_task import expand_paths


def test_message_box_and_context_menu_are_chinese(qapp):
    configure_app(qapp)
    try:
        box = QMessageBox(QMessageBox.Icon.Question, "标题", "正文",
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        assert sorted(b.text() for b in box.buttons()) == sorted(["确定", "取消"])
        yes_no = QMessageBox(QMessageBox.Icon.Question, "标题", "正文",
                             QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                             | QMessageBox.StandardButton.Close)
        texts = " ".join(b.text() for b in yes_no.buttons())
        assert "是" in texts and "否" in texts and "关闭" in texts
        editor = QPlainTextEdit()
        menu = editor.createStandardContextMenu()
        labels = " ".join(a.text() for a in menu.actions())
        assert "复制" in labels and "全选" in labels and "Copy" not in labels
    finally:
        for t in qapp.findChildren(QTranslator):  # other tests expect Qt's defaults
            QApplication.removeTranslator(t)


def test_os_errors_read_chinese_first():
    msg = describe_error(OSError(errno.ENOSPC, "No space left on device"))
    assert msg.startswith("磁盘空间已满") and "No space left on device" in msg
    assert describe_error(FileExistsError(errno.EEXIST, "File exists")).startswith("同名文件已存在")


def test_folder_import_skips_hidden_and_lock_files(tmp_path):
    for name in ("a.txt", ".hidden.txt", "~$b.docx", "c.docx"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_bytes(b"x")
    names = sorted(p.rsplit("/", 1)[-1] for p in expand_paths([str(tmp_path)]))
    assert names == ["a.txt", "c.docx"]
