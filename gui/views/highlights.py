"""Review statuses and their highlight colours — the one place that decides them.

Status keys are ``core.domain.FigureStatus`` (the strings stored in the database); the label
shown is the key, passed through ``tr()``.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from core.domain import FIGURE_STATUSES as STATUSES  # noqa: F401 - the status order, for views
from core.domain import FigureStatus

PENDING, CONFIRMED, EDITED, DELETED, ADDED = FigureStatus

# (red, green, blue): translucent fills on the original, the same hue as solid swatches elsewhere
_RGB = {
    PENDING: (255, 196, 0),  # amber: needs a look
    CONFIRMED: (46, 170, 80),  # green
    EDITED: (40, 120, 230),  # blue
    DELETED: (150, 150, 150),  # grey
    ADDED: (185, 120, 235),  # light purple: dark text on it stays readable
}
FILL_ALPHA = 90
FLASH_ALPHA = 200
# the figure selected in the table: a strong blue frame that no status colour uses
SELECTED_OUTLINE = QColor(20, 90, 210)
HEADING_OUTLINE = QColor(200, 40, 40)


def status_label(status: str) -> str:
    return QCoreApplication.translate("status", status)


def status_color(status: str, alpha: int = 255) -> QColor:
    """Colour of ``status``; ``alpha`` 0–255 (use FILL_ALPHA for highlight boxes)."""
    r, g, b = _RGB.get(status, (255, 196, 0))
    return QColor(r, g, b, alpha)


def fill_color(status: str, flashing: bool = False) -> QColor:
    return status_color(status, FLASH_ALPHA if flashing else FILL_ALPHA)


class Highlight:
    """One highlighted span of the text: a figure (``id``) or a heading (``id`` < 0)."""

    __slots__ = ("id", "start", "end", "status", "tooltip", "heading")

    def __init__(self, id: int, start: int, end: int, status: str = PENDING, tooltip: str = "",
                 heading: bool = False):
        self.id = id
        self.start = start
        self.end = end
        self.status = status
        self.tooltip = tooltip
        self.heading = heading


def figure_at(highlights: list[Highlight], offset: int) -> Highlight | None:
    """The figure highlight covering text ``offset`` (headings ignored); None if none."""
    for h in highlights:
        if not h.heading and h.start <= offset < h.end:
            return h
    return None
