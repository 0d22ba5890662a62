"""Shared helpers of the GUI tests."""
from __future__ import annotations

from tests.conftest import FIXTURES, SEEDS

PDF = FIXTURES / "003_lanzhou.pdf"
DOCX = FIXTURES / "004_jiulongpo_tables.docx"
TXT = SEEDS / "000_fae492f318547c6d.txt"
BAD_DOCX = FIXTURES / "002_qingcheng_truncated.docx"


def open_report(qtbot, window, path) -> None:
    """Import ``path`` through the window and wait until it is shown."""
    with qtbot.waitSignal(window.reportOpened, timeout=30000):
        assert window.import_paths([str(path)])
