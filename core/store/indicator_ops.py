"""``Store`` methods for indicators, the summary's inputs and the review opinion (a mixin, so that
``store.py`` stays a thin list of user actions). Each mutating method is one transaction, takes
the reviewer's name, writes audit rows and returns the updated record."""
from __future__ import annotations

from typing import Any

from core.indicators.catalog import Indicator
from core.store import indicators as ind_db
from core.store import trash
from core.store.records import FigureRecord


class IndicatorOps:
    conn: Any

    def _tx(self):  # provided by Store
        raise NotImplementedError

    # -- catalogue ----------------------------------------------------------------------------
    def list_indicators(self, include_retired: bool = True) -> list[Indicator]:
        return ind_db.list_indicators(self.conn, include_retired)

    def add_indicator(self, reviewer: str, **fields: Any) -> Indicator:
        """``fields``: id, name, unit, kind (count/rate/money/people), aggregate
        (sum/mean/none), area, definition, cues."""
        with self._tx():
            return ind_db.add_indicator(self.conn, reviewer, **fields)

    def update_indicator(self, indicator_id: str, reviewer: str, action: str = "edit",
                         **fields: Any) -> Indicator:
        """Rename / redefine (name, area, unit, kind, aggregate, definition, cues)."""
        with self._tx():
            return ind_db.update_indicator(self.conn, indicator_id, reviewer, action, **fields)

    def retire_indicator(self, indicator_id: str, reviewer: str,
                         retired: bool = True) -> Indicator:
        with self._tx():
            return ind_db.set_retired(self.conn, indicator_id, retired, reviewer)

    def catalog_history(self, entity: str | None = None, key: str | None = None) -> list[dict]:
        return ind_db.catalog_history(self.conn, entity, key)

    # -- figures --------------------------------------------------------------------------------
    def set_figure_indicator(self, figure_id: int, indicator_id: str | None, reviewer: str,
                             action: str = "edit") -> FigureRecord:
        with self._tx():
            return ind_db.set_figure_indicator(self.conn, figure_id, indicator_id, reviewer,
                                               action)

    def reset_figure_indicator(self, figure_id: int, reviewer: str) -> FigureRecord:
        with self._tx():
            return ind_db.reset_figure_indicator(self.conn, figure_id, reviewer)

    def explain_indicators(self, report_id: int) -> dict[int, str]:
        """figure id → why the rules map it as they do (for a tooltip), current catalogue."""
        from core.indicators.mapping import map_figures

        loaded = self.load_report(report_id)  # type: ignore[attr-defined]
        figs = [f for f in loaded.figures if f.value is not None]
        maps = map_figures(loaded.document.text, figs, loaded.sections,
                           self.list_indicators(include_retired=False))
        return {f.id: (m.reason if m.indicator else f"不对应指标：{m.reason}")
                for f, m in zip(figs, maps, strict=True)}

    def remap_indicators(self, report_id: int, reviewer: str) -> int:
        """Map the report's figures again with the current catalogue (e.g. after adding an
        indicator with cues, or for a report stored before indicators existed). Detected
        mappings change (audited); a reviewer's choice stays. Returns how many changed."""
        from core.indicators.mapping import map_figures
        from core.store.rematch import rematch_indicator

        loaded = self.load_report(report_id)  # type: ignore[attr-defined]
        figs = [f for f in loaded.figures if f.value is not None]
        maps = map_figures(loaded.document.text, figs, loaded.sections,
                           self.list_indicators(include_retired=False))
        changed = 0
        with self._tx():
            for f, m in zip(figs, maps, strict=True):
                if f.det_indicator != m.indicator or (
                        f.indicator_reviewer is None and f.indicator != m.indicator):
                    rematch_indicator(self.conn, f.id, m.indicator, reviewer, report_id)
                    changed += 1
        return changed

    # -- summary inputs -------------------------------------------------------------------------
    def set_indicator_choice(self, report_id: int, indicator_id: str, mode: str | None,
                             reviewer: str, figure_id: int | None = None,
                             action: str = "edit") -> None:
        """mode: sum / first / max / figure (with ``figure_id``); None = the catalogue default."""
        with self._tx():
            ind_db.set_choice(self.conn, report_id, indicator_id, mode, reviewer, figure_id,
                              action)

    def indicator_choices(self) -> dict[tuple[int, str], tuple[str, int | None]]:
        return ind_db.get_choices(self.conn)

    def set_body_alias(self, name: str, body: str | None, reviewer: str,
                       action: str = "edit") -> None:
        """The body named ``name`` (as normalised by ``core.indicators.bodies.body_key``) is the
        same as ``body``; None removes the alias."""
        with self._tx():
            ind_db.set_alias(self.conn, name, body, reviewer, action)

    def body_aliases(self) -> dict[str, str]:
        return ind_db.get_aliases(self.conn)

    def summary_inputs(self):
        """Everything ``core.indicators.summary`` needs, read in one snapshot."""
        from core.indicators.summary import SummaryInputs, read_inputs

        own = not self.conn.in_transaction  # one consistent snapshot even while another writes
        if own:
            self.conn.execute("BEGIN")
        try:
            data: SummaryInputs = read_inputs(self.conn, self.list_indicators(),
                                              ind_db.get_choices(self.conn),
                                              ind_db.get_aliases(self.conn))
        finally:
            if own:
                self.conn.execute("COMMIT")
        hidden = trash.trashed_ids(self.conn)  # reports in the 回收站 are in no summary
        if hidden:
            data.reports = [r for r in data.reports if r.id not in hidden]
            data.candidates = [c for c in data.candidates if c.report_id not in hidden]
        return data

    # -- review opinion -------------------------------------------------------------------------
    def get_opinion(self, report_id: int) -> str:
        return ind_db.get_opinion(self.conn, report_id)

    def set_opinion(self, report_id: int, text: str | None, reviewer: str,
                    action: str = "edit") -> str:
        with self._tx():
            return ind_db.set_opinion(self.conn, report_id, text, reviewer, action)
