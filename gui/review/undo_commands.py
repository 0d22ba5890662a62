"""``QUndoCommand``s for review decisions. Each step calls the store (one transaction, audited)
and then tells the window what changed; undo calls the same store API with the old values.

A command's first ``redo`` may fail (e.g. the store refuses a value): the error is kept in
``error`` and the command marks itself obsolete, so ``QUndoStack.push`` drops it.
"""
from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from core.errors import ReportError
from core.store.records import CONFIRMED, DELETED, PENDING

FIELDS = ("value", "unit", "qualifier", "subject")


class ReviewTarget(Protocol):
    """What commands need from the controller."""

    def store(self): ...
    def reviewer(self) -> str: ...
    def figure_changed(self, record, added: bool = False) -> None: ...
    def sections_changed(self, report_id: int) -> None: ...
    def report_changed(self, report_id: int) -> None: ...


def restore_figure_state(store, figure_id: int, reviewer: str, snapshot,
                         action: str = "undo") -> object:
    """Put a figure back to ``snapshot`` (a FigureRecord): fields and status, one transaction,
    audited as ``action``."""
    cur = store.get_figure(figure_id)
    kwargs = {f: getattr(snapshot, f) for f in FIELDS if getattr(cur, f) != getattr(snapshot, f)}
    if cur.status != snapshot.status:
        kwargs["status"] = snapshot.status
    if not kwargs:
        return cur
    return store.update_figure(figure_id, reviewer, action=action, **kwargs)


class _Command(QUndoCommand):
    def __init__(self, target: ReviewTarget, text: str):
        super().__init__(text)
        self.t = target
        self.error: ReportError | None = None
        self._done_once = False

    def redo(self) -> None:
        try:
            self._redo(first=not self._done_once)
        except ReportError as exc:
            if self._done_once:
                raise
            self.error = exc
            self.setObsolete(True)
            return
        self._done_once = True

    def _redo(self, first: bool) -> None:
        raise NotImplementedError


class FigureCommand(_Command):
    """Any change of one figure: ``op(store, reviewer)`` does it (update/confirm/delete/…)."""

    def __init__(self, target: ReviewTarget, figure_id: int, op, text: str):
        super().__init__(target, text)
        self.figure_id = figure_id
        self.op = op
        self.before = None
        self.after = None

    def _redo(self, first: bool) -> None:
        st = self.t.store()
        if first:
            self.before = st.get_figure(self.figure_id)
            self.after = self.op(st, self.t.reviewer())
            if self.after == self.before or _same_state(self.after, self.before):
                self.setObsolete(True)  # nothing changed: nothing to undo
        else:
            self.after = restore_figure_state(st, self.figure_id, self.t.reviewer(), self.after,
                                              action="redo")
        self.t.figure_changed(self.after)

    def undo(self) -> None:
        rec = restore_figure_state(self.t.store(), self.figure_id, self.t.reviewer(), self.before)
        self.t.figure_changed(rec)


def _same_state(a, b) -> bool:
    return all(getattr(a, f) == getattr(b, f) for f in FIELDS) and a.status == b.status


class AddFigureCommand(_Command):
    """A figure the detector missed; undo hides it (已删除, history kept), redo restores it."""

    def __init__(self, target: ReviewTarget, report_id: int, proposal, text: str):
        super().__init__(target, text)
        self.report_id = report_id
        self.p = proposal
        self.figure_id: int | None = None

    def _redo(self, first: bool) -> None:
        st = self.t.store()
        if first:
            p = self.p
            rec = st.add_figure(self.report_id, p.start, p.end, self.t.reviewer(), value=p.value,
                                unit=p.unit, qualifier=p.qualifier, subject=p.subject)
            self.figure_id = rec.id
            self.t.figure_changed(rec, added=True)
        else:
            self.t.figure_changed(st.restore_figure(self.figure_id, self.t.reviewer()))

    def undo(self) -> None:
        self.t.figure_changed(self.t.store().delete_figure(self.figure_id, self.t.reviewer()))


class ConfirmManyCommand(_Command):
    """Confirm every pending figure of a section in one step; undo sets them back to 待审."""

    def __init__(self, target: ReviewTarget, section_id: int, text: str):
        super().__init__(target, text)
        self.section_id = section_id
        self.ids: list[int] = []

    def _redo(self, first: bool) -> None:
        st = self.t.store()
        if first:
            recs = st.confirm_pending_in_section(self.section_id, self.t.reviewer())
            self.ids = [r.id for r in recs]
            if not recs:
                self.setObsolete(True)
        else:
            recs = st.update_figures([(fid, {"status": CONFIRMED}) for fid in self._live(st)],
                                     self.t.reviewer(), action="redo")
        for r in recs:
            self.t.figure_changed(r)

    def _live(self, st) -> list[int]:
        """The figures of this step that were not deleted since (those stay deleted)."""
        return [fid for fid in self.ids if st.get_figure(fid).status != DELETED]

    def undo(self) -> None:
        st = self.t.store()
        recs = st.update_figures([(fid, {"status": PENDING}) for fid in self._live(st)],
                                 self.t.reviewer(), action="undo")  # one transaction
        for rec in recs:
            self.t.figure_changed(rec)


class SectionCommand(_Command):
    """Change a heading's level / kind, or remove it (``op(store, reviewer)``)."""

    def __init__(self, target: ReviewTarget, section_id: int, op, text: str):
        super().__init__(target, text)
        self.section_id = section_id
        self.op = op
        self.before = None
        self.after = None

    def _apply(self, snap):
        st = self.t.store()
        rec = st.update_section(self.section_id, self.t.reviewer(), level=snap.level,
                                kind=snap.kind, removed=snap.removed)
        self.t.sections_changed(rec.report_id)

    def _redo(self, first: bool) -> None:
        if first:
            st = self.t.store()
            self.before = st.get_section(self.section_id)
            self.after = self.op(st, self.t.reviewer())
            self.t.sections_changed(self.after.report_id)
        else:
            self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class AddHeadingCommand(_Command):
    """A heading the detector missed; undo removes it (restorable), redo restores it."""

    def __init__(self, target: ReviewTarget, report_id: int, start: int, end: int, level: int,
                 kind: str | None, text: str):
        super().__init__(target, text)
        self.args = (report_id, start, end, level)
        self.kind = kind
        self.section_id: int | None = None

    def _redo(self, first: bool) -> None:
        st = self.t.store()
        if first:
            rid, start, end, level = self.args
            rec = st.add_heading(rid, start, end, level, self.t.reviewer(), kind=self.kind)
            self.section_id = rec.id
        else:
            rec = st.restore_section(self.section_id, self.t.reviewer())
        self.t.sections_changed(rec.report_id)

    def undo(self) -> None:
        rec = self.t.store().remove_section(self.section_id, self.t.reviewer())
        self.t.sections_changed(rec.report_id)


class ReviewStateCommand(_Command):
    """未审 / 审核中 / 已审核 of one report."""

    def __init__(self, target: ReviewTarget, report_id: int, state: str, text: str):
        super().__init__(target, text)
        self.report_id = report_id
        self.state = state
        self.before: str | None = None

    def _redo(self, first: bool) -> None:
        st = self.t.store()
        if first:
            self.before = st.get_report(self.report_id).review_state
            if self.before == self.state:
                self.setObsolete(True)
        st.set_review_state(self.report_id, self.state, self.t.reviewer())
        self.t.report_changed(self.report_id)

    def undo(self) -> None:
        self.t.store().set_review_state(self.report_id, self.before, self.t.reviewer())
        self.t.report_changed(self.report_id)
