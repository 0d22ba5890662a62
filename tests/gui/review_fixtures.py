"""Fixtures of the review-workflow tests: a window on a fresh database with the reviewer's name
set, questions answered by the test, a report imported and shown."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow
from gui.review.answers import Answers as WindowAnswers
from gui.review.reviewer_name import store_name

REVIEWER = "张审核"


class Answers:
    """Scripted answers to the window's questions (and a record of what was asked)."""

    def __init__(self):
        self.yes = True
        self.asked: list[str] = []
        self.section = (2, None)

    def yes_no(self, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.yes

    def section_answer(self, heading: str, level: int, kind):
        self.asked.append(heading)
        return self.section


def make_window(qtbot, answers: Answers) -> MainWindow:
    # the questions are answered by the test; the name is in the settings already
    w = MainWindow(answers=WindowAnswers(name=lambda: None, yes_no=answers.yes_no,
                                   section=answers.section_answer))
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitActive(w)
    return w


def activate(qtbot, window) -> None:
    """Make the window active again (an import's progress dialog may have taken it)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def open_path(qtbot, window, path) -> None:
    with qtbot.waitSignal(window.reportOpened, timeout=30000):
        assert window.import_paths([str(path)])
    qtbot.waitUntil(lambda: not window.imports.busy(), timeout=30000)
    activate(qtbot, window)


def open_id(qtbot, window, report_id: int) -> None:
    with qtbot.waitSignal(window.reportOpened, timeout=30000):
        window.open_report(report_id)
    activate(qtbot, window)


@pytest.fixture
def answers():
    return Answers()


@pytest.fixture
def rwindow(qtbot, answers):
    store_name(REVIEWER)
    w = make_window(qtbot, answers)
    yield w
    w.imports.cancel()


def store_of(window):
    return window.source.store()


def press(qtbot, window, key, modifier=None, times: int = 1) -> int:
    """Key presses sent to whatever has the focus (as a reviewer would type); returns ``times``."""
    from PySide6.QtCore import Qt

    mod = modifier if modifier is not None else Qt.KeyboardModifier.NoModifier
    for _ in range(times):
        target = QApplication.focusWidget() or window
        qtbot.keyClick(target, key, mod)
    return times
