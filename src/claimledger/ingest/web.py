"""http(s) sources, fetched with httpx within a size and time limit."""

from __future__ import annotations

import httpx

from claimledger.ingest.errors import SourceError


def fetch(url: str, *, max_bytes: int, timeout: float) -> tuple[bytes, str]:
    """The body and content type of `url`; SourceError on any failure or an oversized body."""
    try:
        with httpx.stream("GET", url, timeout=timeout, follow_redirects=True) as response:
            if response.status_code >= 400:
                raise SourceError(url, f"HTTP {response.status_code}")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise SourceError(url, f"response larger than {max_bytes:,} bytes")
                chunks.append(chunk)
            return b"".join(chunks), response.headers.get("content-type", "")
    except httpx.HTTPError as exc:
        raise SourceError(url, f"could not fetch ({exc.__class__.__name__}: {exc})") from None
