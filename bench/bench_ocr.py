"""OCR of scanned pages: seconds per page, character accuracy and figure recall against the text PDF.

Run from the repository root::

    python -m bench.bench_ocr                    # the scanned fixture, our engine, 1 run
    python -m bench.bench_ocr --runs 3           # median of 3 runs per page
    python -m bench.bench_ocr --engines rapidocr,tesseract   # compare with Tesseract (chi_sim)

Pairs: ``tests/data/fixtures/000_yuzhong_scanned.pdf`` (the text PDF rasterised at 150 dpi, grey
JPEG) against ``000_yuzhong.pdf``, and the stamped scan ``tests/data/ocr/seal_scan.pdf`` against
its known text. For each page and engine:

* seconds to render and recognise the page (no cache; the engine is loaded before timing);
* character accuracy ``1 - edit distance / length`` of the page text (whitespace removed) against
  the reference; ``acc_folded`` also ignores full/half-width and dash variants (（ vs (, — vs -);
* peak resident memory of the process (``ru_maxrss``, all engines so far).

Figure recall (our engine only, the full import + detection pipeline): figures ``(value, unit)``
found in the OCR'd document over those found in the text PDF, per page and in total.
Tesseract runs through its command line (``tesseract`` on PATH with ``chi_sim``), fed the same
page images.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "data" / "fixtures"
SEAL = ROOT / "tests" / "data" / "ocr"
_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "一": "-"})


def _squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", _squeeze(text)).translate(_DASHES)


def _accuracy(ref: str, hyp: str) -> float:
    return 1 - Levenshtein.distance(ref, hyp) / max(len(ref), 1)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ours(image, dpi):
    from core.ocr.page import recognise_image

    return "".join(ln["text"] for ln in recognise_image(image, dpi).lines)


def _tesseract(image, dpi):
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "page.png")
        Image.fromarray(image).save(path, dpi=(dpi, dpi))
        run = subprocess.run(["tesseract", path, "-", "-l", "chi_sim", "--psm", "6"],
                             capture_output=True, text=True, check=True)
    return run.stdout


ENGINES = {"rapidocr": _ours, "tesseract": _tesseract}


def engine_pass(scan: Path, refs: dict[int, str], engines: list[str], runs: int) -> list[dict]:
    from core.ocr import engine as ocr_engine
    from core.ocr.page import render

    ocr_engine._load()  # model loading is a once-per-process cost, not a per-page one
    pdf = pdfium.PdfDocument(str(scan))
    rows = []
    for index in range(len(pdf)):
        image, dpi = render(pdf, index)
        for name in engines:
            times, text = [], ""
            for _ in range(runs):
                started = time.perf_counter()
                text = ENGINES[name](image, dpi)
                times.append(time.perf_counter() - started)
            ref = refs.get(index, "")
            rows.append({"file": scan.name, "page": index + 1, "engine": name,
                         "seconds": round(statistics.median(times), 2),
                         "acc": round(_accuracy(_squeeze(ref), _squeeze(text)), 4),
                         "acc_folded": round(_accuracy(_folded(ref), _folded(text)), 4),
                         "peak_mb": round(_peak_mb())})
            print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    return rows


def figure_recall(scan: Path, text_doc, text_ext) -> dict:
    """Import + detect the scan with OCR (fresh cache) and compare figures page by page."""
    from core.analysis import load_and_analyze

    with tempfile.TemporaryDirectory() as home:
        os.environ["REPORTDESK_HOME"] = home
        os.environ["REPORTDESK_OCR"] = "on"
        started = time.perf_counter()
        doc, ext = load_and_analyze(str(scan))
        seconds = time.perf_counter() - started
    pages = sorted({text_doc.page_of(f.start) for f in text_ext.figures} - {None})
    per_page, total_hit, total = [], 0, 0
    for p in pages:
        want = Counter((f.value, f.unit) for f in text_ext.figures if text_doc.page_of(f.start) == p)
        got = Counter((f.value, f.unit) for f in ext.figures if doc.page_of(f.start) == p)
        hit = sum((want & got).values())
        per_page.append({"page": p + 1, "text_pdf": sum(want.values()), "scan_found": hit,
                         "missed": sorted(f"{v}{u}" for (v, u) in (want - got).elements()),
                         "extra": sorted(f"{v}{u}" for (v, u) in (got - want).elements())})
        total_hit += hit
        total += sum(want.values())
    return {"file": scan.name, "import_seconds": round(seconds, 1), "pages": len(doc.page_sizes),
            "figures_text_pdf": total, "figures_found_on_scan": total_hit,
            "recall": round(total_hit / max(total, 1), 4), "per_page": per_page}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engines", default="rapidocr", help="comma list of: " + ", ".join(ENGINES))
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--no-recall", action="store_true", help="skip the full-import figure recall")
    args = ap.parse_args()
    os.environ["REPORTDESK_OCR"] = "off"  # the reference text PDF is read from its text layer
    from core.analysis import load_and_analyze
    from core.detect import detect

    text_doc, text_ext = load_and_analyze(str(FIXTURES / "000_yuzhong.pdf"))
    seal_lines = (SEAL / "seal_scan.txt").read_text(encoding="utf-8").splitlines()
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    text_pdf = pdfium.PdfDocument(str(FIXTURES / "000_yuzhong.pdf"))  # the printed page, headers included
    refs = {i: text_pdf[i].get_textpage().get_text_range() for i in range(len(text_pdf))}
    rows = engine_pass(FIXTURES / "000_yuzhong_scanned.pdf", refs, engines, args.runs)
    rows += engine_pass(SEAL / "seal_scan.pdf", {0: "".join(seal_lines)}, engines, args.runs)
    for name in engines:
        mine = [r for r in rows if r["engine"] == name and r["file"].startswith("000")]
        print(f"{name}: 000_yuzhong_scanned {len(mine)} pages, median {statistics.median(r['seconds'] for r in mine):.2f} s/page, "
              f"accuracy mean {statistics.mean(r['acc'] for r in mine):.4f} (folded {statistics.mean(r['acc_folded'] for r in mine):.4f}), "
              f"peak {max(r['peak_mb'] for r in rows if r['engine'] == name)} MB")
    if not args.no_recall:
        result = figure_recall(FIXTURES / "000_yuzhong_scanned.pdf", text_doc, text_ext)
        print(json.dumps(result, ensure_ascii=False, indent=1))
        body = "\n".join([seal_lines[0], "".join(seal_lines[1:-2]).strip("\u3000"), *seal_lines[-2:]])
        known = Counter((f.value, f.unit) for f in detect(body, source="seal", fmt="txt").figures)
        os.environ["REPORTDESK_OCR"] = "on"
        _, ext = load_and_analyze(str(SEAL / "seal_scan.pdf"))
        got = Counter((f.value, f.unit) for f in ext.figures)
        print(f"seal_scan.pdf: {sum((known & got).values())}/{sum(known.values())} figures of the known text found")


if __name__ == "__main__":
    main()
