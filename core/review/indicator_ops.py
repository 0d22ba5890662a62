"""Review operations of the 指标汇总 and the review opinion, with their inverse (see
``core.review.ops`` for the rules: ``do`` once, ``noop`` when nothing changed, ``undo`` /
``redo`` audited as undo / redo).

* ``SetIndicatorOp``: which catalogue indicator a figure counts for (or none);
* ``SetChoiceOp``: how one report's several figures of one indicator combine into its cell;
* ``SetBodyAliasOp``: "this body is that body" for year over year;
* ``SetOpinionOp``: the reviewer's 审核意见 of one report.
"""
from __future__ import annotations

from core.review.changes import NOTHING, OpChanges, figures_changed
from core.review.ops import Op


class SetIndicatorOp(Op):
    """Map one figure to ``indicator_id`` (None: no indicator). Undo puts the old mapping back."""

    def __init__(self, figure_id: int, indicator_id: str | None, label: str = "修改指标"):
        self.figure_id = figure_id
        self.indicator_id = indicator_id
        self.label = label
        self.before: str | None = None
        self.report_id: int | None = None

    def _changes(self) -> OpChanges:
        assert self.report_id is not None  # recorded by do()
        ch = figures_changed(self.report_id, {self.figure_id})
        return OpChanges(ch.report_id, figures=ch.figures, indicators=True)

    def do(self, store, reviewer: str) -> OpChanges:
        cur = store.get_figure(self.figure_id)
        self.before, self.report_id = cur.indicator, cur.report_id
        # the same indicator the reviewer already chose: nothing to record (the same one the
        # detector chose is a decision: it is kept on re-detection from now on)
        self.noop = cur.indicator == self.indicator_id and cur.indicator_reviewer is not None
        if self.noop:
            return NOTHING
        store.set_figure_indicator(self.figure_id, self.indicator_id, reviewer)
        return self._changes()

    def undo(self, store, reviewer: str) -> OpChanges:
        store.set_figure_indicator(self.figure_id, self.before, reviewer, action="undo")
        return self._changes()

    def redo(self, store, reviewer: str) -> OpChanges:
        store.set_figure_indicator(self.figure_id, self.indicator_id, reviewer, action="redo")
        return self._changes()


class SetChoiceOp(Op):
    """How a report's figures of one indicator combine: ``mode`` sum / first / max / figure
    (with ``figure_id``), or None for the catalogue's default."""

    def __init__(self, report_id: int, indicator_id: str, mode: str | None,
                 figure_id: int | None = None, label: str = "修改合并方式"):
        self.report_id, self.indicator_id = report_id, indicator_id
        self.after = (mode, figure_id if mode == "figure" else None) if mode else None
        self.label = label
        self.before: tuple[str, int | None] | None = None

    def _put(self, store, reviewer: str, choice, action: str) -> OpChanges:
        mode, fid = choice if choice else (None, None)
        store.set_indicator_choice(self.report_id, self.indicator_id, mode, reviewer,
                                   figure_id=fid, action=action)
        return OpChanges(self.report_id, indicators=True)

    def do(self, store, reviewer: str) -> OpChanges:
        self.before = store.indicator_choices().get((self.report_id, self.indicator_id))
        self.noop = self.before == self.after
        return NOTHING if self.noop else self._put(store, reviewer, self.after, "edit")

    def undo(self, store, reviewer: str) -> OpChanges:
        return self._put(store, reviewer, self.before, "undo")

    def redo(self, store, reviewer: str) -> OpChanges:
        return self._put(store, reviewer, self.after, "redo")


class SetBodyAliasOp(Op):
    """The body whose key is ``name_key`` is the body ``body`` (None removes the alias)."""

    def __init__(self, name_key: str, body: str | None, label: str = "指定同一单位"):
        self.name_key = name_key
        self.body = (body or "").strip() or None
        self.label = label
        self.before: str | None = None

    def _put(self, store, reviewer: str, body: str | None, action: str) -> OpChanges:
        store.set_body_alias(self.name_key, body, reviewer, action=action)
        return OpChanges(None, indicators=True)

    def do(self, store, reviewer: str) -> OpChanges:
        self.before = store.body_aliases().get(self.name_key)
        self.noop = self.before == self.body
        return NOTHING if self.noop else self._put(store, reviewer, self.body, "edit")

    def undo(self, store, reviewer: str) -> OpChanges:
        return self._put(store, reviewer, self.before, "undo")

    def redo(self, store, reviewer: str) -> OpChanges:
        return self._put(store, reviewer, self.body, "redo")


class SetOpinionOp(Op):
    """The 审核意见 of one report (empty text clears it)."""

    def __init__(self, report_id: int, text: str, label: str = "修改审核意见"):
        self.report_id = report_id
        self.text = (text or "").strip()
        self.label = label
        self.before = ""

    def _put(self, store, reviewer: str, text: str, action: str) -> OpChanges:
        store.set_opinion(self.report_id, text, reviewer, action=action)
        # the report row: its review state may move from 未审 to 审核中
        return OpChanges(self.report_id, report=True)

    def do(self, store, reviewer: str) -> OpChanges:
        self.before = store.get_opinion(self.report_id)
        self.noop = self.before == self.text
        return NOTHING if self.noop else self._put(store, reviewer, self.text, "edit")

    def undo(self, store, reviewer: str) -> OpChanges:
        return self._put(store, reviewer, self.before, "undo")

    def redo(self, store, reviewer: str) -> OpChanges:
        return self._put(store, reviewer, self.text, "redo")
