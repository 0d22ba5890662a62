"""Models without views: figures model/proxy, outline tree, report list."""
from PySide6.QtCore import Qt

from core.document import Document
from core.review.session import ReportSession
from core.store.records import FigureRecord, ReportRecord, ReportSummary, SectionRecord
from gui.models.figures_model import (COL_PAGE, COL_STATUS, COL_TEXT, COL_VALUE, FIGURE_ROLE,
                                      FiguresFilterProxy, FiguresModel)
from gui.models.outline_model import SECTION_INDEX_ROLE, OutlineModel
from gui.models.report_list_model import COL_PENDING, ID_ROLE, ReportFilterProxy, ReportListModel


def _section(sid, level, marker, title, start, end, kind=None):
    return SectionRecord(sid, 1, "detected", marker, title, marker + title, start, end, level,
                         kind, level, kind, False, False, None, None)


SECTIONS = [_section(1, 1, "一、", "主要举措和成效", 0, 9, "measures"),
            _section(2, 2, "（一）", "加强领导", 20, 26),
            _section(3, 1, "二、", "存在的不足和原因", 50, 60, "shortcomings")]


def _figure(fid, start, end, text, value, unit, qualifier, subject, status, page):
    return FigureRecord(fid, 1, text, start, end, page, value, unit, qualifier, subject, value,
                        unit, qualifier, subject, status, None, False, None, None)


def _items():
    return [_figure(1, 30, 33, "26次", 26, "次", None, "召开会议", "待审", 0),
            _figure(2, 40, 45, "87.4%", 87.4, "%", None, "参检率", "已确认", 1),
            _figure(3, 70, 74, "3万余份", 30000, "份", "余", "宣传册", "待审", 2)]


def _session(items=None):
    record = ReportRecord(1, "x", "a.txt", "a.txt", "txt", "", "", None, None, None, None, None,
                          [], "未审", None, None, None)
    return ReportSession(record, Document("a.txt", "txt", "x" * 100), SECTIONS,
                         items if items is not None else _items(), [])


class _Store:
    """The two reads ``ReportSession.apply`` makes for figure changes."""

    def __init__(self, records):
        self.records = {r.id: r for r in records}

    def get_figures(self, ids):
        return sorted((self.records[i] for i in ids), key=lambda r: (r.start, r.id))


def test_figures_model_data_and_row_update(qtbot):
    model = FiguresModel()
    session = _session()
    model.set_report(session)
    assert model.rowCount() == 3
    assert model.index(1, COL_VALUE).data() == "87.4"
    assert model.index(0, COL_PAGE).data() == "1"
    assert model.index(2, 0).data(FIGURE_ROLE).id == 3
    changed = _items()[0]
    changed.status = "已确认"
    from core.review.changes import OpChanges

    session.apply(_Store([changed]), OpChanges(1, figures=frozenset({1})))
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.update_figures([1])
    top, bottom = blocker.args[0], blocker.args[1]
    assert top.row() == bottom.row() == 0
    assert model.index(0, COL_STATUS).data() == "已确认"


def test_figures_proxy_filters_and_sorts():
    model = FiguresModel()
    model.set_report(_session())
    proxy = FiguresFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_statuses({"待审"})
    assert proxy.rowCount() == 2
    proxy.set_statuses(None)
    proxy.set_sections({2})
    assert [proxy.index(r, 0).data(FIGURE_ROLE).id for r in range(proxy.rowCount())] == [3]
    proxy.set_sections(None)
    proxy.set_text("参检")
    assert proxy.rowCount() == 1
    proxy.set_text("")
    proxy.sort(COL_VALUE, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, COL_VALUE).data() == "30000"


def test_sorting_by_text_position_follows_the_text_after_inserts():
    """原文 ascending is served from the model's own order; inserts keep that order."""
    model = FiguresModel()
    items = _items()
    session = _session([items[2], items[0], items[1]])  # given out of order
    model.set_report(session)
    proxy = FiguresFilterProxy()
    proxy.setSourceModel(model)
    proxy.setDynamicSortFilter(True)
    proxy.sort(COL_TEXT, Qt.SortOrder.AscendingOrder)

    def ids():
        return [proxy.index(r, 0).data(FIGURE_ROLE).id for r in range(proxy.rowCount())]

    assert ids() == [1, 2, 3]
    from core.review.changes import OpChanges

    added = _figure(9, 35, 37, "5名", 5, "名", None, "律师", "人工新增", 0)
    session.apply(_Store([added]), OpChanges(1, added=frozenset({9})))
    model.insert_figures([9])
    assert ids() == [1, 9, 2, 3]
    proxy.sort(COL_TEXT, Qt.SortOrder.DescendingOrder)
    assert ids() == [3, 2, 9, 1]


