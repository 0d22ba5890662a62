"""Saves docs/export_print_indicators.png: the printed 指标汇总 and 同比 sheets of the .xlsx export,
as LibreOffice prints them (headless .xlsx → PDF, then pdftoppm → PNG; the first and
the last page, margins cut: 指标汇总 and 同比 of the five seed reports).

    python -m bench.screenshot_sheets [--reports DIR]

Needs ``soffice`` (Debian: libreoffice-calc-nogui) and ``pdftoppm`` (poppler-utils). The reports
(the five seed reports by default) are imported into a fresh database; every second mapped figure
is confirmed so the 待审指标 column shows what is left.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "data" / "seeds"


def main(argv: list[str] | None = None) -> int:
    from core.batch_import import import_paths
    from core.export.indicator_sheets import indicator_summary_sheet, year_over_year_sheet
    from core.export.workbook import write_review_xlsx
    from core.store import Store

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=Path, default=REPORTS)
    args = ap.parse_args(argv)
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        print("需要 soffice 和 pdftoppm（libreoffice-calc-nogui、poppler-utils）", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        with Store(work / "db.sqlite3") as store:
            import_paths(store, [args.reports])
            mapped = [f.id for r in store.list_reports() for f in store.list_figures(r.id)
                      if f.indicator]
            store.update_figures([(fid, {"status": "已确认"}) for fid in mapped[::2]], "截图")
            xlsx = work / "指标.xlsx"
            write_review_xlsx(store, xlsx, builders=[indicator_summary_sheet,
                                                     year_over_year_sheet])
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work),
                        str(xlsx)], check=True, capture_output=True, timeout=180)
        pdf = xlsx.with_suffix(".pdf")
        subprocess.run(["pdftoppm", "-png", "-r", "110", str(pdf), str(work / "page")],
                       check=True, timeout=60)
        out = ROOT / "docs" / "export_print_indicators.png"
        out.parent.mkdir(exist_ok=True)
        pages = sorted(work.glob("page*.png"))
        _stack([_content(p) for p in (pages[0], pages[-1])]).save(out)  # 指标汇总, 同比
        print(out)
    return 0


def _content(png: Path):
    """The printed area of a page (margins cut), with a thin white border."""
    from PIL import Image, ImageOps

    page = Image.open(png).convert("RGB")
    page = page.crop((0, 0, page.width, int(page.height * 0.93)))  # without the page footer
    box = ImageOps.invert(page).getbbox() or (0, 0, *page.size)
    return page.crop((max(box[0] - 12, 0), max(box[1] - 12, 0), box[2] + 12, box[3] + 12))


def _stack(images):
    """Pages one under the other."""
    from PIL import Image

    width = max(i.width for i in images)
    out = Image.new("RGB", (width, sum(i.height for i in images)), "white")
    y = 0
    for im in images:
        out.paste(im, (0, y))
        y += im.height
    return out


if __name__ == "__main__":
    sys.exit(main())
