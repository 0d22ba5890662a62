"""Checks a reviewer cannot do by eye, on one report (``run_checks``) or across reports (``copies``).

One module per kind: ``sums`` (a total vs its parts), ``rates`` (a rate vs part/whole, shares over
100 %), ``twice`` (one quantity stated twice), ``parts_content`` (required parts by heading or content),
``deadlines`` (dates and form), ``copies`` (paragraphs copied from another report, needs the store),
``reporting`` (which expected bodies have reported). Pure Python, no Qt; works on an ``Extraction``.
"""
from __future__ import annotations

from core.checks.base import KIND_LABELS, KINDS, Check

__all__ = ["Check", "KINDS", "KIND_LABELS", "run_checks", "checks_json"]


def run_checks(extraction) -> list[Check]:
    """Every single-report check, in reading order within each kind (parts, form, dates first)."""
    from core.checks.deadlines import check_deadlines, check_form
    from core.checks.parts_content import check_parts
    from core.checks.rates import check_rates
    from core.checks.sums import check_sums
    from core.checks.twice import check_twice

    text, figs, meta = extraction.text, extraction.figures, extraction.meta
    out: list[Check] = []
    out += check_parts(text, extraction.sections, meta.year)
    out += check_form(text, meta)
    out += check_deadlines(text, meta.year)
    out += check_sums(text, figs)
    out += check_rates(text, figs)
    out += check_twice(text, figs, extraction.sections)
    return out


def checks_json(extraction) -> dict:
    """The ``extract --json`` additions: ``checks`` and the evidence for each required part."""
    from core.checks.parts_content import find_parts

    evidence = find_parts(extraction.text, extraction.sections, extraction.meta.year)
    # The pipeline (core.analysis) has run the checks: an empty list means none were found, and
    # running them again here cost a cold ``extract`` ~45 ms for nothing.
    checks = extraction.checks
    return {"checks": [c.to_json() for c in checks],
            "parts": [e.to_dict() for e in evidence]}
