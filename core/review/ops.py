"""Review operations with their inverse, as plain objects the GUI's undo stack can hold.

An ``Op`` runs against a ``Store`` (one transaction per step, audited with the reviewer's name)
and returns ``OpChanges``. The undo rules live here, not in the GUI:

* ``do`` runs the operation once; if it changed nothing, ``noop`` is True and the caller does not
  record it (the redo history stays intact).
* ``undo`` puts back what ``do`` found, audited as 撤销 ("undo"); ``redo`` puts back what ``do``
  made, audited as 重做 ("redo").
* A bulk step (confirm a section) skips on undo/redo the figures deleted since: a later
  deletion is a newer decision and stands.

Constructors: ``confirm_figure``, ``delete_figure``, ``restore_figure``, ``reset_figure``,
``edit_figure``, ``AddFigure``, ``ConfirmSection``, ``edit_section``, ``remove_section``,
``AddHeading``, ``SetReviewState``, ``DecideCheck`` (a finding of the 问题 panel),
``EditReportMeta``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.domain import META_FIELDS, REVIEW_FIELDS, FigureStatus
from core.review.changes import NOTHING, OpChanges, figures_changed
from core.store.checks import CheckRecord
from core.store.records import UNSET, FigureRecord, SectionRecord


class Op:
    """Base: ``label`` names the step in the 撤销/重做 menu."""

    label = ""
    noop = False

    def do(self, store, reviewer: str) -> OpChanges:
        raise NotImplementedError

    def undo(self, store, reviewer: str) -> OpChanges:
        raise NotImplementedError

    def redo(self, store, reviewer: str) -> OpChanges:
        raise NotImplementedError


def _figure_state(rec: FigureRecord) -> tuple:
    return tuple(getattr(rec, f) for f in REVIEW_FIELDS) + (rec.status,)


def put_figure_state(store, reviewer: str, snapshot: FigureRecord, action: str) -> FigureRecord:
    """Set a figure's reviewed fields and status back to ``snapshot`` (one transaction)."""
    cur = store.get_figure(snapshot.id)
    kwargs = {f: getattr(snapshot, f) for f in REVIEW_FIELDS
              if getattr(cur, f) != getattr(snapshot, f)}
    if cur.status != snapshot.status:
        kwargs["status"] = snapshot.status
    if not kwargs:
        return cur
    return store.update_figure(snapshot.id, reviewer, action=action, **kwargs)


class _SnapshotOp(Op):
    """An op whose ``do`` records the record before and after; undo and redo write one back
    through ``_put`` (audited as 撤销 / 重做)."""

    before: Any = None
    after: Any = None

    def _put(self, store, reviewer: str, snap: Any, action: str) -> OpChanges:
        raise NotImplementedError

    def undo(self, store, reviewer: str) -> OpChanges:
        assert self.before is not None  # recorded by do()
        return self._put(store, reviewer, self.before, "undo")

    def redo(self, store, reviewer: str) -> OpChanges:
        assert self.after is not None  # recorded by do()
        return self._put(store, reviewer, self.after, "redo")


class FigureOp(Op):
    """Any change of one figure; ``run(store, figure_id, reviewer)`` makes it."""

    def __init__(self, figure_id: int, run: Callable[[Any, int, str], FigureRecord], label: str):
        self.figure_id = figure_id
        self.run = run
        self.label = label
        self.before: FigureRecord | None = None
        self.after: FigureRecord | None = None

    def do(self, store, reviewer: str) -> OpChanges:
        self.before = store.get_figure(self.figure_id)
        self.after = self.run(store, self.figure_id, reviewer)
        self.noop = _figure_state(self.after) == _figure_state(self.before)
        return NOTHING if self.noop else figures_changed(self.after.report_id, {self.figure_id})

    def undo(self, store, reviewer: str) -> OpChanges:
        assert self.before is not None  # recorded by do()
        rec = put_figure_state(store, reviewer, self.before, "undo")
        return figures_changed(rec.report_id, {rec.id})

    def redo(self, store, reviewer: str) -> OpChanges:
        assert self.after is not None  # recorded by do()
        rec = put_figure_state(store, reviewer, self.after, "redo")
        return figures_changed(rec.report_id, {rec.id})


def confirm_figure(figure_id: int, label: str = "确认数字") -> FigureOp:
    return FigureOp(figure_id, lambda st, fid, who: st.confirm_figure(fid, who), label)


def delete_figure(figure_id: int, label: str = "删除数字") -> FigureOp:
    return FigureOp(figure_id, lambda st, fid, who: st.delete_figure(fid, who), label)


