"""Paragraphs copied nearly word for word from the same body's earlier report, or from another
body's report of the same year.

Each paragraph is normalised before comparing — width folded, every number replaced by ``#``, only
Chinese characters, letters and ``#`` kept — so a copy whose years and figures were changed alone
(2022年召开5次 -> 2023年召开6次) still matches. ``rapidfuzz`` scores every paragraph of a report against
the candidate paragraphs of the reports it may have copied from; candidates come from a small
sketch index (``CopyIndex``), which keeps a year of reports — and 146 reports all against all — to
seconds.

A paragraph found in several other bodies' reports is most likely a shared formula (a slogan, a line
from a higher-level document): it is still listed, marked unsure, so the reviewer can dismiss it.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass

import numpy as np
from rapidfuzz import fuzz

from core.checks.base import Check, make
from core.detect.text_norm import fold_width, lines_with_offsets

THRESHOLD = 90  # fuzz.ratio on normalised paragraphs (100 = identical once numbers are masked)
MIN_CHARS = 50  # shorter paragraphs (headings, one-liners) repeat by nature
COMMON_IN = 3  # found in this many other bodies' reports: a shared formula
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?|[〇○零一二三四五六七八九十百千万两]+(?=[年月日号次件个项名人家场条份])")
_KEEP = re.compile(r"[^\u4e00-\u9fffA-Za-z#]+")


@dataclass
class ReportText:
    id: int
    org: str | None
    year: int | None
    text: str
    label: str = ""  # how the reviewer knows the report (body and year, or the file name)


@dataclass
class CopyMatch:
    report_id: int
    start: int
    end: int
    other_id: int
    other_start: int
    other_end: int
    score: float
    other_label: str = ""
    common: int = 1  # how many other reports hold this paragraph

    def to_dict(self) -> dict:
        return asdict(self)


def normalise(paragraph: str) -> str:
    return _KEEP.sub("", _NUMBER.sub("#", fold_width(paragraph)))


def paragraphs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised) of every paragraph long enough to count."""
    out = []
    for off, line in lines_with_offsets(text):
        norm = normalise(line)
        if len(norm) >= MIN_CHARS:
            lead = len(line) - len(line.lstrip())
            out.append((off + lead, off + len(line.rstrip()), norm))
    return out


def _org_key(org: str | None) -> str | None:
    return re.sub(r"\s+", "", org) if org else None


def sources_for(target: ReportText, reports: list[ReportText]) -> list[ReportText]:
    """Reports ``target`` may have copied from: the same body's earlier years, other bodies' same year."""
    key = _org_key(target.org)
    out = []
    for r in reports:
        if r.id == target.id or not r.year or not target.year:
            continue
        same_body = key is not None and _org_key(r.org) == key
        if (same_body and r.year < target.year) or (not same_body and r.year == target.year):
            out.append(r)
    return out


def _lengths_allow(a: int, b: int) -> bool:
    """fuzz.ratio = 2·matches/(a+b) ≤ 2·min/(a+b): lengths alone can rule a pair out."""
    return 200 * min(a, b) >= THRESHOLD * (a + b)


