"""Time-expression grammar: surface patterns of English news and their calendar values.

Each `Rule` pairs a surface pattern (matched case-insensitively over the text) with a handler
that turns the match into a value, given the publication date, the tense of the clause and an
anchor (the last date the text mentioned). Values follow TIMEX3 where ISO 8601 allows:

- DATE: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; periods (weeks, seasons, quarters, decades,
  `since August`, `between March and May`) as an interval `A/B` of such values.
- DURATION: an ISO period (`P5M`, `P2W`, `P100Y`); `X` for a vague count (`PXY` for `years`);
  None for a range (`12 to 18 months`). A duration tied to the publication date
  (`the past three months`) is given as the interval it covers.
- SET: the period of the recurrence (`every week` and `weekly` give `P1W`).
- TIME: the day and clock time `YYYY-MM-DDTHH:MM`, or the day and TIMEX part of day
  (`2025-01-10TNI` for `last night`); None when no day is known.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from claimledger.extract.dates.timecalc import (
    Point,
    Tense,
    add,
    bare_day_month,
    bare_month,
    fmt,
    interval,
    make_day,
    moveable_feast,
    period_of,
    quarter_of,
    season_of,
    weekday_point,
)

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "W", "month": "M", "year": "Y", "decade": "Y", "century": "Y",
    "centurie": "Y", "millennium": "Y", "millennia": "Y",
}  # fmt: skip
_UNIT_SCALE = {"fortnight": 2, "decade": 10, "century": 100, "centurie": 100, "millennium": 1000}
_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "dozen": 12, "a dozen": 12, "half a": 0.5, "a half": 0.5,
}  # fmt: skip
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}

MONTH = (
    r"(?P<mon>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)|Apr(?:il|\.)|May|Jun(?:e|\.)?|Jul(?:y|\.)?"
    r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>[12]\d{3})(?!\d)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + _TENS + r"-" + _ONES + r"|a\s+few|a\s+couple\s+of"
    r"|a\s+couple|couple\s+of|a\s+dozen|a\s+hundred|half\s+a|a\s+half|several|many|few"
    r"|dozens\s+of|hundreds\s+of|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + _TENS + r"|dozen|an?)"
)
_UNIT = (
    r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|year|decade|centurie|century"
    r"|millennium|millennia)"
)
_REL = r"(?P<rel>last|next|this\s+past|this\s+coming|this|the\s+coming|the\s+current|coming)"
_PART = r"(?P<part>morning|afternoon|evening|night)"
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


@dataclass(slots=True)
class Context:
    """What a handler may use: publication day, clause tense, anchor, a year from a range."""

    published: Point | None = None
    tense: Tense = None
    anchor: Point | None = None
    year_hint: int | None = None


Handler = Callable[[re.Match[str], Context], "tuple[str | None, str] | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One surface pattern of a time expression and how to value it."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler


def number(text: str | None) -> float | None:
    """The value of a number as written in a duration (`12`, `twelve`, `a`); None if vague."""
    if text is None:
        return None
    t = re.sub(r"\s+", " ", text.lower().replace(",", "")).strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if "-" in t:
        tens, _, ones = t.partition("-")
        if tens in _WORD_NUMBERS and ones in _WORD_NUMBERS:
            return float(_WORD_NUMBERS[tens] + _WORD_NUMBERS[ones])
    value = _WORD_NUMBERS.get(t)
    return None if value is None else float(value)


def month_number(text: str) -> int:
    """1–12 for a month name or abbreviation."""
    return MONTHS[text.lower()[:3]]


def weekday_number(text: str) -> int:
    """0 (Monday) – 6 for a weekday name."""
    return WEEKDAYS[text.lower()[:3]]


def _year(m: re.Match[str], ctx: Context, group: str = "year") -> int | None:
    text = m.groupdict().get(group)
    return int(text) if text else ctx.year_hint


def _rel_year(rel: str | None, ctx: Context) -> int | None:
    if rel is None or ctx.published is None:
        return None
    return ctx.published[0] + {"last": -1, "next": 1}.get(rel.split()[0].lower(), 0)


# --- handlers ------------------------------------------------------------------------------


def _iso(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    p = make_day(int(m["y"]), int(m["m"]), int(m["d"]))
    return (fmt(p), "DATE") if p else None


def _iso_month(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    return f"{m['y']}-{m['m']}", "DATE"


def _slash(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    y = y if y >= 100 else (2000 + y if y < 50 else 1900 + y)
    p = make_day(y, a, b) if a <= 12 else make_day(y, b, a)
    return (fmt(p), "DATE") if p else None


def _day_month(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    month, day = month_number(m["mon"]), int(m["day"])
    year = _year(m, ctx) or _rel_year(m.groupdict().get("rel"), ctx)
    if year is not None:
        p = make_day(year, month, day)
        return (fmt(p), "DATE") if p else None
    if make_day(2024, month, day) is None:
        return None
    if ctx.published is None:
        return None, "DATE"
    return fmt(bare_day_month(month, day, ctx.published, ctx.tense)), "DATE"


def _month(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    month = month_number(m["mon"])
    year = _year(m, ctx) or _rel_year(m.groupdict().get("yrel"), ctx)
    if year is not None:
        return fmt((year, month, None)), "DATE"
    if ctx.published is None:
        return None, "DATE"
    rel = (m.groupdict().get("rel") or "").lower().split()
    tense: Tense = ctx.tense
    if rel and rel[0] == "last" or rel[-1:] == ["past"]:
        p = bare_month(month, add(ctx.published, -1, "M"), "past")
        return fmt(p), "DATE"
    if rel and rel[0] in ("next", "coming") or rel[-1:] in (["coming"],):
        tense = "future"
        return fmt(bare_month(month, add(ctx.published, 1, "M"), tense)), "DATE"
    if rel and rel[0] == "this":
        return fmt((ctx.published[0], month, None)), "DATE"
    return fmt(bare_month(month, ctx.published, tense)), "DATE"


def _weekday(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    part = m.groupdict().get("part")
    kind = "TIME" if part else "DATE"
    if ctx.published is None:
        return None, kind
    rel = (m.groupdict().get("rel") or "").lower().split()
    p = weekday_point(weekday_number(m["wd"]), ctx.published, rel[-1] if rel else None, ctx.tense)
    return fmt(p) + (f"T{_PARTS[part.lower()]}" if part else ""), kind


def _deictic(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    word = re.sub(r"\s+", " ", m["w"].lower())
    part = m.groupdict().get("part")
    if word == "tonight":
        part = "night"
    kind = "TIME" if part else "DATE"
    if ctx.published is None:
        return None, kind
    shift = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2}.get(word, 0)
    shift = 2 if word == "the day after tomorrow" else shift
    p = add(ctx.published, shift, "D")
    return fmt(p) + (f"T{_PARTS[part.lower()]}" if part else ""), kind


def _part_of_day(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    if ctx.published is None:
        return None, "TIME"
    shift = -1 if m["rel"].lower() in ("last", "yesterday") else 0
    shift = 1 if m["rel"].lower() == "tomorrow" else shift
    part = m["part"].lower()
    if m["rel"].lower() == "last" and part != "night":
        shift = -1
    return fmt(add(ctx.published, shift, "D")) + f"T{_PARTS[part]}", "TIME"


_UNIT_WORDS = r"(?P<unit>week|weekend|month|year|quarter|decade|century)"
_SEASONS = r"(?P<season>spring|summer|fall|autumn|winter)"


def _this_unit(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    if ctx.published is None:
        return None, "DATE"
    words = m["rel"].lower().split()
    rel = {"last": -1, "next": 1, "coming": 1, "past": -1}.get(words[-1], 0)
    if words[0] == "next":
        rel = 1
    unit = m["unit"].lower()
    value = period_of(ctx.published, unit, rel, ctx.tense)
    if unit == "week" and rel == 0 and ctx.tense != "future" and value:
        value = f"{value.split('/')[0]}/{min(value.split('/')[1], fmt(ctx.published))}"
    return value, "DATE"


def _the_weekend(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    if ctx.published is None:
        return None, "DATE"
    return period_of(ctx.published, "weekend", 0, ctx.tense or "past"), "DATE"


def _past_unit(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    unit = m["unit"].lower()
    n = 10 if unit == "decade" else 100 if unit == "century" else 1
    code = "W" if unit == "week" else _UNITS.get(unit, "M")
    if unit == "quarter":
        n, code = 3, "M"
    if ctx.published is None:
        return f"P{n}{code}", "DURATION"
    sign = 1 if m["rel"].lower() in ("next", "coming") else -1
    return interval(ctx.published, add(ctx.published, sign * n, code)), "DURATION"


def _past_n(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    n = number(m["n"])
    unit = m["unit"].lower().rstrip("s")
    code, scale = _UNITS[unit], _UNIT_SCALE.get(unit, 1)
    if n is None or n != int(n):
        return (f"PX{code}" if n is None else None), "DURATION"
    n = int(n * scale)
    rel = m["rel"].lower()
    if ctx.published is None or rel in ("first", "final") or unit in ("second", "minute", "hour"):
        return (f"PT{n}{code}" if unit in ("second", "minute", "hour") else f"P{n}{code}"), (
            "DURATION"
        )
    sign = 1 if rel in ("next", "coming") else -1
    base = ctx.anchor if rel in ("previous", "following") and ctx.anchor else ctx.published
    if rel == "following":
        sign = 1
    return interval(base, add(base, sign * n, code)), "DURATION"


def _shifted(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    if direction in ("before", "after") and not re.match(r"\s*(?:[,.;:)]|$)", m.string[m.end() :]):
        return None
    n = number(m["n"])
    unit = m["unit"].lower().rstrip("s")
    if unit not in ("day", "week", "month", "year", "decade"):
        return None
    if n is None or n != int(n):
        return None, "DATE"
    if n * _UNIT_SCALE.get(unit, 1) > 1000:
        return None, "DATE"
    base = ctx.published if direction in ("ago", "from now") else ctx.anchor or ctx.published
    if base is None:
        return None, "DATE"
    sign = -1 if direction in ("ago", "earlier", "before", "prior", "previously") else 1
    code = "W" if unit == "week" else _UNITS[unit]
    steps = int(n) * _UNIT_SCALE.get(unit, 1)
    p = add(base, sign * steps, code)
    if code == "Y":
        p = (p[0], None, None)
    elif code == "M":
        p = (p[0], p[1], None)
    return fmt(p), "DATE"


def _anchored(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    rel = (m.groupdict().get("rel") or m.groupdict().get("rel2") or "same").lower()
    unit = m["unit"].lower()
    after = m.string[m.end() :]
    if m.groupdict().get("rel2") and not re.match(r"\s*(?:[,.;:)]|$)", after):
        return None
    base = ctx.anchor or ctx.published
    kind = "TIME" if unit in ("morning", "afternoon", "evening", "night") else "DATE"
    if base is None:
        return None, kind
    if rel in ("following", "next", "ensuing", "subsequent", "after"):
        sign = 1
    elif rel in ("previous", "preceding", "prior", "before"):
        sign = -1
    else:
        sign = 0
    if kind == "TIME" or unit == "day":
        if base[2] is None:
            return None, kind
        p = add(base, sign, "D")
        suffix = f"T{_PARTS[unit]}" if kind == "TIME" else ""
        return fmt(p) + suffix, kind
    if unit in ("week", "weekend"):
        if base[2] is None:
            return None, "DATE"
        return period_of(base, unit, sign, None), "DATE"
    code = "M" if unit == "month" else "Y"
    p = add(base, sign, code)
    return fmt((p[0], p[1], None) if code == "M" else (p[0], None, None)), "DATE"


def _year_range(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    y1, y2 = int(m["y1"]), m["y2"]
    end = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
    if not 0 < end - y1 < 100:
        return None
    return f"{y1}/{end}", "DATE"


def _year_value(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    return m["year"], "DATE"


def _decade(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    if m.groupdict().get("dec"):
        start = int(m["dec"])
    else:
        short = int(m["short"])
        start = (1900 if short >= 30 else 2000) + short
    return f"{start}/{start + 9}", "DATE"


def _century(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    n = int(m["n"])
    if not 1 <= n <= 22:
        return None
    return f"{(n - 1) * 100:04d}/{(n - 1) * 100 + 99:04d}", "DATE"


def _season(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    season = m["season"].lower().replace("autumn", "fall")
    year = _year(m, ctx)
    if year is not None:
        return season_of(season, year), "DATE"
    if ctx.published is None:
        return None, "DATE"
    words = (m.groupdict().get("rel") or "the").lower().split()
    rel = {"last": "last", "past": "last", "next": "next", "coming": "next", "this": "this"}
    return season_of(season, None, ctx.published, rel.get(words[-1]), ctx.tense), "DATE"


def _quarter(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    q = (m.groupdict().get("q") or m.groupdict().get("qn") or "").lower()
    year = _year(m, ctx) or _rel_year(m.groupdict().get("rel"), ctx)
    if m.groupdict().get("yy"):
        year = (2000 if int(m["yy"]) < 50 else 1900) + int(m["yy"])
    if q == "last" and year is None and ctx.published is not None:
        return period_of(ctx.published, "quarter", -1, None), "DATE"
    n = 4 if q in ("final", "last") else _ORDINALS.get(q) or int(q)
    return quarter_of(n, year, ctx.published, ctx.tense), "DATE"


def _half(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    year = _year(m, ctx) or _rel_year(m.groupdict().get("rel"), ctx)
    if year is None:
        if ctx.published is None:
            return None, "DATE"
        year = ctx.published[0]
    first = m["h"].lower() == "first" or m["h"] == "1"
    return (f"{year}-01/{year}-06" if first else f"{year}-07/{year}-12"), "DATE"


def _holiday(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    name = re.sub(r"\s+", " ", m["hol"].lower())
    year = _year(m, ctx)
    if year is None:
        if ctx.published is None:
            return None, "DATE"
        past = moveable_feast(name, ctx.published[0])
        later = moveable_feast(name, ctx.published[0] + (1 if ctx.tense == "future" else -1))
        if ctx.tense == "future":
            return fmt(past if past >= ctx.published else later), "DATE"
        return fmt(past if past <= ctx.published else later), "DATE"
    return fmt(moveable_feast(name, year)), "DATE"


def _edge_of(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    if ctx.published is None:
        return None, "DATE"
    return period_of(ctx.published, m["unit"].lower(), 0, None), "DATE"


def _set(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    gd = m.groupdict()
    if gd.get("adv"):
        word = gd["adv"].lower()
        code = {"daily": "1D", "nightly": "1D", "weekly": "1W", "monthly": "1M", "hourly": "T1H"}
        extra = {"quarterly": "3M", "biweekly": "2W", "fortnightly": "2W"}
        return "P" + {**code, **extra}.get(word, "1Y"), "SET"
    if gd.get("per") and not gd.get("freq") and gd["per"].lower() != "per":
        before = m.string[: m.start()]
        if not re.search(r"(?:\d|\b(?:" + NUM + r"))\s*$", before, re.IGNORECASE):
            return None
    unit = gd.get("unit") or gd.get("wd") or ""
    unit = unit.lower()
    if unit in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"):
        return "P1W", "SET"
    n = number(gd.get("n")) or 1
    code = {"week": "W", "weekend": "W", "month": "M", "quarter": "M", "hour": "H"}
    c = code.get(unit, "Y" if unit in ("year", "summer", "winter", "spring", "fall") else "D")
    k = int(n) * (3 if unit == "quarter" else 1)
    return (f"PT{k}H" if c == "H" else f"P{k}{c}"), "SET"


def _duration(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    unit = m["unit"].lower().rstrip("s")
    code, scale = _UNITS[unit], _UNIT_SCALE.get(unit, 1)
    t = "T" if unit in ("second", "minute", "hour") else ""
    if m.groupdict().get("n1"):
        return None, "DURATION"
    n = number(m["n"])
    if n is None:
        return f"P{t}X{code}", "DURATION"
    value = n * scale
    text = str(int(value)) if value == int(value) else str(value)
    return f"P{t}{text}{code}", "DURATION"


def _bare_duration(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    before = m.string[max(0, m.start() - 12) : m.start()].lower()
    before = m.string[max(0, m.start() - 20) : m.start()].lower()
    lead = r"\b(?:for|over|within|after|took|spent|lasted|in|the\s+(?:coming|past|last|next))\s+$"
    if not re.search(lead, before):
        return None
    unit = m["bare"].lower().rstrip("s").replace("centurie", "century")
    return f"PX{_UNITS[unit]}", "DURATION"


def _vague_period(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    unit = m["bare"].lower().rstrip("s")
    return f"PX{_UNITS[unit]}", "DURATION"


def _clock(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    hour = int(m["h"])
    minute = int(m.groupdict().get("mi") or 0)
    ampm = (m.groupdict().get("ampm") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23:
        return None
    if ctx.published is None:
        return None, "TIME"
    return f"{fmt(ctx.published)}T{hour:02d}:{minute:02d}", "TIME"


def _named_time(m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    if ctx.published is None:
        return None, "TIME"
    word = m["w"].lower()
    clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}.get(word)
    part = "MO" if word in ("dawn", "daybreak", "sunrise") else "EV"
    return f"{fmt(ctx.published)}T{clock or part}", "TIME"


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(rf"(?<![\w$€£]){pattern}(?![\w])", re.IGNORECASE), handler)


_OF_YEAR = (
    r"(?:\s+(?:of\s+)?(?:(?P<year>[12]\d{3})(?!\d)|(?P<rel>this|last|next)\s+year|the\s+year))"
)
_HOLIDAYS = (
    r"(?P<hol>Christmas(?:\s+(?:Eve|Day))?|New\s+Year's\s+(?:Eve|Day)|Thanksgiving(?:\s+Day)?"
    r"|Halloween|Easter(?:\s+Sunday|\s+Monday)?|Independence\s+Day|Valentine's\s+Day"
    r"|Labor\s+Day|Memorial\s+Day|Boxing\s+Day)"
)

# Order matters only for ties: of two matches over the same span, the earlier rule wins.
RULES: tuple[Rule, ...] = (
    _rule(
        "iso", r"(?P<y>[12]\d{3})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T\d{2}:\d{2}(?::\d{2})?)?", _iso
    ),
    _rule("slash", r"(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:[12]\d)?\d{2})", _slash),
    _rule(
        "month_day",
        rf"(?:{WEEKDAY},?\s+)?{MONTH}\s+{_DAY}(?:,?\s+{_YEAR}|\s+(?:of\s+)?(?P<rel>this|last|next)"
        r"\s+year)?",
        _day_month,
    ),
    _rule(
        "day_month",
        rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{_YEAR})?",
        _day_month,
    ),
    _rule(
        "month_year",
        rf"{MONTH},?\s+(?:of\s+)?(?:{_YEAR}|(?P<yrel>this|last|next)\s+year)",
        _month,
    ),
    _rule(
        "month_rel", rf"(?P<rel>last|next|this\s+past|this\s+coming|this|coming)\s+{MONTH}", _month
    ),
    _rule("month", MONTH, _month),
    _rule(
        "weekday",
        rf"(?:(?P<rel>last|next|this\s+past|this\s+coming|this|coming|past)\s+)?{WEEKDAY}(?:\s+{_PART})?",
        _weekday,
    ),
    _rule(
        "deictic",
        r"(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today"
        r"|tomorrow|tonight)(?:\s+" + _PART + ")?",
        _deictic,
    ),
    _rule("part_of_day", r"(?P<rel>this|last|yesterday|tomorrow)\s+" + _PART, _part_of_day),
    _rule(
        "edge_of",
        r"the\s+(?:end|beginning|start|middle|rest|remainder|close|turn)\s+of\s+the\s+"
        r"(?P<unit>year|month|week|decade|century)",
        _edge_of,
    ),
    _rule("this_unit", rf"{_REL}\s+{_UNIT_WORDS}", _this_unit),
    _rule("the_weekend", r"the\s+(?P<unit>weekend)", _the_weekend),
    _rule(
        "past_unit",
        r"the\s+(?P<rel>past|last|next|coming)\s+(?P<unit>week|month|year|quarter|decade|century)",
        _past_unit,
    ),
    _rule(
        "past_n",
        r"(?:the\s+)?(?P<rel>past|last|next|previous|coming|first|final|following)\s+"
        rf"(?P<n>{NUM})\s+{_UNIT}s?",
        _past_n,
    ),
    _rule(
        "shifted",
        rf"(?P<n>{NUM})\s+{_UNIT}s?\s+(?P<dir>ago|earlier|later|before|after|prior|previously"
        r"|from\s+now|on)",
        _shifted,
    ),
    _rule(
        "anchored",
        r"(?:the\s+(?P<rel>following|next|previous|preceding|prior|ensuing|same|subsequent)|that)"
        r"\s+(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|year)",
        _anchored,
    ),
    _rule(
        "day_before",
        r"the\s+(?P<unit>day|week|month|year)\s+(?P<rel2>before|after)",
        _anchored,
    ),
    _rule(
        "year_range",
        r"(?P<y1>1[5-9]\d\d|20\d\d)\s*[-–/]\s*(?P<y2>1[5-9]\d\d|20\d\d|\d\d)(?!\d)",
        _year_range,
    ),
    _rule("iso_month", r"(?P<y>[12]\d{3})-(?P<m>0[1-9]|1[0-2])", _iso_month),
    _rule(
        "year",
        r"(?:(?:fiscal(?:\s+year)?|FY)\s*)?(?P<year>1[5-9]\d\d|20\d\d)(?!\d|,\d{3})",
        _year_value,
    ),
    _rule(
        "decade",
        r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<dec>1[5-9]\d0|20\d0)'?s|'(?P<short>\d0)s)",
        _decade,
    ),
    _rule("century", r"the\s+(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century", _century),
    _rule(
        "season",
        rf"(?:(?P<rel>this\s+past|this\s+coming|the\s+past|the\s+coming|this|last|next|the)\s+)?"
        rf"{_SEASONS}(?:\s+(?:of\s+)?{_YEAR})?",
        _season,
    ),
    _rule("year_season", rf"{_YEAR}\s+{_SEASONS}", _season),
    _rule(
        "quarter",
        r"(?:the\s+)?(?:(?:fiscal|calendar)\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd"
        r"|3rd|4th)[\s-]+"
        r"(?:(?:fiscal|calendar)[\s-]+)?quarter" + _OF_YEAR + "?",
        _quarter,
    ),
    _rule("q_quarter", r"Q(?P<qn>[1-4])(?:\s*(?P<year>[12]\d{3})|\s*'(?P<yy>\d{2}))?", _quarter),
    _rule("half", r"(?:the\s+)?(?P<h>first|second|latter)\s+half" + _OF_YEAR, _half),
    _rule("holiday", _HOLIDAYS + rf"(?:,?\s+{_YEAR})?", _holiday),
    _rule(
        "set_every",
        r"(?:every|each)\s+(?:other\s+)?(?:(?P<n>" + NUM + r")\s+)?(?:(?P<unit>day|night|morning"
        r"|evening|week|weekend|month|year|quarter|hour|summer|winter|spring|fall|autumn)s?|"
        + WEEKDAY
        + ")",
        _set,
    ),
    _rule(
        "set_adverb",
        r"(?P<adv>daily|weekly|monthly|annual|annually|yearly|hourly|nightly|quarterly|biweekly"
        r"|fortnightly)",
        _set,
    ),
    _rule(
        "set_per",
        r"(?:(?P<freq>once|twice|thrice|" + NUM + r"\s+times)\s+)?(?P<per>a|an|per)\s+"
        r"(?P<unit>day|week|month|year|hour)",
        _set,
    ),
    _rule(
        "duration",
        rf"(?:(?P<n1>{NUM})\s*(?:to|-|–|or)\s*)?(?P<n>{NUM})[\s-]+{_UNIT}s?",
        _duration,
    ),
    _rule(
        "vague_period",
        r"(?:the\s+)?(?:coming|past|last|next|recent|previous|following)\s+"
        r"(?P<bare>days|weeks|months|years|decades)",
        _vague_period,
    ),
    _rule("bare_duration", r"(?P<bare>days|weeks|months|years|decades|centuries)", _bare_duration),
    _rule(
        "clock",
        r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)(?!\w))?"
        r"(?:\s+(?:local\s+time|GMT|UTC|[ECMP][SD]T))?",
        _clock,
    ),
    _rule("clock_ampm", r"(?P<h>1[0-2]|0?[1-9])\s*(?P<ampm>a\.m\.|p\.m\.)", _clock),
    _rule(
        "named_time",
        r"(?:(?:before|after)\s+)?(?P<w>noon|midday|midnight|dawn|dusk|daybreak|nightfall"
        r"|sunrise|sunset)",
        _named_time,
    ),
)
RULE_INDEX = {rule.name: i for i, rule in enumerate(RULES)}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A surface match of one rule, before the document's context decides on it."""

    start: int
    end: int
    rule: int
    match: re.Match[str]

    @property
    def name(self) -> str:
        """The name of the rule that matched."""
        return RULES[self.rule].name


