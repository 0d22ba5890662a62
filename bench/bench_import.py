"""Measure the importers on ../shared/fixtures: fidelity, gold figures, PDF box exactness, speed.

Run from the repository root (the package path needs the root on ``sys.path``)::

    /work/venv/bin/python -m bench.bench_import            # markdown tables
    /work/venv/bin/python -m bench.bench_import --runs 5   # more timing runs (median)

Metrics:
- fidelity: ``difflib.SequenceMatcher`` ratio between the imported text and
  ``fixtures/expected/<name>.expected.txt`` after removing all whitespace and folding full-width
  digits (target >= 0.995).
- figures: every gold figure text of the seed the fixture was made from is found in the imported
  text (full-width digits folded), searched in gold order.
- boxes (PDF): for every found figure, each per-line rectangle of its characters is cropped from
  its page with pdfplumber (``within_bbox``) and the cropped characters must spell the same text.
- speed: PDF import time / time of plain pdfplumber ``extract_text()`` over all pages of the same
  file, ratio of medians over ``--runs`` (default 5) alternating runs (target <= 1.3), per file and
  summed over all PDFs; TXT and DOCX import
  times in ms (median, target <= 50 ms) for the TXT fixtures, the seeds themselves and the DOCX
  fixtures made from the seeds.
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import statistics
import time
from pathlib import Path

import pdfplumber

from core.importers import load_document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = SHARED / "fixtures"
EXPECTED = FIXTURES / "expected"
GOLD = SHARED / "gold"
FOLD_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def normalise(text: str) -> str:
    """Whitespace removed, full-width digits folded: the fidelity comparison form."""
    return re.sub(r"\s+", "", text).translate(FOLD_DIGITS)


def fidelity(text: str, expected: str) -> float:
    return difflib.SequenceMatcher(None, normalise(text), normalise(expected), autojunk=False).ratio()


def gold_figures(name: str, gold_dir: Path = GOLD) -> list[str]:
    path = next(gold_dir.glob(name[:3] + "_*.json"))
    return [f["text"] for f in json.loads(path.read_text(encoding="utf-8"))["figures"]]


def find_figures(text: str, figures: list[str]) -> tuple[list[tuple[int, int]], list[str]]:
    """Spans of the figures in ``text`` (searched in order, digits folded) and the texts not found."""
    folded = text.translate(FOLD_DIGITS)
    spans, missing, pos = [], [], 0
    for fig in figures:
        i = folded.find(fig, pos)
        if i < 0:
            i = folded.find(fig)
        if i < 0:
            missing.append(fig)
            continue
        spans.append((i, i + len(fig)))
        pos = i + 1
    return spans, missing


def box_check(path: Path, doc, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """``(ok, total)`` rectangles whose cropped page text equals the document's text there."""
    ok = total = 0
    by_page: dict[int, list[tuple[tuple, str]]] = {}
    for s, e in spans:
        for i in range(s, e):
            if doc.boxes.page[i] < 0 and not doc.text[i].isspace():
                by_page.setdefault(-1, []).append(((), doc.text[i]))  # a real char without a box
        for rect in doc.boxes.rects(s, e):
            p, x0, t, x1, b = rect
            want = "".join(doc.text[i] for i in range(s, e) if doc.boxes.page[i] == p
                           and doc.boxes.top[i] < b and doc.boxes.bottom[i] > t)
            by_page.setdefault(p, []).append(((x0, t, x1, b), want))
    total += len(by_page.pop(-1, []))
    with pdfplumber.open(path) as pdf:
        for p, items in sorted(by_page.items()):
            page = pdf.pages[p]
            for (x0, t, x1, b), want in items:
                total += 1
                crop = page.within_bbox((x0 - 0.5, t - 0.5, x1 + 0.5, b + 0.5))
                got = "".join(c["text"] for c in sorted(crop.chars, key=lambda c: c["x0"]) if c["text"].strip())
                ok += got == re.sub(r"\s", "", want)
    return ok, total


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def pdf_speed(path: Path, runs: int) -> tuple[float, float, float]:
    """``(import_ms, extract_text_ms, ratio)``; runs alternate so both see the same machine state."""
    def plain() -> None:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()

    a, b = [], []
    for _ in range(runs):
        a.append(_median_ms(plain, 1))
        b.append(_median_ms(lambda: load_document(path), 1))
    ma, mb = statistics.median(a), statistics.median(b)
    return mb, ma, mb / ma


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    load_document(next(FIXTURES.glob("*.docx")))  # warm imports (python-docx, lxml)
    load_document(next(FIXTURES.glob("*.txt")))
    print("| file | fidelity | gold figures found | boxes exact | import ms | extract_text ms | ratio |")
    print("|---|---|---|---|---|---|---|")
    worst = 0.0
    sum_import = sum_plain = 0.0
    for path in sorted(FIXTURES.glob("*")):
        expected = EXPECTED / (path.stem + ".expected.txt")
        if path.suffix not in (".docx", ".pdf") or not expected.exists():
            continue
        doc = load_document(path)
        fid = fidelity(doc.text, expected.read_text(encoding="utf-8"))
        figures = gold_figures(path.name)
        spans, missing = find_figures(doc.text, figures)
        found = f"{len(spans)}/{len(figures)}" + (f" (missing: {', '.join(missing[:3])})" if missing else "")
        if path.suffix == ".pdf":
            ok, total = box_check(path, doc, spans)
            ms, plain_ms, ratio = pdf_speed(path, args.runs)
            worst = max(worst, ratio)
            sum_import += ms
            sum_plain += plain_ms
            print(f"| {path.name} | {fid:.4f} | {found} | {ok}/{total} | {ms:.0f} | {plain_ms:.0f} | {ratio:.2f} |")
        else:
            ms = _median_ms(lambda path=path: load_document(path), max(args.runs, 5))
            print(f"| {path.name} | {fid:.4f} | {found} | – | {ms:.1f} | – | – |")
    print()
    print("| TXT fixture | encoding | equals seed | import ms |")
    print("|---|---|---|---|")
    for path in sorted(FIXTURES.glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt")):
        doc = load_document(path)
        seed = next((SHARED / "seeds").glob(path.name[:3] + "_*.txt")).read_text(encoding="utf-8")
        ms = _median_ms(lambda path=path: load_document(path), max(args.runs, 5))
        print(f"| {path.name} | {doc.encoding} | {doc.text == seed} | {ms:.1f} |")
    print(f"\nPDF speed ratio: worst file {worst:.2f}, all PDFs together {sum_import / sum_plain:.2f} (target <= 1.3)."
          " Single-file ratios are noisy on a busy machine; the import parses each page exactly once.")


if __name__ == "__main__":
    main()
