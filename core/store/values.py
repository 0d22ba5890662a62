"""Turning what a reviewer types into a figure's value: ``1,234``, ``１２.５``, ``3.2万``, ``两千三百``.

The grammar is the detector's own (``core.numerals.parse_value``), so a value typed by the
reviewer is read exactly as the same characters are read in the report: 三千五 is 3500 in both, and
十四五 (the name of a plan) is refused in both. This module only adds the Chinese error message and
the int/float tidying the store keeps.
"""
from __future__ import annotations

from core.numerals import parse_value as _parse_number_text
from core.errors import ReportError


def _tidy(number: float) -> float | int:
    """Whole numbers come back as int so 3.2万 == 32000 prints without '.0'."""
    rounded = round(number, 6)
    return int(rounded) if rounded == int(rounded) else rounded


def parse_value_text(text: str) -> float | int:
    """Parse a reviewer-typed value; raise ``ReportError('value')`` with a Chinese message."""
    if not str(text).strip():
        raise ReportError("value", "数值不能为空。")
    value = _parse_number_text(text)
    if value is None:
        raise ReportError("value", f"“{text}”不是有效的数值（可写 1234、12.5、3.2万、两千三百）。")
    return _tidy(float(value))


def parse_value(value: str | float | int) -> float | int:
    """A number as given, or a string parsed with the detector's grammar."""
    if isinstance(value, bool):
        raise ReportError("value", "数值不能是真假值。")
    if isinstance(value, (int, float)):
        return _tidy(float(value)) if isinstance(value, float) else value
    return parse_value_text(value)
