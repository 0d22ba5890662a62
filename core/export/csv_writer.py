"""CSV export: UTF-8 with BOM and CRLF, so Excel and WPS on Chinese Windows open it correctly."""
from __future__ import annotations

from pathlib import Path

import pandas as pd


def write_csv(path: Path, table: pd.DataFrame) -> None:
    tmp = path.with_name(path.name + ".part")  # never leave a half-written file under the name
    table.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    tmp.replace(path)
