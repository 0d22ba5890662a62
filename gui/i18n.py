"""Qt's own Chinese: message-box buttons (确定/取消/是/否/关闭), the text views' context menu
(复制/全选), the file and folder dialogs. The catalogue ``qtbase_zh_CN.qm`` ships with PySide6;
the frozen build keeps it among Qt's translations (build/reportdesk.spec, ``QT_TRANSLATIONS_KEPT``).
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

CATALOGUE = "qtbase_zh_CN"


def translation_dirs() -> list[Path]:
    """Where ``qtbase_zh_CN.qm`` may be: Qt's own folder, then the frozen program's copy."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # where PyInstaller lays out PySide6 (Linux, Windows), should Qt's path differ
        dirs += [Path(bundle) / "PySide6" / "Qt" / "translations",
                 Path(bundle) / "PySide6" / "translations", Path(bundle) / "translations"]
    return dirs


def install_qt_chinese(app) -> QTranslator | None:
    """Load Qt's Simplified Chinese catalogue into ``app``; None when it cannot be found.

    The translator is parented to ``app`` so it lives as long as the application. The default
    locale is set to zh_CN too: the file dialogs and number formats follow it.
    """
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    for folder in translation_dirs():
        translator = QTranslator(app)
        if translator.load(CATALOGUE, str(folder)):
            app.installTranslator(translator)
            return translator
        translator.deleteLater()
    return None
