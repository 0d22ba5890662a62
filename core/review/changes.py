"""``OpChanges``: what one review operation changed, so a view refreshes exactly that.

Modelled on Anki's ``OpChanges``: an operation returns it, the session re-reads only the named
figures / the sections / the report row, and the views update the affected rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class OpChanges:
    report_id: int | None = None  # the report the change belongs to (None: nothing changed)
    figures: frozenset[int] = field(default_factory=frozenset)  # figures whose fields changed
    added: frozenset[int] = field(default_factory=frozenset)  # figures that are new
    sections: bool = False  # headings changed (outline, parts, section of each figure)
    report: bool = False  # the report's own fields (review state, metadata) changed
    checks: bool = False  # the report's findings or a decision on one changed (问题 panel)
    # the 指标汇总's other inputs changed (how a cell combines, which bodies are one)
    indicators: bool = False

    def __bool__(self) -> bool:
        return bool(self.figures or self.added or self.sections or self.report or self.checks
                    or self.indicators)

    @property
    def list_row(self) -> bool:
        """The report list's row of ``report_id`` may show other counts or another state."""
        return bool(self.figures or self.added or self.sections or self.report or self.checks)


NOTHING = OpChanges()


def figures_changed(report_id: int, ids) -> OpChanges:
    ids = frozenset(ids)
    return OpChanges(report_id, figures=ids) if ids else NOTHING
