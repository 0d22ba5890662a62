"""Map each figure of a report to one catalogue indicator or to none, with a reason a reviewer can read.

Rules, not a trained model: the gold data is 5 seed reports with 42 mapped figures — far too few
to train on without learning those five texts — and a reviewer must be able to see *why* a figure
went to a column (“线索‘执法检查’，单位‘家次’”). Every rule is general (wording, unit, position in
the outline), never a seed's text. Data lives in ``resources/indicators/rules.json`` (extra cues,
allowed units, topic words, veto words per indicator) beside the catalogue's own cues.

Per figure, in order:

1. *Always null*: the figure stands in a plan or shortcomings part, states a target (至少, 不低于,
   力争 …), or a change (增长, 下降, 同比 …, right before the number).
2. *Candidates*: indicators whose unit fits; the nearest cue before the figure in its own stretch
   of the sentence (not before an earlier number and a comma) or after it in its clause scores,
   longer cues score more, 《document titles》 do not count as distance, a cue right before a later
   number is that number's; an indicator with topic words needs one in the sentence or the one
   before; a veto word near the cue or in what the number counts (up to the next number) rules it
   out. The best score wins.
3. *Report-level passes* (the catalogue README's rules): a total and its parts — only the total
   maps; a rate maps once per report (the first); a restatement of the same value maps once; a
   smaller repeat of a meeting or study count in the leader-duty part is included in the first.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from core.indicators.catalog import Indicator, default_catalog
from core.lazy_re import lazy

_HARD = "。！？；;!?\n"
_MAX_CUE_DISTANCE = 45  # characters between a cue and its number; further is another subject
_TARGET = re.compile(r"力争|争取|努力|确保.{0,6}(?:达|不低于|以上)|预期目标|目标是|计划|拟于|拟将|拟在|每年至少|"
                     r"不低于|不少于|不超过|控制在|以内")
_TARGET_QUALIFIERS = ("至少", "不低于", "不少于", "不超过", "力争")
_CHANGE = re.compile(r"(?:增长|增加|下降|减少|提高|提升|上升|降低|增幅|降幅|同比|比上年|较上年|"
                     r"压缩至|压减至|缩短至|精简|减少了|年均|平均|人均|每月|每年|每季度|每周)"
                     r"(?:了|达|为|约|近|至)?$")
_TITLE = re.compile(r"《[^《》]*》")
_SKIP_PARTS = {"plan": "位于下一年度工作安排部分（计划不计）",
               "shortcomings": "位于存在的不足部分"}


class FigureLike(Protocol):
    start: int
    end: int
    value: float | int | None
    unit: str | None
    qualifier: str | None


@dataclass(frozen=True)
class Mapping:
    indicator: str | None
    reason: str


@dataclass(frozen=True)
class _Rule:
    cues: tuple[str, ...]
    units: frozenset[str]
    topic: tuple[str, ...]
    veto: tuple[str, ...]
    avoid: tuple[str, ...]  # a word anywhere in the sentence rules the indicator out
    any_cue: re.Pattern  # one search tells whether any cue is near at all (most are not)


@lru_cache(maxsize=1)
def _rule_data() -> dict:
    from core.paths import resource

    return json.loads(resource("indicators", "rules.json").read_text(encoding="utf-8"))


def _rule_for(ind: Indicator) -> _Rule:
    data = _rule_data()
    extra = data["indicators"].get(ind.id, {})
    units = extra.get("units") or data["unit_groups"].get(ind.unit, [ind.unit])
    if ind.kind == "rate":
        units = ["%", "％"]
    cues = tuple(dict.fromkeys([*ind.cues, *extra.get("cues", ())]))
    # compiled when a figure first reaches this rule: most reports reach a few of the 45 rules
    any_cue = lazy("|".join(map(re.escape, cues)) or "(?!)")
    return _Rule(cues, frozenset(units), tuple(extra.get("topic", ())),
                 tuple(extra.get("veto", ())), tuple(extra.get("avoid", ())), any_cue)


@lru_cache(maxsize=8)
def _rules(catalog: tuple[Indicator, ...]) -> tuple[tuple[Indicator, _Rule], ...]:
    return tuple((ind, _rule_for(ind)) for ind in catalog if not ind.retired)


class _Sentences:
    """Sentence bounds by bisection over the text's hard stops (found once per report: a plain
    ``find`` per figure and stop character scanned the rest of a long report each time)."""

    def __init__(self, text: str):
        self.stops = [m.start() for m in re.finditer(f"[{re.escape(_HARD)}]", text)]
        self.length = len(text)

    def __call__(self, start: int, end: int) -> tuple[int, int]:
        i = bisect_left(self.stops, start)
        s0 = self.stops[i - 1] + 1 if i > 0 else 0
        j = bisect_left(self.stops, end)
        return s0, self.stops[j] if j < len(self.stops) else self.length


def _clause_after(text: str, end: int, s1: int) -> str:
    """Up to the next comma: a list (97家…、1100家…和15家…进行了检查) keeps its verb."""
    stop = s1
    for ch in "，,：:":
        p = text.find(ch, end, s1)
        if 0 <= p < stop:
            stop = p
    return text[end:stop]


def _clause_before(text: str, start: int, s0: int) -> str:
    cut = max(text.rfind(ch, s0, start) for ch in "，,、：:（(")
    return text[max(cut + 1, s0):start]


def _part_kinds(sections) -> tuple[list[int], list[str | None]]:
    """Starts and kinds of the parts (level-1 headings, plus a level-2 leader-duty heading)."""
    starts, kinds = [], []
    for s in sorted(sections or (), key=lambda s: s.start):
        if s.level == 1 or s.kind == "leader_duty":
            starts.append(s.start)
            kinds.append(s.kind)
    return starts, kinds


def _part_of(starts: list[int], kinds: list[str | None], pos: int) -> str | None:
    i = bisect_right(starts, pos) - 1
    return kinds[i] if i >= 0 else None


def _score(rule: _Rule, before: str, after: str, after_obj: str, context: str, sentence: str,
           later: list[int], floor: int) -> tuple[float, str] | None:
    """Best cue evidence for one indicator: (score, cue) or None.

    ``before``: the figure's own stretch of the sentence; ``after``: its clause after it (a list
    keeps its verb: 对97家…、15家…进行了检查); ``after_obj``: what directly follows the number, up
    to the next number (what is counted: 6宗违纪违规案件). ``context`` (the sentence and the one
    before it) must hold a topic word when the indicator has any."""
    if rule.topic and not any(t in context for t in rule.topic):
        return None
    if rule.avoid and any(a in sentence for a in rule.avoid):
        return None
    if not (rule.any_cue.search(before) or rule.any_cue.search(after)):
        return None
    best = None
    for cue in rule.cues:
        for score, window in _cue_hits(cue, before, after, after_obj, later, floor):
            if any(v in window for v in rule.veto):
                continue
            if best is None or score > best[0]:
                best = (score, cue)
    return best


def _cue_hits(cue: str, before: str, after: str, after_obj: str, later: list[int],
              floor: int):
    """(score, veto window) for the cue's nearest occurrence before the number and after it."""
    pos = before.rfind(cue)
    if pos >= 0:
        dist = len(before) - (pos + len(cue))
        if dist <= _MAX_CUE_DISTANCE:
            window = before[max(0, pos - 12, floor):]  # not into an earlier number's words
            window = window[max(window.rfind("）"), window.rfind(")")) + 1:] + after_obj
            yield 3 * len(cue) - dist, window
    pos = after.find(cue)
    # A cue right before a later number is that number's (…9件、人大代表建议220件): not ours.
    # One directly after our number (6项重大行政决策事项及2项) is ours.
    if pos >= 0 and (pos <= 2 or not any(0 <= o - (pos + len(cue)) <= 6 for o in later)):
        yield 3 * len(cue) - pos - 4, before[-6:] + after_obj  # weaker than a cue before