def _apply(rule: Rule, m: re.Match[str], ctx: Context) -> tuple[str | None, str] | None:
    """Run a handler; arithmetic that leaves the calendar (`a million years ago`) is no value."""
    try:
        return rule.handler(m, ctx)
    except (ValueError, OverflowError):
        return None


def scan(text: str) -> list[Candidate]:
    """Every match of every rule in `text` that its handler does not reject out of context."""
    found: list[Candidate] = []
    empty = Context()
    for i, rule in enumerate(RULES):
        for m in rule.pattern.finditer(text):
            if _apply(rule, m, empty) is not None:
                found.append(Candidate(m.start(), m.end(), i, m))
    return found


def select(candidates: list[Candidate]) -> list[Candidate]:
    """The longest non-overlapping candidates (earlier rules win ties), in text order."""
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), c.rule, c.start))
    taken: list[Candidate] = []
    for c in ranked:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def evaluate(c: Candidate, ctx: Context) -> tuple[str | None, str] | None:
    """The value and type of a candidate in a context."""
    return _apply(RULES[c.rule], c.match, ctx)


_LEAD = re.compile(
    r"^(?:on|in|at|during|by|until|till|through|throughout|for|of|from|as\s+of|within)\s+",
    re.IGNORECASE,
)
_SINCE = re.compile(r"^since\s+", re.IGNORECASE)
HEDGE = re.compile(
    r"(?:(?:just\s+)?(?:more|less|fewer)\s+than|nearly|almost|about|around|roughly|over|under"
    r"|some|at\s+least|at\s+most|up\s+to|approximately|just\s+over|just\s+under|close\s+to)\s+$",
    re.IGNORECASE,
)
MODIFIER = re.compile(
    r"(?:(?:early|late|mid|earlier|later)(?:\s+|-)|mid-|the\s+(?:very\s+)?(?:end|beginning|start"
    r"|middle|rest|remainder|turn|close|first\s+(?:days?|weeks?)|last\s+(?:days?|weeks?))\s+of\s+)$",
    re.IGNORECASE,
)