class CopyIndex:
    """Paragraphs of many reports, with a small sketch of each for finding candidates fast.

    Comparing every paragraph with every other is quadratic (146 reports all-against-all took five
    minutes with ``cdist``). A near copy shares most of its 8-character shingles with the original, so
    it almost surely shares one of the K smallest shingle hashes (a bottom-K sketch: the chance of
    missing a pair whose shingle sets overlap by J is (1-J)**K, 0.0007 at J = 0.7). Only paragraphs
    that share a sketch value are scored with ``fuzz.ratio``.
    """

    SHINGLE = 8
    K = 8
    # one shared sketch value is often a common phrase (习近平新时代中国特色社会主义思想…); a near copy
    # shares most of its K values: asking for two cut the candidates scored over the corpus 263,560 -> 37,742 with no pair lost
    MIN_SHARED = 2

    def __init__(self, reports: list[ReportText]):
        self.reports = {r.id: r for r in reports}
        self.paras: dict[int, list[tuple[int, int, str]]] = {}
        self.sketches: dict[int, list[set[int]]] = {}
        self.postings: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for r in reports:
            paras = paragraphs(r.text)
            self.paras[r.id] = paras
            self.sketches[r.id] = self._sketches([p[2] for p in paras])
            for i, sketch in enumerate(self.sketches[r.id]):
                for h in sketch:
                    self.postings[h].append((r.id, i))

    def _sketches(self, norms: list[str]) -> list[set[int]]:
        """Bottom-K shingle hashes of each paragraph; one vectorised rolling hash per report
        (hashing each 8-gram in Python cost 1.8 s over the corpus)."""
        if not norms:
            return []
        n = self.SHINGLE
        joined = "".join(norms)
        codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        m = len(codes) - n + 1
        hashes = np.zeros(max(m, 0), dtype=np.uint64)
        with np.errstate(over="ignore"):  # wrap-around arithmetic is the hash
            for k in range(n):
                hashes = hashes * np.uint64(1_000_003) + codes[k:k + m]
            hashes ^= hashes >> np.uint64(29)
            hashes *= np.uint64(0xBF58476D1CE4E5B9)  # mix, so the smallest hashes are random shingles
            hashes ^= hashes >> np.uint64(32)
        out, pos = [], 0
        for norm in norms:
            count = len(norm) - n + 1  # shingles wholly inside this paragraph (len >= MIN_CHARS > n)
            own = hashes[pos:pos + count]
            k = min(self.K, len(own))
            out.append({int(h) for h in np.partition(own, k - 1)[:k]})
            pos += len(norm)
        return out

    def find(self, target_id: int, source_ids: set[int]) -> list[CopyMatch]:
        """Best match among ``source_ids`` for each paragraph of ``target_id`` (score >= THRESHOLD)."""
        out = []
        for i, (start, end, norm) in enumerate(self.paras.get(target_id, ())):
            shared: Counter = Counter(c for h in self.sketches[target_id][i]
                                      for c in self.postings[h] if c[0] in source_ids)
            best = None
            bodies = set()
            for (rid, j), n_shared in shared.items():
                other = self.paras[rid][j][2]
                if n_shared < self.MIN_SHARED or not _lengths_allow(len(norm), len(other)):
                    continue
                score = fuzz.ratio(norm, other, score_cutoff=THRESHOLD)
                if score:
                    bodies.add(rid)
                    if best is None or score > best[0]:
                        best = (score, rid, j)
            if best:
                score, rid, j = best
                src = self.reports[rid]
                os_, oe, _ = self.paras[rid][j]
                label = src.label or f"{src.org or '未知单位'}{src.year or ''}年度报告"
                out.append(CopyMatch(target_id, start, end, rid, os_, oe, float(score), label,
                                     len(bodies)))
        return out


def find_copies(target: ReportText, sources: list[ReportText]) -> list[CopyMatch]:
    """Best match among ``sources`` for each paragraph of ``target`` scoring at least THRESHOLD."""
    index = CopyIndex([target, *[s for s in sources if s.id != target.id]])
    return index.find(target.id, {s.id for s in sources})


def copies_across(reports: list[ReportText]) -> dict[int, list[CopyMatch]]:
    """Copy matches for every report against its possible sources among ``reports``
    (the same body's earlier years, other bodies' same year)."""
    index = CopyIndex(reports)
    return {r.id: index.find(r.id, {s.id for s in sources_for(r, reports)}) for r in reports}


def copy_checks(target: ReportText, matches: list[CopyMatch], other_texts: dict[int, str]) -> list[Check]:
    """Checks (kind ``copy``) for the matches of one report; ``other_texts`` gives each source's text
    so the message can quote where the copy starts."""
    out = []
    for m in matches:
        other = other_texts.get(m.other_id, "")
        quote = other[m.other_start:m.other_start + 16]
        same = "完全相同" if m.score >= 99.5 else f"相似度{m.score:.0f}%"
        common = m.common >= COMMON_IN
        msg = (f"本段与{m.other_label}中“{quote}…”一段{same}（数字和年份不计）"
               + ("；多份报告都有这段，可能是通用表述，请核实" if common else "，疑似照抄"))
        out.append(make("copy", msg, target.text, m.start, m.end, certain=not common,
                        detail={"other_report_id": m.other_id, "other_start": m.other_start,
                                "other_end": m.other_end, "score": m.score, "common": m.common}))
    return out
