#!/usr/bin/env bash
# Build the one-folder program into dist/ReportDesk and smoke-run it.
# Usage: bash build/build.sh   (from anywhere; needs requirements.txt + pyinstaller installed)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python}"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath build/_work --distpath dist build/reportdesk.spec
APP=dist/ReportDesk/ReportDesk
du -sh dist/ReportDesk
# Smoke run: the frozen program must import, detect and print the JSON for the bundled sample.
out="$(mktemp)"
start=$(date +%s%N)
"$APP" extract resources/sample/sample_report.pdf --json > "$out"
end=$(date +%s%N)
"$PY" - "$out" <<'PYEOF'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
assert data["format"] == "pdf" and data["text"], "empty extraction"
assert data["sections"] and data["figures"], "no sections or figures detected"
print(f"smoke: {len(data['sections'])} sections, {len(data['figures'])} figures, org={data['meta']['org']}")
PYEOF
echo "smoke: extract took $(( (end - start) / 1000000 )) ms"
# OCR in the frozen program: a stamped scan (image only) must come back with the figure under the seal.
REPORTDESK_HOME="$(mktemp -d)" "$APP" extract tests/data/ocr/seal_scan.pdf --json > "$out"
"$PY" -c "import json,sys; t=json.load(open(sys.argv[1], encoding='utf-8'))['text']; assert '90271.78' in t, t[:300]; print('smoke: OCR of a scanned page ok')" "$out"
