"""The checks on stored reports: what the window and the CLI call with a ``Store``.

The store only keeps findings and decisions; this module reads what it needs through ``Store``'s
methods, runs ``core.checks`` and saves the findings back (decisions are kept by kind + quote).

* ``rerun_checks(store, report_id)`` — after the reviewer edits figures, headings or metadata: the
  checks run on the *reviewed* values (a corrected total clears its sum check);
* ``part_evidence(store, report_id)`` — the 必备部分 panel: each part present by heading or content,
  with the span and the reason, or missing;
* ``run_copy_checks(store, year=None)`` — copied paragraphs, after an import;
* ``import_expected_bodies(store, path, reviewer)`` and ``reporting_status(store, year)``.
"""
from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from core.extraction import Extraction, Figure, Meta, Section


def extraction_from_store(loaded) -> Extraction:
    """An ``Extraction`` of what the reviewer sees: reviewed figures (deleted ones left out),
    reviewed headings (removed ones left out) and the edited metadata."""
    rec = loaded.report
    meta = Meta(org=rec.org, year=rec.year, published=rec.published, doc_number=rec.doc_number,
                title=rec.title)
    sections = sorted((Section(s.level, s.marker, s.title, s.start, s.end, s.kind)
                       for s in loaded.sections if not s.removed), key=lambda s: s.start)
    figures = sorted((Figure(f.start, f.end, f.text, f.value, f.unit or "", f.qualifier,
                             f.subject or "")
                      for f in loaded.figures if f.status != "已删除" and f.value is not None),
                     key=lambda f: (f.start, f.end))
    starts = [s.start for s in sections]
    for f in figures:  # innermost heading at or before the figure, as detection assigns it
        i = bisect_right(starts, f.start) - 1
        f.section = i if i >= 0 else None
    return Extraction(source=rec.file_name, format=rec.format, text=loaded.document.text,
                      meta=meta, sections=sections, figures=figures)


def rerun_checks(store, report_id: int):
    """Re-run the single-report checks on the reviewed data; returns the saved ``CheckRecord`` list."""
    from core.checks import run_checks

    ext = extraction_from_store(store.load_report(report_id))
    spans = [(f.start, f.end, f.text) for f in ext.figures]
    return store.save_checks(report_id, run_checks(ext), spans)


def part_evidence(store, report_id: int):
    from core.checks.parts_content import find_parts

    ext = extraction_from_store(store.load_report(report_id))
    return find_parts(ext.text, ext.sections, ext.meta.year)


def run_copy_checks(store, year: int | None = None) -> dict[int, int]:
    """Copied paragraphs for every stored report (or those of ``year`` and ``year + 1``, whose
    sources a new report of ``year`` may be), against all stored reports; {report_id: findings}."""
    from core.checks.copies import ReportText, copies_across, copy_checks

    reports = [ReportText(rid, org, yr, text, f"{org or name}{yr or ''}年度报告")
               for rid, org, yr, text, name in store.report_texts()]
    texts = {r.id: r.text for r in reports}
    matches = copies_across(reports)
    out = {}
    for r in reports:
        if year is not None and r.year not in (year, year + 1):
            continue
        found = copy_checks(r, matches.get(r.id, []), texts)
        store.save_checks(r.id, found, [], kinds=("copy",))
        out[r.id] = len(found)
    return out


def import_expected_bodies(store, path, reviewer: str, replace: bool = True) -> list[str]:
    """Names from a one-column .xlsx/.csv, added to (or replacing) the expected bodies."""
    from core.checks.reporting import clean_name, read_bodies_file

    names = [clean_name(n) for n in read_bodies_file(path)]
    if not names:  # an empty file must not wipe the list
        from core.errors import ReportError

        raise ReportError("empty", f"{Path(path).name} 的第一列中没有单位名称，名单未改动", str(path))
    base = [] if replace else store.expected_bodies()
    return store.set_expected_bodies(base + names, reviewer, source=str(path))


def reporting_status(store, year: int):
    """已报送 / 未报送 / 逾期 for each expected body in ``year``."""
    from core.checks.deadlines import find_dates
    from core.checks.reporting import ReportRef
    from core.checks.reporting import reporting_status as status

    refs = []
    for rid, org, yr, text, _name in store.report_texts(year):
        dates = find_dates(text)  # 成文日期 and 发布日期 apart: they have different deadlines
        signed, published = (dates[k][0].isoformat() if k in dates else None
                             for k in ("signed", "published"))
        refs.append(ReportRef(rid, org, yr, signed, published))
    return status(store.expected_bodies(), refs, year)
