"""The machine formats the row-printing commands share (`kpi`, `audit`): `json` one
object per row, `csv` a header row and an empty cell for null. Their `table` is each
command's own (how a person reads those columns differs)."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import TextIO


def write_json_lines(rows: list[dict], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_csv(rows: list[dict], keys: Sequence[str], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(keys)
    writer.writerows([["" if row[k] is None else row[k] for k in keys] for row in rows])