def resolve(
    text: str,
    published: Point | None,
    tense: Tense = None,
    anchor: Point | None = None,
) -> tuple[str | None, str] | None:
    """Value and type of one whole time expression, or None if the grammar does not know it.

    `published` is the reference day (the article's publication date), `tense` the tense of
    the clause (`past` when unknown), `anchor` the day a relative expression such as
    `three days later` counts from (else the publication day).
    """
    text = re.sub(r"\s+", " ", text.strip().rstrip(",;:")).strip()
    since = bool(_SINCE.match(text))
    text = _LEAD.sub("", _SINCE.sub("", text))
    for prefix in (HEDGE, MODIFIER):
        head = re.match(prefix.pattern.rstrip("$"), text, re.IGNORECASE)
        if head and head.end() < len(text):
            text = text[head.end() :]
    ctx = Context(published, tense, anchor)
    for rule in RULES:
        m = rule.pattern.fullmatch(text) or rule.pattern.fullmatch(text.rstrip("."))
        if m is None:
            continue
        result = _apply(rule, m, ctx)
        if result is None:
            continue
        if since:
            return since_interval(result, published)
        return result
    return None


def since_interval(
    result: tuple[str | None, str], published: Point | None
) -> tuple[str | None, str]:
    """`since X`: from the start of X to the publication day."""
    value, kind = result
    if value is None or published is None or kind not in ("DATE", "TIME"):
        return (None if kind == "DATE" else value), kind
    start = value.split("/")[0].split("T")[0]
    return f"{start}/{fmt(published)}", "DATE"
