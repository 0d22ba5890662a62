"""Precision and recall of the figure → indicator mapping (non-null mappings only).

Labelled sets, kept apart on purpose:

* 开发集: ``../shared/gold/indicators/seeds.json`` — the five seed reports the rules were written on;
* 语料第一轮: ``bench/gold_corpus/indicators/*.json`` — five corpus reports labelled by hand before
  the rules were written. Measured once unseen (README), then its errors led to three general
  fixes, so it is no longer unseen and is reported as a second development set;
* 语料第二轮: ``bench/gold_corpus/indicators_round2/*.json`` — three more corpus reports labelled
  after those fixes; measured once unseen (README), then used for a second set of general fixes;
* 语料第三轮: ``bench/gold_corpus/indicators_round3/*.json`` — three more, labelled after the
  second fixes; measured once unseen (README), then used for a third set of general fixes;
* 语料第四轮: ``bench/gold_corpus/indicators_round4/*.json`` — three more, labelled after the
  third fixes; measured once unseen (README), then used for a fourth set of general fixes;
* 未参与规则编写的报告: ``bench/gold_corpus/indicators_round5/*.json`` — three more corpus reports
  labelled after the fourth fixes and measured with no change to the rules afterwards.

The whole pipeline runs on each report (import, detection, mapping). A gold figure is matched to a
detected one by its exact span; a mapped figure counts as a true positive when its indicator equals
the gold one. Run: ``python -m bench.eval_indicators [--verbose]``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS_SETS = (("语料第一轮（已用于修正）", ROOT / "bench" / "gold_corpus" / "indicators"),
               ("语料第二轮（已用于修正）", ROOT / "bench" / "gold_corpus" / "indicators_round2"),
               ("语料第三轮（已用于修正）", ROOT / "bench" / "gold_corpus" / "indicators_round3"),
               ("语料第四轮（已用于修正）", ROOT / "bench" / "gold_corpus" / "indicators_round4"),
               ("未参与规则编写的报告", ROOT / "bench" / "gold_corpus" / "indicators_round5"))


def _sets() -> list[tuple[str, str, Path, list[dict]]]:
    """(set label, report label, text path, gold figures) for every labelled report."""
    out = []
    seeds = SHARED / "gold" / "indicators" / "seeds.json"
    if seeds.exists():
        for name, figs in json.loads(seeds.read_text(encoding="utf-8")).items():
            out.append(("开发集", name[:3], SHARED / "seeds" / name.replace(".json", ".txt"), figs))
    for label, folder in CORPUS_SETS:
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            out.append((label, path.stem, SHARED / "corpus" / "shenzhen" / data["doc"],
                        data["figures"]))
    return out


def evaluate(verbose: bool = False) -> dict[str, dict]:
    from core.analysis import analyze_file
    from core.indicators.mapping import map_figures

    totals: dict[str, dict] = {}
    for set_label, report, path, gold in _sets():
        ext = analyze_file(str(path))
        maps = map_figures(ext.text, ext.figures, ext.sections)
        predicted = {(f.start, f.end): (m.indicator, m.reason)
                     for f, m in zip(ext.figures, maps, strict=True)}
        gold_map = {(g["start"], g["end"]): g["indicator"] for g in gold}
        t = totals.setdefault(set_label, {"tp": 0, "fp": 0, "fn": 0, "reports": []})
        row = {"report": report, "tp": 0, "fp": 0, "fn": 0}
        for span in sorted(set(predicted) | set(gold_map)):
            want = gold_map.get(span)
            got, reason = predicted.get(span, (None, "未识别出该数字"))
            if got is not None and got == want:
                row["tp"] += 1
                continue
            if got is not None:
                row["fp"] += 1
            if want is not None:
                row["fn"] += 1
            if verbose and (got or want):
                quote = ext.text[span[0]:span[1]]
                ctx = ext.text[max(0, span[0] - 30):span[0]].replace("\n", " ")
                print(f"  {report} {quote:>8} 应为 {want} 得到 {got}（{reason}）…{ctx}")
        for k in ("tp", "fp", "fn"):
            t[k] += row[k]
        t["reports"].append(row)
    for t in totals.values():
        t["precision"] = t["tp"] / max(t["tp"] + t["fp"], 1)
        t["recall"] = t["tp"] / max(t["tp"] + t["fn"], 1)
    return totals


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list every disagreement")
    args = ap.parse_args(argv)
    if not SHARED.exists():
        print("需要 ../shared（种子报告与语料）才能评测。", file=sys.stderr)
        return 2
    totals = evaluate(args.verbose)
    print("| 数据集 | 报告 | 正确 | 多映射 | 漏映射 | 精确率 P | 召回率 R |")
    print("|---|---|---|---|---|---|---|")
    for label, t in totals.items():
        for r in t["reports"]:
            p = f"{r['tp'] / (r['tp'] + r['fp']):.3f}" if r["tp"] + r["fp"] else "—"
            rc = f"{r['tp'] / (r['tp'] + r['fn']):.3f}" if r["tp"] + r["fn"] else "—"
            print(f"| {label} | {r['report']} | {r['tp']} | {r['fp']} | {r['fn']} | {p} | {rc} |")
        print(f"| **{label}** | **合计** | **{t['tp']}** | **{t['fp']}** | **{t['fn']}** "
              f"| **{t['precision']:.3f}** | **{t['recall']:.3f}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
