"""The main window opens and closes offscreen."""
from gui.main_window import MainWindow


def test_main_window_opens_and_closes(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "法治报告审阅台"
    assert window.close()
