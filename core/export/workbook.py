"""The exported .xlsx workbook: which sheets, in which order, from one read snapshot.

To add a sheet, write a function ``(scope: ExportScope) -> Sheet | Iterable[Sheet]`` (see
``core.export.sheet`` for ``Sheet`` and ``Column``) and append it to ``SHEET_BUILDERS``; the tab
order is the list order. It reads through ``scope.stream`` (add a read there for new data) —
inside the export's read transaction, so Store methods that open their own cannot be called.
A builder is called only when the previous sheets are written, and its rows are consumed while
the file is written, so a generator over a cursor keeps memory flat.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path

from core.export.indicator_sheets import indicator_summary_sheet, year_over_year_sheet
from core.export.issue_sheet import issue_sheet
from core.export.review_sheets import detail_sheet, summary_sheet
from core.export.scope import ExportScope
from core.export.sheet import Sheet
from core.export import xlsx_writer
from core.export.xlsx_writer import EXCEL_MAX_ROWS

SheetBuilder = Callable[[ExportScope], "Sheet | Iterable[Sheet]"]
SHEET_BUILDERS: list[SheetBuilder] = [summary_sheet, indicator_summary_sheet, year_over_year_sheet,
                                      detail_sheet, issue_sheet]


def _sheets(scope: ExportScope, builders: Iterable[SheetBuilder]) -> Iterator[Sheet]:
    for build in builders:
        made = build(scope)
        yield from ([made] if isinstance(made, Sheet) else made)


def write_review_xlsx(store, out: Path, *, reviewed_only: bool = False,
                      report_ids: Collection[int] | None = None,
                      builders: Iterable[SheetBuilder] | None = None,
                      max_rows: int = EXCEL_MAX_ROWS) -> None:
    """Write the workbook from one read snapshot, so every sheet agrees with the others."""
    ids = None if report_ids is None else frozenset(report_ids)
    with store.export_stream(reviewed_only) as stream:
        scope = ExportScope(store, stream, reviewed_only, ids)
        xlsx_writer.write_xlsx(out, _sheets(scope, SHEET_BUILDERS if builders is None else builders),
                               max_rows)
