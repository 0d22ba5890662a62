"""Qt-free core of 法治报告审阅台: importers, detectors, store and export.

Nothing below this package may import PySide6 or ``gui`` (tests/core/test_no_qt.py checks it).
"""