_SENTENCE_REACH = 300  # characters either side of a number that may hold its cues


def _candidate(text: str, sentences: _Sentences, fig: FigureLike, rules, part: str | None,
               prev_end: int, later_starts: list[int]) -> Mapping:
    if part in _SKIP_PARTS:
        return Mapping(None, _SKIP_PARTS[part])
    if (fig.qualifier or "") in _TARGET_QUALIFIERS:
        return Mapping(None, f"目标或要求（“{fig.qualifier}”）")
    s0, s1 = sentences(fig.start, fig.end)
    # Evidence for a number stands near it; clipping an endless "sentence" (a flattened table,
    # a hostile file) keeps the cost per figure bounded instead of growing with the sentence.
    s0, s1 = max(s0, fig.start - _SENTENCE_REACH), min(s1, fig.end + _SENTENCE_REACH)
    clause = _clause_before(text, fig.start, s0)
    if _TARGET.search(clause):
        return Mapping(None, "目标、计划或要求")
    if _CHANGE.search(clause.rstrip("了达为约近至到")) or _CHANGE.search(clause):
        return Mapping(None, "增减、同比或平均数")
    # A cue before an earlier number and a comma belongs to that number (调处纠纷68宗，处置突发事件53宗).
    region = s0
    if prev_end > s0:
        cuts = [p for p in (text.find(ch, prev_end, fig.start) for ch in "，,；;：:") if p >= 0]
        region = min(cuts) + 1 if cuts else s0
    before = _TITLE.sub("《》", text[region:fig.start])  # a long document title is not distance
    floor = len(_TITLE.sub("《》", text[region:prev_end])) if prev_end > region else 0
    after = _clause_after(text, fig.end, s1)
    next_start = later_starts[0] if later_starts else len(text)
    later = [st - fig.end for st in later_starts if st < fig.end + len(after)]
    after_obj = text[fig.end:min(next_start, fig.end + len(after))]
    # what is counted ends at a list mark or a bracket (a breakdown is not the object)
    after_obj = re.split(r"[（(、]", after_obj, maxsplit=1)[0]
    p0 = sentences(s0 - 1, s0 - 1)[0] if s0 > 0 and text[s0 - 1] != "\n" else s0
    context, sentence = text[p0:s1], text[s0:s1]
    unit = (fig.unit or "").strip()
    hits: list[tuple[float, Indicator, str]] = []
    for ind, rule in rules:
        if unit not in rule.units:
            continue
        found = _score(rule, before, after, after_obj, context, sentence, later, floor)
        if found:
            hits.append((found[0], ind, found[1]))
    if not hits:
        return Mapping(None, "没有与单位相符的指标线索")
    best = _first_named(max(hits, key=lambda h: h[0]), hits, before, floor)
    return Mapping(best[1].id, f"线索“{best[2]}”，单位“{unit}”")


