"""Build gold JSON files (same format as the seed gold) from hand-written label specs.

A spec (``bench/gold_corpus/specs/NAME.spec``) is written by a person reading the report; offsets are
found here, so nobody has to count characters. Lines:

    @doc      FILE.txt                      the text file in bench/gold_corpus/ (a verbatim slice)
    @source   ORIGINAL NAME START END       where the slice comes from in the corpus (information)
    @meta     org=… year=2019 published=2019-12-18 doc_number=…   (``-`` for null)
    @note     free text                     goes to "notes"
    §LEVEL|MARKER|TITLE|KIND                a heading: the first occurrence of MARKER+TITLE at or after
                                            the previous heading (KIND ``-`` for null)
    CONTEXT with [SPAN] | VALUE | UNIT | QUALIFIER | SUBJECT
                                            a figure: CONTEXT must occur once after the previous figure's
                                            context start; SPAN (in brackets) is the figure's text

Run: ``python -m bench.tools.label_gold`` (rewrites every JSON beside the specs and checks offsets).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "bench" / "gold_corpus"


def _num(s: str):
    s = s.strip()
    if s in ("", "-"):
        return None
    f = float(s)
    return int(f) if f == int(f) and "." not in s else f


def build(spec: Path) -> dict:
    doc = None
    text = ""
    out: dict = {"doc": None, "meta": {}, "sections": [], "figures": [], "notes": []}
    fig_pos = 0
    sec_pos = 0
    for n, raw in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{spec.name}:{n}"
        if line.startswith("@doc"):
            doc = line.split(None, 1)[1].strip()
            out["doc"] = doc
            text = (GOLD_DIR / doc).read_text(encoding="utf-8")
        elif line.startswith("@source"):
            parts = line.split()
            out["source"] = {"file": parts[1], "start": int(parts[2]), "end": int(parts[3])}
        elif line.startswith("@meta"):
            for kv in line.split()[1:]:
                k, _, v = kv.partition("=")
                v = None if v == "-" else v
                if k == "year" and v is not None:
                    v = int(v)
                out["meta"][k] = v
        elif line.startswith("@note"):
            out["notes"].append(line.split(None, 1)[1])
        elif line.startswith("§"):
            level, marker, title, kind = line[1:].split("|")
            i = text.find(marker + title, sec_pos)
            if i < 0:
                raise SystemExit(f"{where}: heading not found: {marker}{title}")
            sec_pos = i + 1
            out["sections"].append({"level": int(level), "marker": marker, "title": title, "start": i,
                                    "end": i + len(marker) + len(title),
                                    "kind": None if kind == "-" else kind})
        else:
            ctx, value, unit, qual, subject = [p.strip() for p in line.split("|")]
            a, b = ctx.index("["), ctx.index("]")
            plain = ctx[:a] + ctx[a + 1:b] + ctx[b + 1:]
            i = text.find(plain, fig_pos)
            if i < 0:
                raise SystemExit(f"{where}: context not found after {fig_pos}: {plain}")
            start = i + a
            end = start + (b - a - 1)
            fig_pos = i + 1
            out["figures"].append({"start": start, "end": end, "text": text[start:end],
                                   "value": _num(value), "unit": unit,
                                   "qualifier": None if qual in ("", "-") else qual, "subject": subject})
    for f in out["figures"]:
        assert text[f["start"]:f["end"]] == f["text"]
    for s in out["sections"]:
        assert text[s["start"]:s["end"]] == s["marker"] + s["title"]
    out["figures"].sort(key=lambda f: f["start"])
    if not out["notes"]:
        del out["notes"]
    return out


def main() -> int:
    for spec in sorted((GOLD_DIR / "specs").glob("*.spec")):
        gold = build(spec)
        dest = GOLD_DIR / (Path(gold["doc"]).stem + ".json")
        dest.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{dest.name}: {len(gold['sections'])} sections, {len(gold['figures'])} figures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