def test_outline_tree_nests_levels():
    model = OutlineModel()
    model.set_sections(SECTIONS)
    assert model.rowCount() == 2
    first = model.index(0, 0)
    assert model.rowCount(first) == 1
    child = model.index(0, 0, first)
    assert child.data(SECTION_INDEX_ROLE) == 1 and model.parent(child) == first
    assert model.descendants(0) == {0, 1}
    assert "✓" in model.index(0, 1).data()


def test_report_list_filter():
    model = ReportListModel()
    model.set_reports([ReportSummary(1, "a.pdf", "兰州市民政局", 2023, "pdf", "未审", None, None, "",
                                     pending=5),
                       ReportSummary(2, "b.txt", "蓟州区", 2022, "txt", "审核中", None, None, "",
                                     pending=1, confirmed=3)])
    proxy = ReportFilterProxy()
    proxy.setSourceModel(model)
    proxy.setFilterFixedString("兰州")
    assert proxy.rowCount() == 1
    assert proxy.index(0, COL_PENDING).data() == 5


def test_report_list_updates_one_row(qtbot):
    model = ReportListModel()
    first = ReportSummary(1, "a.pdf", "甲", 2023, "pdf", "未审", None, None, "", pending=5)
    model.set_reports([first])
    changed = ReportSummary(1, "a.pdf", "甲", 2023, "pdf", "审核中", None, None, "", pending=4,
                            confirmed=1)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.update_report(changed)
    assert blocker.args[0].row() == blocker.args[1].row() == 0
    assert model.index(0, COL_PENDING).data() == 4 and model.rowCount() == 1
    model.update_report(ReportSummary(2, "b.txt", "乙", 2024, "txt", "未审", None, None, ""))
    assert model.rowCount() == 2


def _many_reports(n):
    places = ["南山", "福田", "罗湖", "宝安", "龙岗", "盐田"]
    return [ReportSummary(i, f"{2010 + i % 14}年{places[i % 6]}区报告_{i}.txt", f"深圳市{places[i % 6]}区人民政府",
                          2010 + i % 14, "txt", "未审", None, None, "", pending=i % 7) for i in range(n)]


def test_report_list_sorts_in_the_model_and_keeps_the_selection(qtbot):
    from PySide6.QtWidgets import QTableView

    from gui.models.report_list_model import COL_YEAR

    model = ReportListModel()
    proxy = ReportFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(COL_YEAR, Qt.SortOrder.DescendingOrder)
    model.set_reports(_many_reports(30))
    years = [proxy.index(r, COL_YEAR).data(Qt.ItemDataRole.EditRole) for r in range(proxy.rowCount())]
    assert years == sorted(years, reverse=True)
    view.selectRow(3)
    chosen = proxy.index(3, 0).data(ID_ROLE)
    view.sortByColumn(COL_YEAR, Qt.SortOrder.AscendingOrder)
    assert view.currentIndex().data(ID_ROLE) == chosen  # the selection follows its report
    # a newly imported report lands in sort order, not at the end
    model.update_report(ReportSummary(999, "新.txt", "新单位", 2009, "txt", "未审", None, None, ""))
    assert proxy.index(0, 0).data(ID_ROLE) == 999


def test_a_filter_keystroke_does_not_read_every_cell(qtbot):
    # The proxy used to match every column through data() and re-sort on every keystroke
    # (5,000 reports: ~190 ms a keystroke). Now it reads one pre-built key per row and never sorts.
    class CountingModel(ReportListModel):
        calls = 0

        def data(self, *args):
            CountingModel.calls += 1
            return super().data(*args)

    model = CountingModel()
    proxy = ReportFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    model.set_reports(_many_reports(2000))
    CountingModel.calls = 0
    proxy.setFilterFixedString("南山区")
    assert proxy.rowCount() == 334
    proxy.setFilterFixedString("南山区人民政府")
    assert proxy.rowCount() == 334 and CountingModel.calls == 0
    proxy.setFilterFixedString("2015")
    assert all("2015" in proxy.index(r, 5).data() for r in range(proxy.rowCount()))
