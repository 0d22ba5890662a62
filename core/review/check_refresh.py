"""The checks of the open report, kept right while the reviewer works (no Qt).

The session already holds what the checks read — the text, the reviewed headings, figures and
metadata — so nothing is loaded again from the database:

* ``check_inputs(report)`` is a small fingerprint of what the single-report checks depend on
  (figure values, units, qualifiers and deletions; headings; metadata). Confirming a figure leaves
  it unchanged, so a Y press never re-runs anything;
* ``rerun(store, report)`` runs the checks on the reviewed data (as
  ``core.checks.service.rerun_checks`` does, without reading the report back), saves them — decisions
  kept by kind + quote — and returns the ``OpChanges`` that refreshes the 问题 panel;
* ``parts(report)`` is ``core.checks.service.part_evidence`` for the session: each required part
  present by heading or by a covering paragraph, with the reason.
"""
from __future__ import annotations

from types import SimpleNamespace

from core.review.changes import OpChanges


def check_inputs(report) -> tuple:
    rec = report.record
    figures = tuple((f.id, f.start, f.value, f.unit, f.qualifier, f.status == "已删除")
                    for f in report.figures)
    sections = tuple((s.start, s.end, s.level, s.kind) for s in report.sections)
    meta = (rec.org, rec.year, rec.published, rec.doc_number, rec.title)
    return figures, sections, meta


def _extraction(report):
    from core.checks.service import extraction_from_store

    loaded = SimpleNamespace(report=report.record, document=report.document,
                             sections=report.sections, figures=report.figures)
    return extraction_from_store(loaded)


def rerun(store, report) -> OpChanges:
    """Re-run the single-report checks of the session's report; one transaction."""
    from core.checks import run_checks

    ext = _extraction(report)
    spans = [(f.start, f.end, f.text) for f in ext.figures]
    store.save_checks(report.id, run_checks(ext), spans)
    return OpChanges(report.id, checks=True)


def parts(report):
    """``PartEvidence`` for the four required parts and the optional fifth, in order."""
    from core.checks.parts_content import find_parts

    return find_parts(report.document.text, report.sections, report.record.year)
