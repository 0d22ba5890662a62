"""Measure the checks: recall on constructed cases, false alarms per report on the seeds and corpus,
and the speed of the copied-text check over the corpus.

Run from the repository root::

    python -m bench.eval_checks                 # tables
    python -m bench.eval_checks --sample 30     # also print 30 corpus alarms (fixed seed) to judge
    python -m bench.eval_checks --runs 5        # timing runs for the copy check (median quoted)

* constructed: tests/data/checks/constructed.json (planted errors and look-alikes; the rules were tuned
  on them), tests/data/checks/holdout.json (written afterwards and only run), plus copy cases
  built here from corpus paragraphs: numbers and years changed, and 0-8 characters edited, planted in
  another report of the same year; negatives are unrelated paragraphs.
* seeds: ../shared/seeds (5 rule-of-law reports); corpus: ../shared/corpus/shenzhen (146 government
  work reports: another genre, so ``part`` and ``form`` alarms there mean "not a rule-of-law report"
  and are counted apart).
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CASES = ROOT / "tests" / "data" / "checks" / "constructed.json"
HOLDOUT = ROOT / "tests" / "data" / "checks" / "holdout.json"  # written after tuning, run unchanged
SUBSTANCE = ("sum", "rate", "percent", "twice", "deadline")


def _constructed(path: Path = CASES) -> dict[str, dict[str, int]]:
    from core.checks import run_checks
    from core.detect import detect

    out: dict[str, dict[str, int]] = {}
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
        row = out.setdefault(case["kind"], {"pos": 0, "found": 0, "sure": 0, "neg": 0, "false": 0})
        hits = [c for c in run_checks(detect(case["text"])) if c.kind == case["kind"]]
        if case["expect"]:
            row["pos"] += 1
            row["found"] += bool(hits)
            row["sure"] += any(c.certain for c in hits)
        else:
            row["neg"] += 1
            row["false"] += bool(hits)
    return out


def _mutate(paragraph: str, rng: random.Random, edits: int) -> str:
    """Change every number (years too) and ``edits`` Chinese characters."""
    import re

    out = re.sub(r"\d+", lambda m: str(int(m.group(0)) + rng.randint(1, 9)), paragraph)
    chars = list(out)
    han = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for i in rng.sample(han, min(edits, len(han))):
        chars[i] = rng.choice("的了和在是有为与及等将")
    return "".join(chars)


def _copy_cases(reports, rng: random.Random, n: int = 60) -> dict[str, int]:
    from core.checks.copies import ReportText, find_copies, paragraphs

    pool = [(r, p) for r in reports for p in paragraphs(r.text) if 80 <= len(p[2]) <= 400]
    found = 0
    picks = rng.sample(pool, n)
    for k, (src, (s, e, _)) in enumerate(picks):
        others = [r for r in reports if r.id != src.id and r.year]
        host = rng.choice(others)
        planted = _mutate(src.text[s:e], rng, edits=k % 9)
        target = ReportText(-1, "被测单位", src.year, host.text + "\n" + planted + "\n")
        source = ReportText(src.id, "原单位", src.year, src.text)
        hits = find_copies(target, [source])
        found += any(m.start >= len(host.text) for m in hits)
    return {"pos": n, "found": found}


def _load(folder: Path):
    from core.analysis import analyze_file

    return [(p, analyze_file(str(p))) for p in sorted(folder.glob("*.txt"))]


def _alarms(extractions):
    from core.checks import run_checks

    per_kind: Counter = Counter()
    found = []
    for path, ext in extractions:
        for c in run_checks(ext):
            per_kind[(c.kind, c.certain)] += 1
            found.append((path, ext, c))
    return per_kind, found


def _print_kind_table(title: str, per_kind: Counter, n_reports: int) -> None:
    print(f"\n{title}（{n_reports} 份）")
    print("| 类型 | 确定 | 待核实 | 每份报告 |")
    print("|---|---|---|---|")
    for kind in ("part", "form", "deadline", "sum", "rate", "percent", "twice"):
        sure, unsure = per_kind[(kind, True)], per_kind[(kind, False)]
        print(f"| {kind} | {sure} | {unsure} | {(sure + unsure) / max(n_reports, 1):.2f} |")
    subst = sum(v for (k, _), v in per_kind.items() if k in SUBSTANCE)
    print(f"| 数字与日期类合计 | | | {subst / max(n_reports, 1):.3f} |")


def _time_copies(reports, runs: int) -> tuple[float, float, int, int]:
    from core.checks.copies import CopyIndex, copies_across

    across, allpairs = [], []
    n_across = n_all = 0
    ids = {r.id for r in reports}
    for _ in range(runs):
        t = time.perf_counter()
        res = copies_across(reports)
        across.append(time.perf_counter() - t)
        n_across = sum(len(v) for v in res.values())
        t = time.perf_counter()
        index = CopyIndex(reports)
        n_all = sum(len(index.find(r.id, ids - {r.id})) for r in reports)
        allpairs.append(time.perf_counter() - t)
    return statistics.median(across), statistics.median(allpairs), n_across, n_all, res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=0, help="print N corpus alarms to judge")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    from core.checks.copies import ReportText

    print("构造用例（召回 = 命中的植入错误 / 植入错误；误报 = 报警的对照句 / 对照句）")
    print("| 类型 | 召回 | 其中确定 | 误报 |")
    print("|---|---|---|---|")
    for kind, r in _constructed().items():
        print(f"| {kind} | {r['found']}/{r['pos']} | {r['sure']}/{r['pos']} | {r['false']}/{r['neg']} |")

    print("\n留出用例（规则调好之后才写，只运行、不据此修改规则）")
    print("| 类型 | 召回 | 误报 |")
    print("|---|---|---|")
    for kind, r in _constructed(HOLDOUT).items():
        print(f"| {kind} | {r['found']}/{r['pos']} | {r['false']}/{r['neg']} |")

    seeds = _load(SHARED / "seeds")
    per_kind, found = _alarms(seeds)
    _print_kind_table("样例报告", per_kind, len(seeds))
    for path, _ext, c in found:
        print(f"  {path.name[:3]} {c.kind}{'' if c.certain else '（待核实）'}：{c.message}")

    corpus = _load(SHARED / "corpus" / "shenzhen")
    per_kind, found = _alarms(corpus)
    _print_kind_table("深圳语料", per_kind, len(corpus))
    if args.sample:
        rng = random.Random(13)
        subst = [f for f in found if f[2].kind in SUBSTANCE]
        for path, ext, c in rng.sample(subst, min(args.sample, len(subst))):
            s = max(0, c.start - 30)
            print(f"\n[{c.kind}{'' if c.certain else '，待核实'}] {path.name[:30]}：{c.message}\n"
                  f"    …{ext.text[s:c.end + 30]}…".replace("\n", " ").replace("    …", "\n    …"))

    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        _alarms(corpus)
        times.append(time.perf_counter() - t)
    chars = sum(len(e.text) for _, e in corpus)
    print(f"\n单份报告检查速度：{statistics.median(times) / chars * 1e7:.1f} ms / 万字"
          f"（语料 {chars} 字，{args.runs} 次中位数）")

    reports = [ReportText(i, e.meta.org, e.meta.year, e.text, p.name) for i, (p, e) in enumerate(corpus)]
    cc = _copy_cases(reports, random.Random(13))
    print(f"\n照抄（构造）：数字年份全改、另改0–8个字后植入其他报告：召回 {cc['found']}/{cc['pos']}")
    t_across, t_all, n_across, n_all, matches = _time_copies(reports, args.runs)
    print(f"照抄（语料 {len(reports)} 份）：同单位往年 + 同年其他单位 {t_across:.2f} s（{n_across} 段）；"
          f"全部两两比较 {t_all:.2f} s（{n_all} 段）；中位数，{args.runs} 次")
    if args.sample:
        for rid, ms in matches.items():
            for m in ms:
                a, b = reports[rid], reports[m.other_id]
                print(f"\n[copy {m.score:.0f}] {a.label[:24]} ← {b.label[:24]}\n"
                      f"    本段：{a.text[m.start:m.end][:70]}\n    原文：{b.text[m.other_start:m.other_end][:70]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
