"""Sheet rows as SpreadsheetML ``<row>`` XML — the hot loop of the .xlsx export.

Each column gets an encoder that turns a value into the XML of its cell after ``<c r="B7"``;
encoders cache the XML of repeated values (body, file, status, section path, the sentence shared
by several figures), which is most of them. Strings are inline strings (``t="inlineStr"``): never
formulas, no shared-string table growing with the archive. Excel, WPS and LibreOffice read them.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from core.export.sheet import CODE, DATE, DATETIME, INTEGER, NUMBER, PERCENT, WRAP, Column

MAX_CELL_CHARS = 32_767  # Excel's limit for one cell
LINE_HEIGHT = 12.75  # points per line of 10-point text
MAX_LINES = 12  # a run-on heading or sentence is cut in print rather than fill a page
MAX_DECIMALS = 6
_CACHE_LIMIT = 50_000  # distinct values cached per column before the cache starts again
# XML 1.0 forbids these; Excel writes control characters as _xHHHH_ (and so must a literal
# "_xHHHH_" in the text be escaped, or Excel would decode it).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_LITERAL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_EPOCH = dt.datetime(1899, 12, 30)  # Excel's day 0 (1900 date system)

Encoder = Callable[[object], "str | None"]


def decimals(value: float) -> int:
    if float(value).is_integer():
        return 0
    text = f"{value:.{MAX_DECIMALS}f}".rstrip("0")
    return len(text) - text.index(".") - 1


def as_datetime(value) -> dt.datetime | None:
    """A naive datetime (Excel has no time zones: the local wall time is kept), or None."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()).replace(tzinfo=None)
        except ValueError:
            return None
    return None


def missing(value) -> bool:
    """None, NaN or pandas.NA (pandas.NA refuses ``bool()``)."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except TypeError:
        return True


def text_xml(value: str, style: int) -> str | None:
    if _CONTROL.search(value) or "_x" in value or "\ufffe" in value or "\uffff" in value:
        value = _LITERAL_ESCAPE.sub(r"_x005F_\1", value)
        value = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
        value = value.replace("\ufffe", "").replace("\uffff", "")
    if len(value) > MAX_CELL_CHARS:
        value = value[:MAX_CELL_CHARS]
    if not value:
        return None
    return f' s="{style}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def _number_xml(value: float, style: int) -> str:
    return f' s="{style}"><v>{value!r}</v></c>'


def make_encoder(column: Column, styles: dict) -> Encoder:
    """The function value -> cell XML tail (None: leave the cell out) for this column's kind.

    ``styles``: "text", "wrap", each kind's style index, and "decimals" (a list by decimals).
    """
    text_style = styles["wrap"] if column.kind == WRAP else styles["text"]

    def encode_text(value):
        if value.__class__ is not str:
            if missing(value):
                return None
            value = str(value)
        return text_xml(value, text_style) if value else None

    if column.kind in (DATE, DATETIME):
        date_style = styles[column.kind]

        def encode_date(value):
            when = as_datetime(value)
            if when is None:
                return encode_text(value)
            serial = (when - _EPOCH).total_seconds() / 86400
            return _number_xml(round(serial, 8), date_style)
        encode = encode_date
    elif column.kind in (INTEGER, NUMBER, CODE, PERCENT):
        kind_style = None if column.kind == NUMBER else styles[column.kind]
        by_decimals = styles["decimals"]

        def encode_number(value):
            if hasattr(value, "item"):  # numpy / pandas scalar
                value = value.item()
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return encode_text(value)
            if not math.isfinite(value):
                return None
            return _number_xml(value, kind_style if kind_style is not None
                               else by_decimals[decimals(value)])
        encode = encode_number
    else:
        encode = encode_text
    return _cached(encode)


def _cached(encode: Encoder) -> Encoder:
    cache: dict = {}

    def cached(value):
        try:
            return cache[value]
        except KeyError:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            xml = cache[value] = encode(value)
            return xml
        except TypeError:  # unhashable
            return encode(value)
    return cached


def text_lines(value, width: float) -> int:
    """Lines a wrapped text needs in a column ``width`` characters wide (a CJK character is two).

    ``len(utf-8) + len`` halves to 1 unit per ASCII and 2 per CJK character, at C speed.
    """
    if value.__class__ is not str:
        return 1
    if len(value) * 2 < width:
        return 1 + value.count("\n")
    units = (len(value.encode("utf-8")) + len(value)) // 2
    return max(int(-(-units // (width * 1.1))), 1) + value.count("\n")


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class RowEncoder:
    """``rows_xml(row, r)``: the ``<row>`` XML of one sheet row (``r`` is 1-based)."""

    def __init__(self, columns: Sequence[Column], styles: dict):
        self.encoders = [make_encoder(c, styles) for c in columns]
        self.letters = [column_letter(i) for i in range(len(columns))]
        # wrapped cells need taller rows; not every program (LibreOffice, WPS) recomputes row
        # heights when it opens a file, so the height is written
        self.wrapped = [(i, c.width) for i, c in enumerate(columns) if c.kind == WRAP]

    def row_xml(self, row: Sequence, r: int) -> str:
        cells = []
        for letter, encode, value in zip(self.letters, self.encoders, row, strict=False):
            if value is not None:
                tail = encode(value)
                if tail is not None:
                    cells.append(f'<c r="{letter}{r}"{tail}')
        height = ""
        if self.wrapped:
            lines = max(text_lines(row[i], width) for i, width in self.wrapped)
            if lines > 1:
                height = f' ht="{min(lines, MAX_LINES) * LINE_HEIGHT}" customHeight="1"'
        return f'<row r="{r}"{height}>{"".join(cells)}</row>'
