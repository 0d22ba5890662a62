"""Required parts of the annual report: classify headings by meaning and list what is missing.

The 《法治政府建设与责任落实督察工作规定》 asks for four parts (core.extraction.PART_KINDS) plus an optional
"other". Reports word and order them freely, so a heading is classified by its words only (never by its
position), with a lexicon kept as data in ``resources/dictionaries/parts.json``:

* a *strong* pattern decides alone (第一责任人 -> leader_duty, 不足/短板/存在的问题 -> shortcomings,
  下一步/工作计划/主要安排 -> plan, 举措/成效/工作情况 -> measures); ties go by the lexicon's priority;
* a year in the heading helps: a year after the report year means plan (``2024年工作重点``), the
  report year itself means measures (``2023年法治政府建设``);
* *weak* words (问题, 计划, 情况, ...) decide only when nothing strong matched;
* a level-1 heading with no part words that opens with an action verb (加强…, 健全…, 深化…) is a
  task-area heading of a measures part split by area, which reports work done: a reviewer counts it as
  the measures part, so it is classified ``measures``; anything else is ``other``.

Only level-1 headings get a kind, plus a level-2 heading that carries the leader-duty part (its title
names 第一责任人) when it sits under a part that reports the past year (not under plan/shortcomings).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from core.extraction import PART_KINDS, Section
from core.detect.text_norm import fold_width

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    from core.paths import resource

    data = json.loads(resource("dictionaries", "parts.json").read_text(encoding="utf-8"))
    comp: dict[str, Any] = {
        "priority": list(data["priority"]),
        # one alternation per kind: a single search per kind and title
        "strong": {k: [re.compile("|".join(f"(?:{p})" for p in v))] for k, v in data["strong"].items()},
        "weak": {k: [re.compile("|".join(f"(?:{p})" for p in v))] for k, v in data["weak"].items()},
        "action_verbs": tuple(sorted(data["action_verbs"], key=len, reverse=True)),
    }
    comp["future"] = re.compile("|".join(f"(?:{p})" for p in data["future"]))
    comp["any_strong"] = re.compile("|".join(f"(?:{p})" for v in data["strong"].values() for p in v)
                                    + r"|(?:19|20)[0-9]{2}\s*年")
    return comp


def may_name_a_part(title: str) -> bool:
    """Cheap pre-check: could part_kind() find anything in this title?"""
    return lexicon()["any_strong"].search(fold_width(title)) is not None


def _matches(patterns: dict, title: str) -> list[str]:
    return [k for k, pats in patterns.items() if any(p.search(title) for p in pats)]


def part_kind(title: str, report_year: int | None = None) -> str | None:
    """The part a heading title names by its words, or None when it names none.

    Only strong evidence: used to find headings whose marker is broken or missing.
    """
    hits = kinds_named(title)
    t = fold_width(title or "")
    years = [int(y) for y in _YEAR.findall(t)]
    later_year = bool(report_year and years and max(years) > report_year)
    if later_year and not ({"leader_duty", "shortcomings"} & hits):
        return "plan"  # a heading naming the next year is about next year's plan
    future = lexicon()["future"].search(t) is not None
    if "plan" in hits and not future and report_year and years and all(y == report_year for y in years):
        hits.discard("plan")  # 2023年重点工作 in the 2023 report: work done that year
        hits.add("measures")
    if {"plan", "measures"} <= hits:
        # 2023年重点工作完成情况 reports the past; 2024年工作计划及重点任务 looks ahead
        hits.discard("measures" if future else "plan")
    for k in lexicon()["priority"]:
        if k in hits:
            return k
    return None


def kinds_named(title: str) -> set[str]:
    """Every part a heading names with a strong pattern (存在的问题和下一步打算 names two)."""
    return set(_matches(lexicon()["strong"], fold_width(title or "")))


def classify_title(title: str, report_year: int | None = None) -> str:
    """Kind of a level-1 heading: a PART_KINDS entry or "other"."""
    kind = part_kind(title, report_year)
    if kind:
        return kind
    t = fold_width(title or "").strip()
    lex = lexicon()
    if report_year:
        years = [int(y) for y in _YEAR.findall(t)]
        if years and all(y == report_year for y in years):
            return "measures"
    weak = _matches(lex["weak"], t)
    for k in lex["priority"]:
        if k in weak:
            return k
    if t.startswith(lex["action_verbs"]):
        return "measures"
    return "other"


def top_level(sections: list[Section]) -> int:
    """Level that carries the parts: 1, or the highest level present when an outline has no 一、 headings
    (a short report numbered only （一） …); then those headings are classified like level-1 ones."""
    return min((s.level for s in sections), default=1)


def classify_sections(sections: list[Section], report_year: int | None = None) -> None:
    """Set ``kind`` in place: every level-1 heading, and leader-duty level-2 headings."""
    lex = lexicon()
    top = top_level(sections)
    parent_kind: str | None = None
    for s in sections:
        if s.level == top:
            s.kind = classify_title(s.title, report_year)
            parent_kind = s.kind
        elif s.level == top + 1 and parent_kind not in ("plan", "shortcomings"):
            t = fold_width(s.title)
            s.kind = "leader_duty" if any(p.search(t) for p in lex["strong"]["leader_duty"]) else None
        else:
            s.kind = None


def missing_parts(sections: list[Section]) -> list[str]:
    """Required kinds (PART_KINDS order) that no level-1 or leader-duty level-2 heading carries.

    A level-1 heading that names two parts (三、存在的问题及下一步工作打算) carries both.
    """
    top = top_level(sections)
    have = {s.kind for s in sections if s.level == top or s.kind == "leader_duty"}
    for s in sections:
        if s.level == top:
            have |= kinds_named(s.title)
    return [k for k in PART_KINDS if k not in have]
