"""Compact storage of a Document's position layers (blocks, PDF boxes) as BLOBs."""
from __future__ import annotations

import json
import zlib

from core.document import Block, CharBoxes


def blocks_to_blob(blocks: list[Block]) -> bytes:
    rows = [[b.start, b.end, b.kind, b.index, b.page, b.cell, int(b.bold)] for b in blocks]
    return zlib.compress(json.dumps(rows, separators=(",", ":")).encode(), 6)


def blocks_from_blob(blob: bytes | None) -> list[Block]:
    if not blob:
        return []
    out = []
    for start, end, kind, index, page, cell, bold in json.loads(zlib.decompress(blob)):
        out.append(Block(start, end, kind, index, page, tuple(cell) if cell else None, bool(bold)))
    return out


def boxes_to_blob(boxes: CharBoxes | None) -> bytes | None:
    return None if boxes is None else zlib.compress(boxes.to_bytes(), 6)


def boxes_from_blob(blob: bytes | None) -> CharBoxes | None:
    return None if blob is None else CharBoxes.from_bytes(zlib.decompress(blob))
