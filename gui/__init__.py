"""PySide6 user interface of 法治报告审阅台 (windows, models, views, workers)."""
from gui.qt_compat import protect_none

protect_none()  # before any Qt call: see gui/qt_compat.py
