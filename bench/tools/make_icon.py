"""Draw the app icon (resources/icons/app.png and app.ico): a red seal with a document and a tick.

Run once when the design changes: ``python -m bench.tools.make_icon``. Drawn in code so no binary
design file has to be kept, and no font is needed.
"""
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[2] / "resources" / "icons"


def draw(size: int = 256) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 256
    d.rounded_rectangle([8 * s, 8 * s, 248 * s, 248 * s], radius=40 * s, fill=(190, 30, 45, 255))
    d.rectangle([60 * s, 40 * s, 196 * s, 216 * s], fill=(255, 255, 255, 255))
    for i, y in enumerate(range(70, 170, 24)):
        d.rectangle([80 * s, y * s, (176 - 30 * (i % 2)) * s, (y + 8) * s], fill=(150, 150, 150, 255))
    d.line([(110 * s, 180 * s), (135 * s, 205 * s), (200 * s, 130 * s)], fill=(30, 140, 60, 255),
           width=int(18 * s), joint="curve")
    return img


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    icon = draw()
    icon.save(OUT / "app.png")
    icon.save(OUT / "app.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print("wrote", OUT)
