"""Red seals over text: make the seal's ink background before recognition.

A 公章 is printed or stamped in red over the signature block, and often over the date or a figure.
Recognition on the ordinary grey image sees the red ring and its red text as strokes and merges
them with the black digits below ("2015年12月" became "2015年1月"). In the red channel, red ink is
as bright as paper while black print stays dark, so inside a seal the red channel *is* the page
without the seal.

Only seal-shaped red areas are cleaned: a red 版头 (masthead) or red body text elsewhere on the
page keeps its normal grey value, so it is still read. A seal is a red blob at least
``MIN_SEAL_CM`` across both ways and not much wider than tall (round, oval, or two seals side by
side); masthead lines are wide and flat, single red characters are smaller.
"""
from __future__ import annotations

import numpy as np

MIN_SEAL_CM = 2.5  # official seals are 3.8-4.5 cm; a masthead character is at most ~2 cm
MAX_SEAL_CM = 10.0  # larger red areas are pictures or coloured backgrounds (two touching seals fit)
_RED_MARGIN = 40  # R above both G and B by this much (0-255) counts as red ink


def red_mask(rgb: np.ndarray) -> np.ndarray:
    """True where a pixel is red ink (clearly redder than it is green or blue)."""
    r = rgb[..., 0].astype(np.int16)
    g = rgb[..., 1].astype(np.int16)
    b = rgb[..., 2].astype(np.int16)
    return (r - np.maximum(g, b) > _RED_MARGIN) & (r > 110)


def seal_boxes(rgb: np.ndarray, dpi: float) -> list[tuple[int, int, int, int]]:
    """Pixel boxes ``(x0, y0, x1, y1)`` of seal-like red areas on a page image."""
    import cv2

    mask = red_mask(rgb).astype(np.uint8)
    if not mask.any():
        return []
    px_per_cm = dpi / 2.54
    # Close the gaps between the ring, the star, the seal's characters and the print that crosses
    # them, so one seal is one blob.
    k = max(3, int(px_per_cm * 0.8)) | 1  # bridges a line of print (~0.6 cm) crossing the ring
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    count, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    lo, hi = MIN_SEAL_CM * px_per_cm, MAX_SEAL_CM * px_per_cm
    boxes = []
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if lo <= min(w, h) and max(w, h) <= hi and 0.4 <= w / h <= 2.5:
            pad = k
            boxes.append((max(0, x - pad), max(0, y - pad), x + w + pad, y + h + pad))
    return boxes


def suppress_seals(rgb: np.ndarray, dpi: float) -> tuple[np.ndarray, int]:
    """Grey page image (3 channels, as the recogniser expects) with seal ink turned to paper.

    Returns the image and the number of seals cleaned.
    """
    grey = (rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114).astype(np.uint8)
    boxes = seal_boxes(rgb, dpi)
    mask = red_mask(rgb) if boxes else None
    for x0, y0, x1, y1 in boxes:
        assert mask is not None  # made above whenever there is a box
        # Red channel inside the seal: red ink -> light, black print stays dark. Then levels:
        # whatever is as light as the seal's ink (in that channel) becomes paper, so no grey ghost
        # of the ring and star is left for the detector to read as strokes.
        red = rgb[y0:y1, x0:x1, 0].astype(np.float32)
        ink = red[mask[y0:y1, x0:x1]]
        white = float(np.percentile(ink, 30)) - 15 if ink.size else 255.0
        white = max(white, 96.0)  # never stretch so far that grey print turns white
        grey[y0:y1, x0:x1] = np.clip(red * (255.0 / white), 0, 255).astype(np.uint8)
    return np.repeat(grey[..., None], 3, axis=2), len(boxes)
