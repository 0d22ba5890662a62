"""What an exported sheet is: a title, typed columns and an iterator of rows.

A new sheet (指标汇总, 同比, 问题清单 …) is a function that returns a ``Sheet``; the .xlsx writer
handles formats, print set-up and streaming, so a sheet module never touches spreadsheet details::

    Sheet("问题清单",
          [Column("报告单位", 24), Column("问题", 60, WRAP), Column("发现日期", 12, DATE)],
          rows=((org, problem, day) for org, problem, day in query))

Rows are consumed once, in order, while the file is written: pass a generator over a database
cursor, not a list, and memory stays flat however large the archive is.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Column kinds. The writer maps each to a cell type and a number format.
TEXT = "text"          # a string cell, never a formula (report text is untrusted)
WRAP = "wrap"          # a string cell with wrapped lines (long text: sentences, section paths)
INTEGER = "integer"    # 12,345
NUMBER = "number"      # 12,345.6 — as many decimals as the value has (up to 6)
CODE = "code"          # a plain integer without separators: year, page number, 序号
PERCENT = "percent"    # a fraction shown as 98.5%
DATE = "date"          # a real date (from date, datetime or an ISO string)
DATETIME = "datetime"  # a real date and time (from datetime or an ISO string)
KINDS = frozenset({TEXT, WRAP, INTEGER, NUMBER, CODE, PERCENT, DATE, DATETIME})


@dataclass(frozen=True)
class Column:
    header: str
    width: float = 12  # Excel character units (a CJK character counts about 2)
    kind: str = TEXT

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


@dataclass
class Sheet:
    """One sheet of the workbook.

    ``title``: the tab name (a sheet longer than Excel's row limit continues in ``title2``,
    ``title3`` …, each with the header row). ``caption``: an optional line above the header (e.g.
    "2024年度 各单位指标汇总"), printed on the first page. ``rows``: one sequence per row, one value
    per column (None or "" leaves the cell empty). A value that does not fit its column's kind
    (text in a number column) is written as text.
    """
    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence]
    caption: str | None = None

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]
