"""CSV export: UTF-8 with BOM and CRLF, so Excel and WPS on Chinese Windows open it correctly.

Report text is untrusted: a quoted sentence such as ``=HYPERLINK("http://…"&A2,"召开会议26次")``
would become a live formula when the CSV is opened in Excel/WPS. Every *text* cell that a
spreadsheet could read as a formula (first character ``= + - @``, or a leading tab / carriage
return that Excel skips before looking) gets a leading apostrophe, the usual way to say "this is
text". Numbers stay numbers: only ``str`` cells are touched, so ``-3`` as a value is untouched.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` unchanged unless it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise_table(table: pd.DataFrame) -> pd.DataFrame:
    out = table.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column].dtype):  # str, object, mixed
            out[column] = out[column].map(neutralise)
    return out


def write_csv(path: Path, table: pd.DataFrame) -> None:
    """Write ``table`` to ``path`` (the caller writes to a temporary name and renames it)."""
    neutralise_table(table).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")
