#!/usr/bin/env bash
# Build the one-folder program into dist/ReportDesk and smoke-run every feature of it:
# extract (PDF; a PDF with ruled tables and an AES-encrypted one compared with the source tree),
# Qt's trimmed ICU data, import (PDF + GBK TXT + DOCX + encrypted PDF), export (.xlsx and .csv),
# and the window starting offscreen on the imported database and opening a PDF. Any failure fails the build.
# Usage: bash build/build.sh   (from anywhere; needs requirements.txt + pyinstaller installed)
#        REPORTDESK_BUILD_OCR=0 bash build/build.sh   the lean build without the OCR runtime (scanned
#        pages are then refused with a message); it must stay within LEAN_LIMIT_MB.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python}"
# numpy without OpenBLAS and (for the OCR build) OpenCV with only the modules OCR calls, each
# compiled once from its source release and cached (build/source_builds.sh);
# REPORTDESK_SOURCE_BUILDS=0 keeps the installed wheels (numpy 28 MB, OpenCV 134 MB more).
# shellcheck source=build/source_builds.sh
source build/source_builds.sh
case "${REPORTDESK_BUILD_OCR:-1}" in 0|off|no) WITH_OCR=0 ;; *) WITH_OCR=1 ;; esac
if [ "${REPORTDESK_SOURCE_BUILDS:-1}" != 0 ]; then
  numpy_noblas "$PY"
  if [ "$WITH_OCR" = 1 ] && [ -d core/ocr ]; then opencv_minimal "$PY"; fi
fi
PYTHONPATH="$SOURCE_BUILDS_PATH${PYTHONPATH:+:$PYTHONPATH}" "$PY" -m PyInstaller --noconfirm --clean \
  --log-level WARN --workpath build/_work --distpath dist build/reportdesk.spec