def restore_figure(figure_id: int, label: str = "恢复数字") -> FigureOp:
    return FigureOp(figure_id, lambda st, fid, who: st.restore_figure(fid, who), label)


def reset_figure(figure_id: int, label: str = "恢复为识别结果") -> FigureOp:
    return FigureOp(figure_id, lambda st, fid, who: st.reset_figure(fid, who), label)


def edit_figure(figure_id: int, field: str, value: Any, label: str = "修改数字") -> FigureOp:
    """Set one reviewed field (``value`` may be text such as '3.2万'; the store parses it)."""
    if field not in REVIEW_FIELDS:
        raise ValueError(field)
    return FigureOp(figure_id, lambda st, fid, who: st.update_figure(fid, who, **{field: value}),
                    label)


@dataclass
class Proposal:
    """A figure to add: the quoted span and the values read from it."""

    start: int
    end: int
    value: Any
    unit: str | None = None
    qualifier: str | None = None
    subject: str | None = None


class AddFigure(Op):
    """A figure the detector missed; undo hides it (已删除, history kept), redo restores it."""

    def __init__(self, report_id: int, proposal: Proposal, label: str = "新增数字"):
        self.report_id = report_id
        self.p = proposal
        self.label = label
        self.figure_id: int | None = None

    def do(self, store, reviewer: str) -> OpChanges:
        p = self.p
        rec = store.add_figure(self.report_id, p.start, p.end, reviewer, value=p.value,
                               unit=p.unit, qualifier=p.qualifier, subject=p.subject)
        self.figure_id = rec.id
        return OpChanges(self.report_id, added=frozenset({rec.id}))

    def undo(self, store, reviewer: str) -> OpChanges:
        store.delete_figure(self.figure_id, reviewer)
        return figures_changed(self.report_id, {self.figure_id})

    def redo(self, store, reviewer: str) -> OpChanges:
        store.restore_figure(self.figure_id, reviewer)
        return figures_changed(self.report_id, {self.figure_id})


class ConfirmSection(Op):
    """Confirm every 待审 figure under a heading in one step; undo sets them back to 待审."""

    def __init__(self, section_id: int, label: str = "确认本节全部待审数字"):
        self.section_id = section_id
        self.label = label
        self.ids: list[int] = []
        self.report_id: int | None = None

    def do(self, store, reviewer: str) -> OpChanges:
        recs = store.confirm_pending_in_section(self.section_id, reviewer)
        self.ids = [r.id for r in recs]
        self.noop = not recs
        if not recs:
            return NOTHING
        self.report_id = recs[0].report_id
        return figures_changed(recs[0].report_id, self.ids)

    def _set_all(self, store, reviewer: str, status: str, action: str) -> OpChanges:
        live = [r.id for r in store.get_figures(self.ids) if r.status != FigureStatus.DELETED]
        store.update_figures([(fid, {"status": status}) for fid in live], reviewer,
                             action=action)  # one transaction
        assert self.report_id is not None  # do() found the figures
        return figures_changed(self.report_id, live)

    def undo(self, store, reviewer: str) -> OpChanges:
        return self._set_all(store, reviewer, FigureStatus.PENDING, "undo")

    def redo(self, store, reviewer: str) -> OpChanges:
        return self._set_all(store, reviewer, FigureStatus.CONFIRMED, "redo")


def _section_state(rec: SectionRecord) -> tuple:
    return rec.level, rec.kind, rec.removed


class SectionOp(_SnapshotOp):
    """Change a heading's level / kind or remove it; ``run(store, section_id, reviewer)``."""

    def __init__(self, section_id: int, run: Callable[[Any, int, str], SectionRecord],
                 label: str):
        self.section_id = section_id
        self.run = run
        self.label = label
        self.before: SectionRecord | None = None
        self.after: SectionRecord | None = None

    def _put(self, store, reviewer: str, snap: SectionRecord, action: str) -> OpChanges:
        store.update_section(self.section_id, reviewer, level=snap.level, kind=snap.kind,
                             removed=snap.removed, action=action)
        return OpChanges(snap.report_id, sections=True)

    def do(self, store, reviewer: str) -> OpChanges:
        self.before = store.get_section(self.section_id)
        self.after = self.run(store, self.section_id, reviewer)
        self.noop = _section_state(self.before) == _section_state(self.after)
        return NOTHING if self.noop else OpChanges(self.after.report_id, sections=True)


def edit_section(section_id: int, level: int, kind: str | None,
                 label: str = "修改标题") -> SectionOp:
    return SectionOp(section_id, lambda st, sid, who: st.update_section(sid, who, level=level,
                                                                         kind=kind), label)


