"""Count, over the Shenzhen corpus, how the figure detector handles each pattern of the rules document.

Run: ``python -m bench.tools.corpus_patterns [CORPUS_DIR]`` (default ../shared/corpus/shenzhen).
For every pattern: occurrences in the text, how many a figure covers exactly as the rules say
(``ok``), and for the not-a-figure patterns how many are (wrongly) figures.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from core.detect.figures import find_figures

N = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
CN = "[一二两三四五六七八九十]"
# name -> (regex whose group "fig" is the expected figure span, expect a figure?)
PATTERNS = {
    "突破 qualifier": (rf"(?P<fig>突破{N}[万亿]*[\u4e00-\u9fff%]{{0,1}})", True),
    "N成": (rf"(?P<fig>(?:{CN}|[0-9])成)(?!不变)", True),
    "X分之Y": (rf"(?P<fig>(?:百|千|{CN}+)分之{CN}+(?:[点.]{CN}+)?)", True),
    "a/b": (r"(?<![0-9/年月.])(?P<fig>[0-9]{1,2}/[0-9]{1,2})(?![0-9/月日])", True),
    "万千瓦/亿千瓦时": (rf"(?P<fig>{N}[万亿]千瓦时?)", True),
    "微克/立方米": (rf"(?P<fig>{N}微克/立方米)", True),
    "标箱": (rf"(?P<fig>{N}[万亿]?标箱)", True),
    "根/尾/国": (rf"(?<![A-Za-z0-9.])(?P<fig>{N}[万亿]?[根尾国])(?![际内家有土产企资])", True),
    "Latin prefix (GDP19亿元)": (rf"[A-Z]{{2,}}(?P<fig>{N}[万亿]+元)", True),
    "N万+noun": (rf"(?P<fig>{N}万)(?=贫困|人口|群众|市民|居民|学生|企业)", True),
    "14家长者": (rf"(?P<fig>{N}家)长者", True),
    "quoted name (not a figure)": (rf"[“\"](?P<fig>{N}[\u4e00-\u9fff]{{1,3}})[\u4e00-\u9fff]+[”\"]", False),
    "rank 前N% (not a figure)": (rf"前(?P<fig>{N}%)", False),
}


def covered(figs, s, e) -> bool:
    return any(f.start <= s and f.end >= e for f in figs)


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else Path(__file__).resolve().parents[3] / "shared" / "corpus" / "shenzhen"
    counts = {k: [0, 0] for k in PATTERNS}
    ranges = [0, 0]
    for p in sorted(corpus.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        figs = find_figures(text)
        starts = {f.start for f in figs}
        for name, (rx, want) in PATTERNS.items():
            for m in re.finditer(rx, text):
                s, e = m.span("fig")
                counts[name][0] += 1
                hit = covered(figs, s, e) if want else (s in starts)
                counts[name][1] += hit
        for m in re.finditer(rf"(?<![0-9年./-])({N})\s*[-~～—–至到]\s*({N})(?=[\u4e00-\u9fff%])", text):
            ranges[0] += 1
            ranges[1] += m.start(1) in starts and m.start(2) in starts
    print("| pattern | occurrences | figures (expected: covered / not-figure: wrongly taken) |")
    print("|---|---:|---:|")
    for name, (n, hit) in counts.items():
        print(f"| {name} | {n} | {hit} |")
    print(f"| range a-b (both ends figures) | {ranges[0]} | {ranges[1]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