def _first_named(best, hits, before: str, floor: int):
    """One number for indicators named together (人大、政协建议、提案87件): the first-named one,
    when their cues all stand in the number's own clause, after any earlier number."""
    group = _joint().get(best[1].id)
    if not group:
        return best
    clause = max(max(before.rfind(ch) for ch in "，,；;：:") + 1, floor)
    named = []
    for h in hits:
        pos = before.rfind(h[2])
        if h[1].id in group and pos >= clause:
            named.append((pos, h))
    return min(named, key=lambda p: p[0])[1] if len(named) > 1 else best


@lru_cache(maxsize=1)
def _joint() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for group in _rule_data().get("joint", ()):
        for ind in group:
            out[ind] = frozenset(group)
    return out


def _in_parentheses(text: str, s0: int, pos: int) -> bool:
    seg = text[s0:pos]
    opened = max(seg.rfind("（"), seg.rfind("("))
    closed = max(seg.rfind("）"), seg.rfind(")"))
    return opened > closed


def map_figures(text: str, figures: Iterable[FigureLike], sections=None,
                catalog: Iterable[Indicator] | None = None) -> list[Mapping]:
    """One ``Mapping`` per figure (same order). ``figures`` need start/end/value/unit/qualifier;
    ``sections`` (optional) need start/level/kind; ``catalog`` defaults to the shipped one."""
    figs = list(figures)
    cat = tuple(catalog) if catalog is not None else default_catalog()
    kinds = {ind.id: ind for ind in cat}
    rules = _rules(cat)
    starts, part_kinds = _part_kinds(sections)
    order = sorted(range(len(figs)), key=lambda i: figs[i].start)
    sentences = _Sentences(text)
    out: list[Mapping] = [Mapping(None, "")] * len(figs)
    parts = [_part_of(starts, part_kinds, figs[i].start) for i in range(len(figs))]
    for n, i in enumerate(order):
        prev_end = figs[order[n - 1]].end if n else -1
        later_starts = [figs[j].start for j in order[n + 1:n + 12]]
        out[i] = _candidate(text, sentences, figs[i], rules, parts[i], prev_end, later_starts)
    _report_passes(text, sentences, figs, order, out, kinds, parts)
    return out


