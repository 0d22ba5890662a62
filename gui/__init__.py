"""PySide6 user interface of 法治报告审阅台 (windows, models, views, workers).

Python's default GIL switch interval (5 ms) is kept. A 1 ms interval once cut the GUI's stalls
while a *thread* parsed PDFs; parsing now runs in a child process, and re-measured
(``bench.bench_gui_responsiveness``, 6 alternating runs each on a loaded 2-core machine) 1 ms no
longer helps: longest block while importing 146 reports 144 vs 178 ms (medians), but while opening
the 15-page PDF 520 vs 330 ms, and 4.1 vs 1.9 s until its highlights showed.
"""
from gui.qt_compat import protect_none

protect_none()  # before any Qt call: see gui/qt_compat.py
