"""PySide6 user interface of 法治报告审阅台 (windows, models, views, workers)."""