def _report_passes(text, sentences, figs, order, out, kinds, parts) -> None:
    seen_rate: set[str] = set()
    seen_values: dict[str, list[float]] = {}
    first_part: dict[str, str | None] = {}
    by_sentence: dict[int, list[int]] = {}
    for i in order:
        by_sentence.setdefault(sentences(figs[i].start, figs[i].end)[0], []).append(i)
    for s0, members in by_sentence.items():
        _drop_parts(text, s0, figs, members, out)
    for i in order:
        ind_id = out[i].indicator
        if ind_id is None:
            continue
        ind = kinds[ind_id]
        value = figs[i].value
        if ind.kind == "rate":
            if ind_id in seen_rate:
                out[i] = Mapping(None, f"同一比率“{ind.name}”只记第一个")
                continue
            seen_rate.add(ind_id)
            continue
        previous = seen_values.get(ind_id, [])
        if value is not None and value in previous:
            out[i] = Mapping(None, f"重复前文已计入“{ind.name}”的同一数字")
            continue
        lead = text[max(0, figs[i].start - 40):figs[i].start]
        if (parts[i] == "leader_duty" and first_part.get(ind_id, "leader_duty") != "leader_duty"
                and value is not None and previous and value <= max(previous)
                and not re.search(r"另|此外", lead)):
            out[i] = Mapping(None, f"第一责任人部分重述，已含在前文“{ind.name}”中")
            continue
        first_part.setdefault(ind_id, parts[i])
        seen_values.setdefault(ind_id, []).append(value)


# A total and its parts stand close together: look this many figures ahead in a sentence. Without
# a bound a sentence of thousands of figures (a hostile file, a flattened table) costs hours.
_PARTS_LOOKAHEAD = 30


def _paren_flags(text: str, s0: int, positions: list[int]) -> list[bool]:
    """``_in_parentheses`` for ascending positions in one left-to-right pass over the sentence."""
    flags, opened, closed, scanned = [], -1, -1, s0
    for pos in positions:
        for k in range(scanned, pos):
            ch = text[k]
            if ch in "（(":
                opened = k
            elif ch in "）)":
                closed = k
        scanned = max(scanned, pos)
        flags.append(opened > closed)
    return flags


def _drop_parts(text: str, s0: int, figs, members: list[int], out) -> None:
    """Within one sentence: parts after a total of the same indicator do not map."""
    in_paren = _paren_flags(text, s0, [figs[m].start for m in members])
    for a_pos, a in enumerate(members):
        ind_id = out[a].indicator
        if ind_id is None or figs[a].value is None:
            continue
        window = range(a_pos + 1, min(len(members), a_pos + 1 + _PARTS_LOOKAHEAD))
        plain = [k for k in window if not in_paren[k]
                 and (figs[members[k]].unit or "") == (figs[a].unit or "")]
        plain_sum = sum(figs[members[k]].value or 0 for k in plain)
        for k in window:
            b = members[k]
            if out[b].indicator != ind_id or figs[b].value is None:
                continue
            between = text[figs[a].end:figs[b].start]
            if in_paren[k] or "其中" in between or (
                    len(plain) > 1 and abs(plain_sum - figs[a].value) < 1e-9):
                out[b] = Mapping(None, "总数的分项，只记总数")


def map_extraction(extraction) -> None:
    """Set ``Figure.indicator`` on every figure of a detection result (the shipped catalogue)."""
    maps = map_figures(extraction.text, extraction.figures, extraction.sections)
    for fig, m in zip(extraction.figures, maps, strict=True):
        fig.indicator = m.indicator
