"""The window starts on a corrupt, foreign or newer default database: a Chinese choice, the old
file untouched, never a traceback."""
import hashlib
import sqlite3

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core.paths import default_db_path
from core.store import Store, schema
from gui import startup_db
from gui.main_window import MainWindow


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _corrupt_default():
    path = default_db_path()
    path.write_bytes(b"not a database at all " * 100)
    return path


def _newer_default():
    path = default_db_path()
    with Store(path) as store:
        store.conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    return path


def _foreign_default():
    path = default_db_path()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path


class Script:
    def __init__(self, *answers):
        self.answers = list(answers)
        self.reasons = []

    def __call__(self, reason, path):
        self.reasons.append(reason)
        return self.answers.pop(0)


@pytest.mark.parametrize("make, words", [(_corrupt_default, "不是审阅台数据库"),
                                         (_newer_default, "更新版本"),
                                         (_foreign_default, "其他程序")])
def test_new_database_chosen_old_file_untouched(qtbot, make, words):
    bad = make()
    before = _digest(bad)
    ask = Script(("new", None))
    source = startup_db.open_source(ask)
    assert source is not None
    assert words in ask.reasons[0] and "Traceback" not in ask.reasons[0]
    assert _digest(bad) == before and bad.exists()
    new_path = startup_db.remembered_path()
    assert new_path is not None and new_path != bad and new_path.exists()
    window = MainWindow(source)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.source.list_reports() == []
    window.close()
    # the next start opens the new database without asking
    again = startup_db.open_source(Script())
    assert again is not None and str(again.db_path) == str(new_path)
    assert _digest(bad) == before


def test_open_another_file_and_quit(qtbot, tmp_path):
    bad = _corrupt_default()
    good = tmp_path / "good.sqlite3"
    Store(good).close()
    missing_then_good = Script(("open", tmp_path / "corrupt-too.sqlite3"), ("open", good))
    (tmp_path / "corrupt-too.sqlite3").write_bytes(b"x" * 5000)
    source = startup_db.open_source(missing_then_good)
    assert source is not None and str(source.db_path) == str(good)
    assert len(missing_then_good.reasons) == 2
    startup_db.remember(None)
    assert startup_db.open_source(Script(None)) is None  # 退出
    assert bad.exists()


def test_real_dialog_offers_the_three_choices(qtbot):
    bad = _corrupt_default()
    before = _digest(bad)
    seen = []

    def click_new():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click_new)
            return
        seen.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        [b for b in box.buttons() if b.text() == "新建数据库"][0].click()

    QTimer.singleShot(50, click_new)
    source = startup_db.open_source()
    assert source is not None
    title, text, buttons = seen[0]
    assert title == "无法打开数据库" and "不会被改动" in text
    assert sorted(buttons) == sorted(["选择其他数据库…", "新建数据库", "退出"])
    assert _digest(bad) == before
