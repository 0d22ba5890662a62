"""Start the Qt application and show the main window."""
from __future__ import annotations

import sys


def run_app(files: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    from gui.startup_db import open_source

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_app(app)  # before the database dialog: its buttons are Chinese too
    # a corrupt / foreign / newer database: a Chinese choice, never a traceback
    source = open_source()
    if source is None:
        return 1
    window = MainWindow(source)
    window.show()
    QTimer.singleShot(0, lambda: window.start(files))  # the window paints first
    rc = app.exec()
    return shutdown(rc)


def configure_app(app) -> None:
    """Names (for QSettings) and Qt's own Chinese texts (buttons, context menus, dialogs)."""
    from gui.i18n import install_qt_chinese

    app.setApplicationName("法治报告审阅台")
    app.setOrganizationName("ReportDesk")
    install_qt_chinese(app)


def shutdown(rc: int) -> int:
    """Let background work finish (every task commits its own transaction) before exiting."""
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(3000)
    return rc
