"""Write ``Sheet``s to a formatted, print-ready .xlsx, streaming rows to disk.

XlsxWriter in ``constant_memory`` mode flushes each row to a temporary file as soon as the next
row starts, so memory stays flat however many rows there are (the earlier hand-built sheet XML
peaked at 6.1 GB for 5,000 reports). Measured against that hand-written writer on the 146-report
corpus it is as fast or faster, so the library is used (see README, 测量结果).

Every sheet gets: bold shaded header row, column widths, frozen header, autofilter, landscape A4
fitted to one page wide, the header row repeated on every printed page, page numbers in the
footer. Strings are always written with ``write_string`` — never read as formulas or links.
A sheet longer than Excel's row limit continues in ``title2``, ``title3`` … with the header.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from pathlib import Path

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from core.export.sheet import (CODE, DATE, DATETIME, INTEGER, NUMBER, PERCENT, WRAP, Column,
                               Sheet)

EXCEL_MAX_ROWS = 1_048_576
_MAX_CELL_CHARS = 32_767  # Excel's limit for one cell
_BASE = {"font_name": "宋体", "font_size": 10, "valign": "top", "border": 1, "border_color": "#BFBFBF"}
_NUMBER_FORMATS = {INTEGER: "#,##0", CODE: "0", PERCENT: "0.0%", DATE: "yyyy-mm-dd",
                   DATETIME: "yyyy-mm-dd hh:mm"}
_MAX_DECIMALS = 6
_LINE_HEIGHT = 12.75  # points per line of 10-point text
_MAX_LINES = 12  # a run-on heading or sentence is cut in print rather than fill a page


class _Formats:
    """XlsxWriter formats, created once per workbook."""

    def __init__(self, book: xlsxwriter.Workbook):
        self.header = book.add_format({**_BASE, "bold": True, "bg_color": "#DDEBF7", "align": "center",
                                       "valign": "vcenter", "text_wrap": True})
        self.caption = book.add_format({"font_name": "黑体", "font_size": 14, "bold": True})
        self.text = book.add_format(_BASE)
        self.wrap = book.add_format({**_BASE, "text_wrap": True})
        self.kinds = {k: book.add_format({**_BASE, "num_format": f}) for k, f in _NUMBER_FORMATS.items()}
        # NUMBER: the decimals a value has, so 12.5 shows "12.5" and 15000 shows "15,000"
        self.decimals = [book.add_format({**_BASE, "num_format": "#,##0" + ("." + "0" * d if d else "")})
                         for d in range(_MAX_DECIMALS + 1)]


def _decimals(value: float) -> int:
    if float(value).is_integer():
        return 0
    text = f"{value:.{_MAX_DECIMALS}f}".rstrip("0")
    return len(text) - text.index(".") - 1


def _as_datetime(value) -> dt.datetime | dt.date | None:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)  # Excel has no time zones: keep the local wall time
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()).replace(tzinfo=None)
        except ValueError:
            return None
    return None


def _missing(value) -> bool:
    """None, NaN or pandas.NA (pandas.NA refuses ``bool()``)."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except TypeError:
        return True


def _clean(s: str) -> str:
    # XlsxWriter escapes control characters itself; these two are not characters at all in XML.
    if "\ufffe" in s or "\uffff" in s:
        s = s.replace("\ufffe", "").replace("\uffff", "")
    return s if len(s) <= _MAX_CELL_CHARS else s[:_MAX_CELL_CHARS]


def _cell_writer(column: Column, fmt: _Formats):
    """A function (worksheet, row, col, value) writing one cell of this column's kind.

    Hot loop (one call per cell): plain strings take the shortest path.
    """
    text_fmt = fmt.wrap if column.kind == WRAP else fmt.text

    def put_text(ws, r, c, value):
        if value.__class__ is not str:
            if _missing(value):
                return
            value = str(value)
        if value:
            ws.write_string(r, c, _clean(value), text_fmt)

    if column.kind in (DATE, DATETIME):
        date_fmt = fmt.kinds[column.kind]

        def put_date(ws, r, c, value):
            when = _as_datetime(value)
            if when is None:
                put_text(ws, r, c, value)
            else:
                ws.write_datetime(r, c, when, date_fmt)
        return put_date
    if column.kind in (INTEGER, NUMBER, CODE, PERCENT):
        kind_fmt = None if column.kind == NUMBER else fmt.kinds[column.kind]

        def put_number(ws, r, c, value):
            if hasattr(value, "item"):  # numpy / pandas scalar
                value = value.item()
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                if math.isfinite(value):
                    ws.write_number(r, c, value, kind_fmt or fmt.decimals[_decimals(value)])
            else:
                put_text(ws, r, c, value)
        return put_number
    return put_text


