"""Calendar arithmetic for time expressions: points of varying precision, periods, feasts.

A `Point` is `(year, month, day)` with `month` and `day` None when the expression is only that
precise (`2024` is `(2024, None, None)`). Relative expressions are resolved against the
publication day, choosing the past or the future occurrence from the clause's tense.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from typing import Literal

Point = tuple[int, int | None, int | None]
Tense = Literal["past", "future"] | None

_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "winter": 12}


def to_point(day: date) -> Point:
    """A full-precision point for a calendar day."""
    return day.year, day.month, day.day


def to_date(p: Point) -> date:
    """The first day a point covers."""
    return date(p[0], p[1] or 1, p[2] or 1)


def last_date(p: Point) -> date:
    """The last day a point covers."""
    if p[1] is None:
        return date(p[0], 12, 31)
    if p[2] is None:
        return date(p[0], p[1], monthrange(p[0], p[1])[1])
    return date(p[0], p[1], p[2])


def fmt(p: Point) -> str:
    """ISO text of a point: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
    if p[1] is None:
        return f"{p[0]:04d}"
    if p[2] is None:
        return f"{p[0]:04d}-{p[1]:02d}"
    return f"{p[0]:04d}-{p[1]:02d}-{p[2]:02d}"


def parse_point(text: str | None) -> Point | None:
    """The point an ISO value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `…THH:MM`) starts with."""
    if not text:
        return None
    parts = text.split("T")[0].split("-")
    try:
        nums = [int(x) for x in parts[:3]]
    except ValueError:
        return None
    if len(nums) == 1:
        return nums[0], None, None
    if len(nums) == 2:
        return nums[0], nums[1], None
    return make_day(*nums)


def make_day(year: int, month: int, day: int) -> Point | None:
    """A valid calendar day, or None (`30 February`)."""
    try:
        date(year, month, day)
    except ValueError:
        return None
    return year, month, day


def add(p: Point, n: int, code: str) -> Point:
    """Shift a point by `n` days (D), weeks (W), months (M) or years (Y), keeping precision."""
    y, m, d = p
    if code in ("D", "W"):
        moved = to_date(p) + timedelta(days=n * (7 if code == "W" else 1))
        return moved.year, (moved.month if m else None), (moved.day if d else None)
    if code == "M":
        if m is None:
            return y + n // 12, None, None
        ny, nm = divmod(y * 12 + m - 1 + n, 12)
        nm += 1
        return ny, nm, (min(d, monthrange(ny, nm)[1]) if d else None)
    if m is not None and d is not None:
        return y + n, m, min(d, monthrange(y + n, m)[1])
    return y + n, m, d


def interval(a: Point, b: Point) -> str:
    """`A/B` with the earlier point first."""
    first, second = sorted((a, b), key=to_date)
    return f"{fmt(first)}/{fmt(second)}"


def bare_month(month: int, pub: Point, tense: Tense) -> Point:
    """A month named without a year: the latest on or before publication, or the next one."""
    year, current = pub[0], pub[1] or 1
    if tense == "future":
        return (year if month >= current else year + 1), month, None
    return (year if month <= current else year - 1), month, None


def bare_day_month(month: int, day: int, pub: Point, tense: Tense) -> Point:
    """A day and month without a year (`Jan. 20`), placed like `bare_month`."""
    pub_day = to_date(pub)
    for year in (pub[0], pub[0] + 1) if tense == "future" else (pub[0], pub[0] - 1):
        p = make_day(year, month, day)
        if p is None:
            continue
        if (tense == "future" and to_date(p) >= pub_day) or (
            tense != "future" and to_date(p) <= pub_day
        ):
            return p
    return make_day(pub[0] + (1 if tense == "future" else -1), month, min(day, 28)) or pub


def weekday_point(weekday: int, pub: Point, rel: str | None, tense: Tense) -> Point:
    """A weekday: `last`/`past` before, `next`/`coming` after, `this` in the week, else by tense."""
    today = to_date(pub)
    wd = today.weekday()
    if rel in ("last", "past"):
        delta = -((wd - weekday) % 7 or 7)
    elif rel in ("next", "coming"):
        delta = (weekday - wd) % 7 or 7
    elif rel == "this":
        delta = weekday - wd
    elif tense == "future":
        delta = (weekday - wd) % 7
    else:
        delta = -((wd - weekday) % 7)
    return to_point(today + timedelta(days=delta))


