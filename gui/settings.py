"""QSettings for window layout and recent files (domain data lives in SQLite, never here).

With ``REPORTDESK_HOME`` set (tests, portable use) the settings are an INI file in that folder.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_MAX = 10


def app_settings() -> QSettings:
    home = os.environ.get("REPORTDESK_HOME")
    if home:
        Path(home).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(home) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings("ReportDesk", "ReportDesk")


def recent_files() -> list[str]:
    value = app_settings().value("recentFiles", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or [])]


def add_recent_files(paths: list[str]) -> list[str]:
    files = recent_files()
    for p in paths:
        p = str(Path(p).resolve())
        if p in files:
            files.remove(p)
        files.insert(0, p)
    files = files[:RECENT_MAX]
    app_settings().setValue("recentFiles", files)
    return files
