"""Build the scanned test page once (the tests use the committed PDF, so they need no CJK font).

    python tests/data/ocr/make_ocr_pdfs.py   # needs fonts-noto-cjk (Noto Serif CJK, SIL OFL)

``seal_scan.pdf``: one A4 page, image only (150 dpi colour JPEG, like a scanner's output): a red
masthead, a paragraph of real report text (tests/data/seeds/002_*.txt, the social-assistance
paragraph) and a red seal stamped semi-transparently over the line holding "90271.78元" and over the
date. ``seal_scan.txt`` holds the printed lines, the known text the tests compare with.
"""
from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
FONT_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
DPI = 150
PX = DPI / 72.0  # pixels per point
A4 = (int(595 * PX), int(842 * PX))

MASTHEAD = "清远市清城区民政局"
BODY = ("2023年6月到7月，我局开展兜底解忧暖民心行动。在本次行动期间，全区共走访走访慰问低保、特困人员等"
        "特殊困难群众4537人次，其中为36人提供临时救助，资金支出90271.78元，纳入最低生活保障边缘家庭37人次。"
        "截至目前，我区应持有社保卡的困难群众已办卡17778人，完成率99.95%。")
SIGNATURE = ["清远市清城区民政局", "2024年1月15日"]
SEAL_LINE = "90271.78"  # the seal's centre goes on the line holding this


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Lines filled to the measured width, the first indented by two ideographic spaces."""
    lines, line = [], "　　"
    for ch in text:
        if font.getlength(line + ch) > width:
            lines.append(line)
            line = ""
        line += ch
    return lines + [line]


def _seal(diameter: int) -> Image.Image:
    """A red round seal (ring, star, name) on a transparent background."""
    seal = Image.new("RGBA", (diameter, diameter), (0, 0, 0, 0))
    d = ImageDraw.Draw(seal)
    red = (215, 25, 30, 255)
    ring = max(5, diameter // 28)
    d.ellipse((ring, ring, diameter - ring, diameter - ring), outline=red, width=ring)
    cx = cy = diameter / 2
    r = diameter * 0.2
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = r if k % 2 == 0 else r * 0.4
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=red)
    font = ImageFont.truetype(FONT_BOLD, int(diameter * 0.11))
    name = "清城区民政局"
    # the name along the top of the ring, one character at a time
    for k, ch in enumerate(name):
        a = math.radians(-150 + k * (120 / (len(name) - 1)))
        x = cx + diameter * 0.34 * math.cos(a)
        y = cy + diameter * 0.34 * math.sin(a)
        glyph = Image.new("RGBA", (int(diameter * 0.14),) * 2, (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((0, 0), ch, font=font, fill=red)
        glyph = glyph.rotate(-math.degrees(a) - 90, expand=True)
        seal.alpha_composite(glyph, (int(x - glyph.width / 2), int(y - glyph.height / 2)))
    d.text((cx, cy + diameter * 0.27), "专用章", font=font, fill=red, anchor="mm")
    return seal


def build() -> None:
    page = Image.new("RGB", A4, "white")
    d = ImageDraw.Draw(page)
    head = ImageFont.truetype(FONT_BOLD, int(26 * PX))
    body = ImageFont.truetype(FONT, int(16 * PX))
    d.text((A4[0] / 2, 110 * PX), MASTHEAD, font=head, fill=(220, 30, 35), anchor="mm")
    d.line((72 * PX, 140 * PX, A4[0] - 72 * PX, 140 * PX), fill=(220, 30, 35), width=int(2 * PX))
    printed = _wrap(BODY, body, A4[0] - 144 * PX)
    y = 180 * PX
    seal_x = seal_y = None
    for line in printed:
        d.text((72 * PX, y), line, font=body, fill="black")
        if SEAL_LINE in line:
            k = line.index(SEAL_LINE)
            seal_x = 72 * PX + body.getlength(line[:k + 4])
            seal_y = y + 10 * PX
        y += 30 * PX
    y += 30 * PX
    for line in SIGNATURE:
        d.text((A4[0] - 72 * PX, y), line, font=body, fill="black", anchor="ra")
        y += 30 * PX
    # Stamped over the figure line (left of centre) and, a second time, over the date.
    seal = _seal(int(4.2 / 2.54 * DPI))
    for cx, cy in ((seal_x, seal_y), (A4[0] - 140 * PX, y - 45 * PX)):
        layer = Image.new("RGBA", A4, (0, 0, 0, 0))
        layer.alpha_composite(seal, (int(cx - seal.width / 2), int(cy - seal.height / 2)))
        # Stamp ink is a translucent colour on the paper: it multiplies (print under it stays dark,
        # paper turns red), 85% strength like a freshly inked stamp.
        ink = Image.new("RGB", A4, "white")
        ink.paste(layer.convert("RGB"), mask=layer.getchannel("A").point(lambda v: int(v * 0.85)))
        page = ImageChops.multiply(page, ink)
    page.save(HERE / "seal_scan.pdf", "PDF", resolution=DPI, quality=70)
    (HERE / "seal_scan.txt").write_text("\n".join([MASTHEAD, *printed, *SIGNATURE]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()