def period_of(p: Point, unit: str, shift: int, tense: Tense) -> str | None:
    """The week, weekend, month, quarter, year, decade or century holding `p`, shifted."""
    if unit in ("week", "weekend"):
        if p[2] is None:
            return None
        monday = to_date(p) - timedelta(days=to_date(p).weekday()) + timedelta(weeks=shift)
        if unit == "week":
            return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
        saturday = monday + timedelta(days=5)
        if shift == 0 and tense == "past" and saturday > to_date(p):
            saturday -= timedelta(weeks=1)
        return f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}"
    if unit == "month":
        if p[1] is None:
            return None
        return fmt(add((p[0], p[1], None), shift, "M"))
    if unit == "quarter":
        if p[1] is None:
            return None
        q = (p[1] - 1) // 3 + 1 + shift
        year = p[0] + (q - 1) // 4
        return quarter_of((q - 1) % 4 + 1, year, None, None)
    if unit == "decade":
        start = p[0] // 10 * 10 + 10 * shift
        return f"{start}/{start + 9}"
    if unit == "century":
        start = p[0] // 100 * 100 + 100 * shift
        return f"{start}/{start + 99}"
    return f"{p[0] + shift:04d}"


def quarter_of(n: int, year: int | None, pub: Point | None, tense: Tense) -> str | None:
    """Quarter `n` of `year`; without a year, the latest ended (past) or next unended (future)."""
    if year is None:
        if pub is None:
            return None
        year = pub[0]
        pub_month = pub[1] or 1
        if tense == "future" and 3 * n < pub_month:
            year += 1
        elif tense != "future" and 3 * n >= pub_month:
            year -= 1
    return f"{year:04d}-{3 * n - 2:02d}/{year:04d}-{3 * n:02d}"


def _season_span(season: str, year: int) -> tuple[date, date]:
    start = _SEASON_START[season]
    end_year, end_month = (year + 1, 2) if season == "winter" else (year, start + 2)
    return date(year, start, 1), date(end_year, end_month, monthrange(end_year, end_month)[1])


def season_of(
    season: str,
    year: int | None,
    pub: Point | None = None,
    rel: str | None = None,
    tense: Tense = None,
) -> str | None:
    """A season as a month interval (`summer` is June–August, `winter` December–February)."""
    if year is None:
        if pub is None:
            return None
        today = to_date(pub)
        spans = [(y, _season_span(season, y)) for y in range(pub[0] - 2, pub[0] + 2)]
        if rel == "last":
            year = max(y for y, (s, e) in spans if e < today)
        elif rel == "next":
            year = min(y for y, (s, e) in spans if s > today)
        elif rel == "this":
            holding = [y for y, (s, e) in spans if s <= today <= e]
            year = holding[0] if holding else pub[0]
        elif tense == "future":
            year = min(y for y, (s, e) in spans if e >= today)
        else:
            year = max(y for y, (s, e) in spans if s <= today)
    start, end = _season_span(season, year)
    return f"{start.year:04d}-{start.month:02d}/{end.year:04d}-{end.month:02d}"


def _easter(year: int) -> date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * ell) // 433
    month = (h + ell - 7 * m + 90) // 25
    return date(year, month, (h + ell - 7 * m + 33 * month + 19) % 32)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


_FIXED_FEASTS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "independence day": (7, 4), "valentine's day": (2, 14), "boxing day": (12, 26),
}  # fmt: skip


def moveable_feast(name: str, year: int) -> Point:
    """The day of a named holiday in `year` (US observances for Thanksgiving and the like)."""
    if name in _FIXED_FEASTS:
        month, day = _FIXED_FEASTS[name]
        return year, month, day
    if name.startswith("easter"):
        when = _easter(year) + timedelta(days=1 if name.endswith("monday") else 0)
    elif name.startswith("thanksgiving"):
        when = _nth_weekday(year, 11, 3, 4)
    elif name == "labor day":
        when = _nth_weekday(year, 9, 0, 1)
    else:
        when = _nth_weekday(year, 5, 0, -1)
    return to_point(when)


def period_ending(n: int, code: str, end: Point) -> str | None:
    """The `n` days (D), weeks (W), months (M) or years (Y) up to and including `end`."""
    if code in ("D", "W"):
        if end[2] is None:
            return None
        start = add(end, -(n * (7 if code == "W" else 1)) + 1, "D")
    elif end[2] is not None:
        start = add(add(end, -n, code), 1, "D")
    elif code == "M":
        if end[1] is None:
            return None
        start = add(end, -(n - 1), "M")
    elif end[1] is None:
        start = (end[0] - n + 1, None, None)
    else:
        start = add(end, -(12 * n - 1), "M")
    return interval(start, end)