APP=dist/ReportDesk/ReportDesk
SIZE_MB=$(du -sm dist/ReportDesk | cut -f1)
if [ -d dist/ReportDesk/_internal/rapidocr ]; then KIND="with OCR"; else KIND="lean, no OCR"; fi
echo "size: $SIZE_MB MB ($(find dist/ReportDesk -type f | wc -l) files, $KIND)"
LEAN_LIMIT_MB=180
if [ "$KIND" != "with OCR" ] && [ "$SIZE_MB" -gt "$LEAN_LIMIT_MB" ]; then
  du -sm dist/ReportDesk/_internal/* | sort -rn | head -15
  echo "size: the lean build is $SIZE_MB MB, over its budget of $LEAN_LIMIT_MB MB" >&2; exit 1
fi
# The libraries compiled from source were the ones bundled (not the wheels' OpenBLAS/FFmpeg).
case ":$SOURCE_BUILDS_PATH:" in *numpy-noblas*)
  [ ! -d dist/ReportDesk/_internal/numpy.libs ] || { echo "size: numpy.libs bundled" >&2; exit 1; } ;; esac
case ":$SOURCE_BUILDS_PATH:" in *opencv-minimal*)
  [ ! -d dist/ReportDesk/_internal/opencv_python_headless.libs ] || { echo "size: OpenCV's libraries bundled" >&2; exit 1; } ;; esac
# Removals the smoke runs below could not notice by behaviour alone: rapidfuzz must keep its generic
# C++ modules (without them it silently falls back to pure Python, ~100x slower copy checks).
for f in rapidfuzz/fuzz_cpp rapidfuzz/distance/metrics_cpp rapidfuzz/process_cpp_impl; do
  ls dist/ReportDesk/_internal/$f.*.so > /dev/null || { echo "size: $f was dropped" >&2; exit 1; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export REPORTDESK_HOME="$WORK/home"  # never touch the builder's own data
ms() { date +%s%N; }

# 1. extract: the frozen program must import, detect and print the JSON for the bundled sample.
start=$(ms)
"$APP" extract resources/sample/sample_report.pdf --json > "$WORK/extract.json"
end=$(ms)
"$PY" - "$WORK/extract.json" <<'PYEOF'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
assert data["format"] == "pdf" and data["text"], "empty extraction"
assert data["sections"] and data["figures"], "no sections or figures detected"
print(f"smoke extract: {len(data['sections'])} sections, {len(data['figures'])} figures, org={data['meta']['org']}")
PYEOF
echo "smoke: extract took $(( (end - start) / 1000000 )) ms"

# 1b. PDFs that take the other code paths: a page with ruled tables (pdfplumber's table finder on
# pdfminer, Pillow) and an AES-256 owner-password PDF (pdfminer decrypts with cryptography). The
# frozen program must give exactly what the source tree gives (a missing module or library shows up
# as different text or a warning).
for pdf in tests/data/fixtures/004_jiulongpo_tables.pdf tests/data/fixtures/003_lanzhou_encrypted_owneronly.pdf; do
  "$APP" extract "$pdf" --json > "$WORK/frozen.json"
  "$PY" main.py extract "$pdf" --json > "$WORK/source.json"
  "$PY" - "$WORK/frozen.json" "$WORK/source.json" "$pdf" <<'PYEOF'
import json, sys
frozen, source = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
for key in ("text", "figures", "sections", "warnings"):
    assert frozen[key] == source[key], f"{sys.argv[3]}: frozen {key} differs from the source tree's"
assert frozen["text"] and frozen["figures"], f"{sys.argv[3]}: empty extraction"
print(f"smoke extract {sys.argv[3].rsplit('/', 1)[-1]}: same as source ({len(frozen['figures'])} figures)")
PYEOF
done

# 1c. Qt's trimmed ICU data (build/icu_trim.py): Chinese collation (the file dialog's sorting), the
# Chinese code pages and time-zone names still load. Runs the source tree's PySide6 on the bundled
# Qt libraries (same build), as the frozen program cannot run arbitrary code.
LD_LIBRARY_PATH="$ROOT/dist/ReportDesk/_internal/PySide6/Qt/lib" "$PY" - <<'PYEOF'
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
maps = [line for line in open("/proc/self/maps") if "libicudata" in line]
assert maps and "dist/ReportDesk" in maps[0], "bundled ICU data not loaded"
words = ["张三", "重庆", "安徽", "北京"]
assert sorted(words, key=QCollator(QLocale("zh_CN")).sortKey) == ["安徽", "北京", "重庆", "张三"]
for codec in ("GB18030", "GBK", "GB2312", "Big5"):
    assert QStringDecoder(codec).isValid(), codec
name = QTimeZone(b"Asia/Shanghai").displayName(QTimeZone.StandardTime, QTimeZone.LongName, QLocale("zh_CN"))
assert name == "中国标准时间", name
print("smoke ICU: pinyin collation, Chinese code pages, zone names")
PYEOF

# OCR in the frozen program: a stamped scan (image only) must come back with the figure under the
# seal. The lean build has no OCR runtime: there the scan must be refused with the Chinese message
# (exit code 3), not end in a traceback.
if [ "$KIND" = "with OCR" ]; then
  "$APP" extract tests/data/ocr/seal_scan.pdf --json > "$WORK/ocr.json"
  # every character of the page, as the OCR tests expect it (OpenCV here is the minimal build)
  "$PY" - "$WORK/ocr.json" <<'PYEOF'
import json, re, sys
text = json.load(open(sys.argv[1], encoding="utf-8"))["text"]
lines = open("tests/data/ocr/seal_scan.txt", encoding="utf-8").read().splitlines()
known = "\n".join([lines[0], "".join(lines[1:-2]).strip("\u3000"), *lines[-2:]])
assert "90271.78" in text, text[:300]
assert re.sub(r"\s", "", text) == re.sub(r"\s", "", known), text[:300]
print("smoke: OCR of a stamped scan, every character as expected")
PYEOF
else
  set +e
  "$APP" extract tests/data/ocr/seal_scan.pdf --json > "$WORK/ocr.json" 2> "$WORK/ocr.err"
  code=$?
  set -e
  if [ "$code" != 3 ] || ! grep -q "扫描件" "$WORK/ocr.err" || grep -q "Traceback" "$WORK/ocr.err"; then
    cat "$WORK/ocr.err"; echo "smoke: the lean build did not refuse the scan cleanly (code $code)" >&2; exit 1
  fi
  echo "smoke: scanned page refused without OCR: $(head -c 120 "$WORK/ocr.err")"
fi

# 2. import: three formats into one database (GBK text and DOCX exercise the codecs and lxml; the
# owner-password PDF the AES decryption).
DB="$REPORTDESK_HOME/data/reports.sqlite3"
mkdir -p "$(dirname "$DB")"
"$APP" import resources/sample/sample_report.pdf tests/data/fixtures/002_qingcheng.gbk.txt \
  tests/data/fixtures/001_jizhou.docx tests/data/fixtures/003_lanzhou_encrypted_owneronly.pdf \
  --db "$DB" > "$WORK/import.log"
n=$("$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from reports').fetchone()[0])" "$DB")
[ "$n" = 4 ] || { cat "$WORK/import.log"; echo "smoke import: expected 4 reports, got $n" >&2; exit 1; }
echo "smoke import: $n reports"

# 3. export: .xlsx (sheets 汇总 and 明细) and .csv, each the same as the source tree's export of the
# same database (pandas' aggregations on the bundled numpy, built without OpenBLAS, against the
# installed one); only the .xlsx's document properties (creation time) may differ.
"$APP" export --db "$DB" --out "$WORK/汇总.xlsx" > /dev/null
"$APP" export --db "$DB" --out "$WORK/明细.csv" > /dev/null
"$PY" main.py export --db "$DB" --out "$WORK/source.xlsx" > /dev/null
"$PY" main.py export --db "$DB" --out "$WORK/source.csv" > /dev/null
"$PY" - "$WORK/汇总.xlsx" "$WORK/明细.csv" "$WORK/source.xlsx" "$WORK/source.csv" <<'PYEOF'
import sys, zipfile
frozen, source = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[3])
names = frozen.namelist()
assert "xl/worksheets/sheet2.xml" in names, names
assert names == source.namelist(), (names, source.namelist())
differ = [n for n in names if n != "docProps/core.xml" and frozen.read(n) != source.read(n)]
assert not differ, f"frozen .xlsx differs from the source tree's in {differ}"
rows = open(sys.argv[2], encoding="utf-8-sig").read().splitlines()
assert len(rows) > 10, "csv has no rows"
assert open(sys.argv[4], encoding="utf-8-sig").read().splitlines() == rows, "frozen .csv differs"
print(f"smoke export: xlsx with {sum(n.startswith('xl/worksheets/sheet') for n in names)} sheets, csv {len(rows) - 1} rows, both same as source")
PYEOF

# 4. the window, offscreen, on that database, given a PDF and a TXT to open (imported in the window,
# the PDF shown in the PDF view): it must still be running after 20 s (a crash or a missing Qt
# plugin ends it early), print no traceback, and both files must be in the database. The TXT is
# next year's report of the GBK TXT's body with new years: the window's import runs the copy check
# (rapidfuzz, numpy), which must find the copied paragraphs.
COPY="$WORK/清城区民政局2024年法治政府建设年度报告.txt"
"$PY" - "$COPY" <<'PYEOF'
import sys
text = open("tests/data/fixtures/002_qingcheng.gbk.txt", encoding="gbk").read()
open(sys.argv[1], "w", encoding="utf-8").write(text.replace("2023", "2024").replace("2022", "2023"))
PYEOF
set +e
QT_QPA_PLATFORM=offscreen timeout 20 "$APP" tests/data/fixtures/004_jiulongpo_tables.pdf "$COPY" > "$WORK/gui.log" 2>&1
code=$?
set -e
if [ "$code" != 124 ] || grep -q "Traceback" "$WORK/gui.log"; then
  cat "$WORK/gui.log"; echo "smoke window: exited early with code $code" >&2; exit 1
fi
n=$("$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from reports').fetchone()[0])" "$DB")
[ "$n" = 6 ] || { cat "$WORK/gui.log"; echo "smoke window: the files given were not opened ($n reports)" >&2; exit 1; }
copies=$("$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from checks c join reports r on r.id = c.report_id where c.kind = 'copy' and r.file_name like '%2024%'\").fetchone()[0])" "$DB")
[ "$copies" -gt 0 ] || { cat "$WORK/gui.log"; echo "smoke window: the copy check found nothing in the copied report" >&2; exit 1; }
echo "smoke window: started, opened a PDF and a TXT, found $copies copied paragraphs, ran 20 s offscreen"