class _Part:
    """One worksheet being written (a sheet, or a continuation of one past the row limit)."""

    def __init__(self, book, fmt: _Formats, sheet: Sheet, title: str, caption: bool):
        self.ws = ws = book.add_worksheet(title)
        self.ncols = len(sheet.columns)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)  # one page wide, as many tall as needed
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.set_footer("&C第 &P 页，共 &N 页")
        ws.hide_gridlines(0)  # print gridlines too: empty cells are not written, so borders alone would leave gaps
        for c, column in enumerate(sheet.columns):
            ws.set_column(c, c, column.width)
        self.header_row = 0
        if caption and sheet.caption:
            ws.write_string(0, 0, sheet.caption, fmt.caption)
            ws.set_row(0, 24)
            self.header_row = 1
        for c, column in enumerate(sheet.columns):
            ws.write_string(self.header_row, c, column.header, fmt.header)
        ws.freeze_panes(self.header_row + 1, 0)
        ws.repeat_rows(self.header_row)
        self.next_row = self.header_row + 1

    def finish(self) -> None:
        last = max(self.next_row - 1, self.header_row)
        self.ws.autofilter(self.header_row, 0, last, max(self.ncols - 1, 0))


def _continuation_title(title: str, n: int) -> str:
    suffix = str(n)
    return title[: 31 - len(suffix)] + suffix  # Excel limits sheet names to 31 characters


def _text_lines(value, width: float) -> int:
    """Lines a wrapped text needs in a column ``width`` characters wide (a CJK character is two).

    ``len(utf-8) + len`` halves to 1 unit per ASCII and 2 per CJK character, at C speed.
    """
    if value.__class__ is not str or len(value) * 2 < width:
        return 1 + (value.count("\n") if value.__class__ is str else 0)
    units = (len(value.encode("utf-8")) + len(value)) // 2
    return max(int(-(-units // (width * 1.1))), 1) + value.count("\n")


def _write_sheet(book, fmt: _Formats, sheet: Sheet, max_rows: int) -> None:
    writers = [_cell_writer(col, fmt) for col in sheet.columns]
    # Wrapped cells need taller rows; set their height here, because not every program
    # (LibreOffice, WPS) recomputes row heights when it opens a file.
    wrapped = [(c, col.width) for c, col in enumerate(sheet.columns) if col.kind == WRAP]
    part = _Part(book, fmt, sheet, sheet.title, caption=True)
    n = 1
    for row in sheet.rows:
        if part.next_row >= max_rows:
            part.finish()
            n += 1
            part = _Part(book, fmt, sheet, _continuation_title(sheet.title, n), caption=False)
        r, ws = part.next_row, part.ws
        if wrapped:
            lines = max(_text_lines(row[c], width) for c, width in wrapped)
            if lines > 1:
                ws.set_row(r, min(lines, _MAX_LINES) * _LINE_HEIGHT)
        for c, value in enumerate(row):
            if value is not None:
                writers[c](ws, r, c, value)
        part.next_row = r + 1
    part.finish()


def write_xlsx(path: Path, sheets: Iterable[Sheet], max_rows: int = EXCEL_MAX_ROWS) -> None:
    """Write ``sheets`` in order to ``path`` (via a temporary name, so a failed export never
    leaves a half-written file under the real name). ``max_rows``: rows per worksheet, header
    included, before a sheet continues in the next one (Excel's limit unless testing)."""
    tmp = path.with_name(path.name + ".part")
    book = xlsxwriter.Workbook(str(tmp), {
        "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False, "default_date_format": "yyyy-mm-dd",
    })
    try:
        fmt = _Formats(book)
        for sheet in sheets:
            _write_sheet(book, fmt, sheet, max_rows)
    except BaseException:
        try:
            book.close()
        finally:
            tmp.unlink(missing_ok=True)
        raise
    try:
        book.close()
    except FileCreateError as exc:  # the caller reports OSError (file open in Excel, disk full …)
        inner = exc.args[0] if exc.args else None
        raise inner if isinstance(inner, OSError) else OSError(str(exc)) from exc
    tmp.replace(path)
