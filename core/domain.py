"""Domain words defined once: figure statuses, report review states, the reviewer's fields and
the file types the importers read. Everything else (store, export, GUI, CLI) imports them here.

The enums are ``StrEnum`` whose values are the strings stored in the database, so a member
compares equal to the stored text and binds to SQLite as that text (no migration needed).
"""
from __future__ import annotations

from enum import StrEnum


class FigureStatus(StrEnum):
    PENDING = "待审"
    CONFIRMED = "已确认"
    MODIFIED = "已修改"
    DELETED = "已删除"
    MANUAL = "人工新增"


class ReviewState(StrEnum):
    UNREVIEWED = "未审"
    IN_REVIEW = "审核中"
    REVIEWED = "已审核"


FIGURE_STATUSES: tuple[str, ...] = tuple(FigureStatus)
REVIEW_STATES: tuple[str, ...] = tuple(ReviewState)
# Statuses an export with ``reviewed_only`` keeps: a human looked and the figure stands.
REVIEWED_STATUSES = (FigureStatus.CONFIRMED, FigureStatus.MODIFIED, FigureStatus.MANUAL)
# The reviewed fields of a figure a reviewer may edit (detected values are kept apart as det_*)
REVIEW_FIELDS = ("value", "unit", "qualifier", "subject")
# The report fields a reviewer may correct
META_FIELDS = ("org", "year", "published", "doc_number", "title")
# File types the importers read (lower case, with the dot)
SUFFIXES = (".txt", ".docx", ".pdf")
