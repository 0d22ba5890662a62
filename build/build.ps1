# Windows build (not tested on this Linux machine — see README). Run in PowerShell from the repo:
#   py -3.11 -m venv .venv; .venv\Scripts\pip install -r requirements.txt pyinstaller
#   .venv\Scripts\python -m PyInstaller --noconfirm --clean --workpath build\_work --distpath dist build\reportdesk.spec
#   dist\ReportDesk\reportdesk-cli.exe extract resources\sample\sample_report.pdf --json
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python -m PyInstaller --noconfirm --clean --workpath build\_work --distpath dist build\reportdesk.spec
& dist\ReportDesk\reportdesk-cli.exe extract resources\sample\sample_report.pdf --json | Out-Null
if ($LASTEXITCODE -ne 0) { throw "smoke run failed" }
Write-Host "built dist\ReportDesk"
