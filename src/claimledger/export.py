"""Rendering records for export: JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any


def to_json(rows: Sequence[dict[str, Any]] | dict[str, Any]) -> str:
    """Pretty JSON, UTF-8 kept readable."""
    return json.dumps(rows, ensure_ascii=False, indent=2, default=str)


def to_csv(rows: Sequence[dict[str, Any]]) -> str:
    """CSV with a header row; nested values are written as JSON."""
    if not rows:
        return ""
    columns = list(rows[0])
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                for k, v in row.items()
            }
        )
    return buffer.getvalue()