def remove_section(section_id: int, label: str = "删除标题") -> SectionOp:
    return SectionOp(section_id, lambda st, sid, who: st.remove_section(sid, who), label)


class AddHeading(Op):
    """A heading the detector missed; undo removes it (restorable), redo restores it."""

    def __init__(self, report_id: int, start: int, end: int, level: int, kind: str | None,
                 label: str = "新增标题"):
        self.report_id, self.start, self.end, self.level, self.kind = (report_id, start, end,
                                                                       level, kind)
        self.label = label
        self.section_id: int | None = None

    def do(self, store, reviewer: str) -> OpChanges:
        rec = store.add_heading(self.report_id, self.start, self.end, self.level, reviewer,
                                kind=self.kind)
        self.section_id = rec.id
        return OpChanges(self.report_id, sections=True)

    def undo(self, store, reviewer: str) -> OpChanges:
        store.remove_section(self.section_id, reviewer)
        return OpChanges(self.report_id, sections=True)

    def redo(self, store, reviewer: str) -> OpChanges:
        store.restore_section(self.section_id, reviewer)
        return OpChanges(self.report_id, sections=True)


class SetReviewState(Op):
    """未审 / 审核中 / 已审核 of one report."""

    def __init__(self, report_id: int, state: str, label: str = "审核状态"):
        self.report_id = report_id
        self.state = state
        self.label = label
        self.before: str | None = None

    def _set(self, store, reviewer: str, state: str) -> OpChanges:
        store.set_review_state(self.report_id, state, reviewer)
        return OpChanges(self.report_id, report=True)

    def do(self, store, reviewer: str) -> OpChanges:
        self.before = store.get_report(self.report_id).review_state
        self.noop = self.before == self.state
        return NOTHING if self.noop else self._set(store, reviewer, self.state)

    def undo(self, store, reviewer: str) -> OpChanges:
        assert self.before is not None  # recorded by do()
        return self._set(store, reviewer, self.before)

    def redo(self, store, reviewer: str) -> OpChanges:
        return self._set(store, reviewer, self.state)


class DecideCheck(_SnapshotOp):
    """核实无误 (dismiss, optional note) / 确认问题 / 待核实 on one finding of the 问题 panel.

    The store audits each changed field; undo puts back the decision and note ``do`` found
    (audited as undo), redo the ones it wrote."""

    def __init__(self, check_id: int, decision: Any = UNSET, note: Any = UNSET,
                 label: str = "核实问题"):
        self.check_id = check_id
        self.decision = decision
        self.note = note
        self.label = label
        self.before: CheckRecord | None = None
        self.after: CheckRecord | None = None

    def _put(self, store, reviewer: str, snap: CheckRecord, action: str) -> OpChanges:
        rec = store.decide_check(self.check_id, reviewer, decision=snap.decision, note=snap.note,
                                 action=action)
        return OpChanges(rec.report_id, checks=True)

    def do(self, store, reviewer: str) -> OpChanges:
        self.before = store.get_check(self.check_id)
        self.after = store.decide_check(self.check_id, reviewer, decision=self.decision,
                                        note=self.note)
        self.noop = (self.before.decision, self.before.note) == (self.after.decision,
                                                                  self.after.note)
        return NOTHING if self.noop else OpChanges(self.after.report_id, checks=True)


class EditReportMeta(Op):
    """Correct the report's 单位 / 年度 / 日期 / 文号 / 标题 (``core.domain.META_FIELDS``); text
    may be empty (clears the field). Undo puts the detected (or earlier) value back."""

    def __init__(self, report_id: int, field: str, value: Any, label: str = "修改报告信息"):
        if field not in META_FIELDS:
            raise ValueError(field)
        self.report_id, self.field, self.value = report_id, field, value
        self.label = label
        self.before: Any = None
        self.after: Any = None

    def _set(self, store, reviewer: str, value: Any, action: str) -> OpChanges:
        store.set_report_meta(self.report_id, self.field, value, reviewer, action)
        return OpChanges(self.report_id, report=True)

    def do(self, store, reviewer: str) -> OpChanges:
        self.before = getattr(store.get_report(self.report_id), self.field)
        rec = store.set_report_meta(self.report_id, self.field, self.value, reviewer)
        self.after = getattr(rec, self.field)
        self.noop = self.after == self.before
        return NOTHING if self.noop else OpChanges(self.report_id, report=True)

    def undo(self, store, reviewer: str) -> OpChanges:
        return self._set(store, reviewer, self.before, "undo")  # None is a value here (no 文号)

    def redo(self, store, reviewer: str) -> OpChanges:
        return self._set(store, reviewer, self.after, "redo")
