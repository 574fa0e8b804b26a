"""Rendering records for export: JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimledger.model import Cluster, Extraction


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


def file_stem(source: str) -> str:
    """A safe file stem for an article's source: a path's stem, or a feed entry's id."""
    stem = source.rsplit("#", 1)[-1] if "#" in source else Path(source).stem
    return re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._") or "article"


def write_extractions(
    results: Sequence[Extraction], clusters: Sequence[Cluster], out_dir: Path
) -> None:
    """One `<stem>.json` per article (gold format plus fields) and `clusters.json`."""
    from claimledger.reconcile import clusters_to_json

    out_dir.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for ex in results:
        stem = file_stem(ex.article.source or ex.article.id)
        while stem in used:
            stem += "_"
        used.add(stem)
        (out_dir / f"{stem}.json").write_text(to_json(ex.to_json()) + "\n", encoding="utf-8")
    (out_dir / "clusters.json").write_text(
        to_json(clusters_to_json(list(clusters))) + "\n", encoding="utf-8"
    )
