"""The indicator sheets of the .xlsx: 指标汇总 (bodies × indicators with 合计) and 同比 (this year
against last year), built from ``core.indicators.summary`` on the exported reports.

* The title row names the year (or 各年度 when the export spans several) and the scope.
* Only indicators with at least one value in the exported reports get a column: 45 mostly
  empty columns cannot be printed on one landscape page.
* Rates are written as fractions in a percentage column (98.5 % → 0.985, shown 98.5%); counts
  and money with thousands separators. The last column, 待审项数, counts a body's values that are
  still the detector's (待审); the 同比 sheet and the window say which (a list in every row made
  the printed rows several lines tall).
"""
from __future__ import annotations

from core.export.scope import ExportScope
from core.export.sheet import CODE, INTEGER, NUMBER, PERCENT, TEXT, WRAP, Column, Sheet
from core.indicators.catalog import Indicator
from core.indicators.summary import SummaryInputs, summary_table, year_over_year


def _scoped(scope: ExportScope) -> SummaryInputs:
    """The summary inputs of the exported reports only (one read, inside the export snapshot)."""
    inputs = scope.store.summary_inputs()
    if scope.report_ids is None:
        return inputs
    keep = scope.report_ids
    return SummaryInputs([r for r in inputs.reports if r.id in keep],
                         [c for c in inputs.candidates if c.report_id in keep],
                         inputs.catalog, inputs.choices, inputs.aliases)


def scope_text(scope: ExportScope, inputs: SummaryInputs) -> str:
    n = len(inputs.reports)
    if scope.report_ids is None:
        return f"全部 {n} 份报告"
    if n == 1 and inputs.reports[0].org:
        return inputs.reports[0].org
    return f"所选 {n} 份报告"


def _is_percent(ind: Indicator) -> bool:
    return ind.kind == "rate" and ind.unit.strip() in ("%", "％")


def _kind(ind: Indicator, values) -> str:
    if _is_percent(ind):
        return PERCENT
    if ind.kind == "money" or any(isinstance(v, float) and not v.is_integer() for v in values):
        return NUMBER
    return INTEGER


def _cell_value(ind: Indicator, value):
    if value is None:
        return None
    return round(value / 100, 6) if _is_percent(ind) else value


def _year(inputs: SummaryInputs) -> int | None:
    years = {r.year for r in inputs.reports if r.year}
    return years.pop() if len(years) == 1 else None


# Indicator columns per printed sheet: more, fitted to one A4 landscape page wide, print too small
# to read; the rest continue in 指标汇总（二）… with the same rows, in catalogue (area) order.
MAX_INDICATOR_COLUMNS = 12
_PART_NAMES = "一二三四五六七八九十"


def _chunks(used: list[Indicator]) -> list[list[Indicator]]:
    n = max(1, -(-len(used) // MAX_INDICATOR_COLUMNS))
    size = -(-len(used) // n) if used else 0  # even parts: 20 columns are 10 + 10, not 12 + 8
    return [used[k:k + size] for k in range(0, len(used), size)] if used else [[]]


def indicator_summary_sheet(scope: ExportScope) -> list[Sheet]:
    inputs = _scoped(scope)
    year = _year(inputs)
    table = summary_table(inputs, year=year)
    used = [i for i in table.indicators if any(i.id in r.cells for r in table.rows)]
    title = table.title(scope_text(scope, inputs))
    if not used:
        title += "（所导出的报告中没有对应到指标的数字）"
    parts = _chunks(used)
    sheets = []
    for k, part in enumerate(parts):
        name, caption = "指标汇总", title
        if len(parts) > 1:
            caption += f"（{k + 1}/{len(parts)}）"
            if k:
                name += f"（{_PART_NAMES[k] if k < len(_PART_NAMES) else k + 1}）"
        sheets.append(Sheet(name, _summary_columns(table, part), _summary_rows(table, part, year),
                            caption=caption))
    return sheets


def _summary_columns(table, used: list[Indicator]) -> list[Column]:
    columns = [Column("序号", 5, CODE), Column("单位", 22, WRAP), Column("年度", 6, CODE)]
    for ind in used:
        values = [r.cells[ind.id].value for r in table.rows if ind.id in r.cells]
        columns.append(Column(ind.header(), 10, _kind(ind, values)))  # the header wraps
    columns.append(Column("待审项数", 7, INTEGER))
    return columns


def _summary_rows(table, used: list[Indicator], year: int | None):
    for n, row in enumerate(table.rows, 1):
        cells = [row.cells.get(i.id) for i in used]
        pending = sum(1 for c in cells if c is not None and c.pending)
        yield [n, row.body, row.report.year,
               *(_cell_value(i, c.value if c else None) for i, c in zip(used, cells, strict=False)),
               pending or None]
    yield [None, "合计", year, *(_cell_value(i, table.totals.get(i.id)) for i in used), None]
    if any(table.means.get(i.id) is not None for i in used):
        yield [None, "平均", year, *(_cell_value(i, table.means.get(i.id)) for i in used), None]


YOY_COLUMNS = [Column("序号", 5, CODE), Column("单位", 22, WRAP), Column("指标", 26, WRAP),
               Column("计量单位", 7, TEXT), Column("上年", 12, NUMBER), Column("本年", 12, NUMBER),
               Column("增减", 12, NUMBER), Column("增减率", 9, PERCENT), Column("待审", 6, TEXT),
               Column("单位匹配", 12, TEXT)]


def year_over_year_sheet(scope: ExportScope) -> Sheet:
    """The latest year of the exported reports against the year before (last year's reports
    are read from the whole database: the comparison needs them even when not exported)."""
    everything = scope.store.summary_inputs()
    scoped = _scoped(scope) if scope.report_ids is not None else everything
    years = sorted({r.year for r in scoped.reports if r.year})
    if not years:
        return Sheet("同比", YOY_COLUMNS, iter(()), caption="同比：所导出的报告没有识别出年度")
    year = years[-1]
    ids = {r.id for r in scoped.reports}
    rows = [y for y in year_over_year(everything, year) if y.current_report in ids]

    def out():
        for n, y in enumerate(rows, 1):
            pct = _is_percent(y.indicator)
            unit = "%" if pct else y.indicator.unit
            # a rate's change is in percentage points: kept as a number, never as a percent
            yield [n, y.body, y.indicator.name, unit, y.previous, y.current,
                   y.change, y.pct_change, "是" if y.pending else "", y.matched_by]

    caption = f"{year}年度与{year - 1}年度主要指标同比——{scope_text(scope, scoped)}"
    return Sheet("同比", YOY_COLUMNS, out(), caption=caption)
