"""The 指标汇总's review operations without Qt: figure → indicator, a cell's combination, body
aliases and the review opinion — each audited, undone and redone, a no-op not recorded."""
import pytest

from bench.store_samples import write_sample
from core.indicators.summary import summary_table
from core.review.changes import OpChanges
from core.review.indicator_ops import SetBodyAliasOp, SetChoiceOp, SetIndicatorOp, SetOpinionOp

WHO = "审核员"
IND = "normative_docs_reviewed"



@pytest.fixture
def rid(store, tmp_path):
    path, doc, ext = write_sample(tmp_path, 1)
    for f in ext.figures[:2]:
        f.indicator = IND
    return store.add_report(doc, ext, source_path=str(path)).report_id


def test_set_indicator_undo_redo_and_audit(store, rid):
    fig = store.list_figures(rid)[3]
    assert fig.indicator is None
    op = SetIndicatorOp(fig.id, "reconsideration_cases")
    ch = op.do(store, WHO)
    assert ch == OpChanges(rid, figures=frozenset({fig.id}), indicators=True) and not op.noop
    assert store.get_figure(fig.id).indicator == "reconsideration_cases"
    op.undo(store, WHO)
    assert store.get_figure(fig.id).indicator is None
    op.redo(store, WHO)
    assert store.get_figure(fig.id).indicator == "reconsideration_cases"
    rows = [(r.action, r.old, r.new) for r in store.figure_history(fig.id)
            if r.field == "indicator"]
    assert rows == [("edit", None, "reconsideration_cases"),
                    ("undo", "reconsideration_cases", None),
                    ("redo", None, "reconsideration_cases")]
    again = SetIndicatorOp(fig.id, "reconsideration_cases")
    assert not again.do(store, WHO) and again.noop


def test_clearing_a_detected_indicator_and_undo(store, rid):
    fig = store.list_figures(rid)[0]
    assert fig.indicator == IND and fig.indicator_reviewer is None
    op = SetIndicatorOp(fig.id, None)
    op.do(store, WHO)
    assert store.get_figure(fig.id).indicator is None
    op.undo(store, WHO)
    assert store.get_figure(fig.id).indicator == IND
    # confirming the detector's own mapping is a decision (kept on re-detection), not a no-op
    keep = SetIndicatorOp(store.list_figures(rid)[1].id, IND)
    assert keep.do(store, WHO) and not keep.noop


def _cell(store, rid):
    table = summary_table(store.summary_inputs())
    return next(r for r in table.rows if r.report.id == rid).cells[IND]


def test_choice_changes_the_cell_and_undo_puts_the_default_back(store, rid):
    a, b = (f for f in store.list_figures(rid) if f.indicator == IND)
    default = _cell(store, rid)
    assert default.mode == "sum" and sorted(default.used) == sorted([a.id, b.id])
    op = SetChoiceOp(rid, IND, "figure", b.id)
    assert op.do(store, WHO) == OpChanges(rid, indicators=True)
    cell = _cell(store, rid)
    assert cell.mode == "figure" and cell.used == [b.id] and cell.value == b.value
    op.undo(store, WHO)
    assert _cell(store, rid).mode == "sum" and not _cell(store, rid).chosen
    op.redo(store, WHO)
    assert _cell(store, rid).used == [b.id]
    same = SetChoiceOp(rid, IND, "figure", b.id)
    assert not same.do(store, WHO) and same.noop
    actions = [r.action for r in store.report_history(rid) if "indicator_choice" in (r.field or "")]
    assert actions == ["edit", "undo", "redo"]


def test_body_alias_undo_redo(store):
    op = SetBodyAliasOp("|民政局", "渝中区民政局")
    ch = op.do(store, WHO)
    assert ch.indicators and ch and not ch.list_row
    assert store.body_aliases() == {"|民政局": "渝中区民政局"}
    op.undo(store, WHO)
    assert store.body_aliases() == {}
    op.redo(store, WHO)
    assert store.body_aliases() == {"|民政局": "渝中区民政局"}
    actions = [r["action"] for r in store.catalog_history("body_alias")]
    assert actions == ["edit", "undo", "redo"]


def test_opinion_undo_redo_and_noop(store, rid):
    op = SetOpinionOp(rid, "  请补充行政复议数据。 ")
    assert op.do(store, WHO) == OpChanges(rid, report=True)
    assert store.get_opinion(rid) == "请补充行政复议数据。"
    second = SetOpinionOp(rid, "请补充。")
    second.do(store, WHO)
    second.undo(store, WHO)
    assert store.get_opinion(rid) == "请补充行政复议数据。"
    op.undo(store, WHO)
    assert store.get_opinion(rid) == ""
    same = SetOpinionOp(rid, "")
    assert not same.do(store, WHO) and same.noop
    rows = [(r.action, r.new) for r in store.report_history(rid) if r.field == "opinion"]
    assert [a for a, _ in rows] == ["edit", "edit", "undo", "undo"]
