"""PySide6 user interface of 法治报告审阅台 (windows, models, views, workers)."""
import sys

from gui.qt_compat import protect_none

protect_none()  # before any Qt call: see gui/qt_compat.py
# Worker threads (loading a report, export) run Python while the GUI thread waits for the GIL at
# every Qt call; a 1 ms switch interval (default 5 ms) cuts that wait (measured: longest GUI block
# while a thread parsed a PDF 750-1100 ms -> 270-330 ms).
sys.setswitchinterval(0.001)
