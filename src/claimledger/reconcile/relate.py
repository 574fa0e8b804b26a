"""How the figures of one group relate: agree, update, conflict or derived, with the arithmetic.

- `agree`: every absolute figure allows the same value (hedges widen the tolerance), unless
  a later figure states another number that only the hedges reconcile ("more than 420,000",
  then "as many as 510,000"): that is an update.
- `derived`: one figure is arithmetic on others: a unit or currency conversion in one
  article, a sum of parts or a difference ("4 + 2 = 6", "3 − 0.3 = 2.7"), or a part and its
  share of a whole at the same time. Arithmetic that ties every value wins over a conflict
  of claimants; conversions alone never explain a change between values (a revised estimate
  with its dollar equivalents is an update).
- `conflict`: values that cannot both be true: a forecast and its outcome; two named
  claimants on the same day (or overlapping periods); two claimants' estimates within
  `conflict_days` unless a running count (a toll, cases) simply grew between them; a
  claimant and an unattributed figure on the same day with no word of a revision.
- `update`: otherwise the values change: the same claimant later, a running count
  reported later by another claimant, a revision. Conflict wins in a mixed group.

The note lists each figure in time order, converted to a common unit, then why the
relation was chosen (the conflicting pair and its reason, or who gave each later figure
and when) and the checks made, so a person can redo them.
"""

from __future__ import annotations

import difflib
import logging
import math
from dataclasses import dataclass, field
from itertools import combinations

from claimledger.reconcile.features import Figure
from claimledger.reconcile.lexicon import GROWING, REVISION, fold
from claimledger.reconcile.units import convert, fmt_base, fmt_number, fmt_value, unit_info

LOGGER = logging.getLogger(__name__)

GENERIC_CLAIMANT = frozenset(
    {
        "the",
        "of",
        "officials",
        "official",
        "authorities",
        "office",
        "government",
        "and",
        "in",
        "a",
        "an",
        "spokesperson",
        "agency",
    }
)


EXACT_COUNTS = frozenset({"people", "count", "items"})
MAX_SUM_TERMS = 12  # sums are looked for among at most this many figures of one article


@dataclass(frozen=True, slots=True)
class RelateSettings:
    """Tolerances for deciding a relation.

    Hedges ("about", "more than") already widen each figure's own interval when the figure
    is built (`hedge_tolerance` of `reconcile`); `tolerance` applies between exact figures.
    """

    tolerance: float = 0.05  # exact figures this close agree
    cross_currency_tolerance: float = 0.3  # reference exchange rates are approximate
    conflict_days: int = 31  # figures further apart in time than this update each other
    exact_below: float = 1000.0  # unhedged counts below this agree only when equal
    same_time_days: int = 1  # claimants this close in time (days) speak of the same moment


def same_claimant(a: str | None, b: str | None) -> bool:
    """True when two claimants name the same person or body (spelling variants allowed)."""
    if not a or not b:
        return not a and not b
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    wa = {w for w in fa.replace(".", "").split() if w not in GENERIC_CLAIMANT}
    wb = {w for w in fb.replace(".", "").split() if w not in GENERIC_CLAIMANT}
    if wa and wb and (wa <= wb or wb <= wa or len(wa & wb) * 2 >= len(wa | wb)):
        return True  # "Erdogan" in "Recep Tayyip Erdogan"; not "Ministry of Health" in WHO
    if _acronym(fa) in wb or _acronym(fb) in wa:
        return True
    la, lb = fa.split()[-1], fb.split()[-1]
    return difflib.SequenceMatcher(None, la, lb).ratio() >= 0.85


def _acronym(text: str) -> str:
    words = [w for w in text.split() if w not in GENERIC_CLAIMANT]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _tol(a: Figure, b: Figure, s: RelateSettings) -> float:
    if a.dimension == "money" and a.q.unit != b.q.unit:
        return s.cross_currency_tolerance
    if a.low != a.high or b.low != b.high:
        return 0.0  # a hedge or a range already gives the figure its width
    if a.dimension in EXACT_COUNTS and max(a.mid, b.mid) < s.exact_below:
        return 0.0  # 71 and 74 dead are two counts, not one rounded
    if a.dimension == "ratio" and a.q.unit == b.q.unit:
        return 0.0  # a rate of 7 per cent and one of 7.25 per cent are two rates
    return s.tolerance


def agree(a: Figure, b: Figure, s: RelateSettings) -> bool:
    """True when two figures allow a common value within tolerance."""
    t = _tol(a, b, s)
    return a.low <= b.high * (1 + t) and b.low <= a.high * (1 + t)


def _fits(value: float, f: Figure, s: RelateSettings) -> bool:
    return f.low * (1 - s.tolerance) <= value <= f.high * (1 + s.tolerance)


def _overlap(a: Figure, b: Figure, days: int = 0) -> bool:
    if a.when is None or b.when is None:
        return True
    return a.when[0] <= b.when[1] + days and b.when[0] <= a.when[1] + days


def _who(f: Figure) -> str:
    return f.q.claimant or "outlet"


def _date(f: Figure) -> str:
    return f.q.as_of or "undated"


def order(members: list[Figure]) -> list[Figure]:
    """Members in time order (undated last), then by article and position."""
    return sorted(
        members,
        key=lambda f: (f.when is None, f.when or (0, 0), f.doc, f.q.start, f.index),
    )


def value_classes(values: list[Figure], s: RelateSettings) -> list[list[Figure]]:
    """Figures grouped by the value they allow: each class agrees with its first figure."""
    classes: list[list[Figure]] = []
    for f in values:
        home = next((c for c in classes if any(f.partner == g.index for g in c)), None)
        if home is not None:  # a stated conversion counts as its partner's value
            home.append(f)
            continue
        for c in classes:
            if all(agree(f, g, s) for g in c):
                c.append(f)
                break
        else:
            classes.append([f])
    return classes


@dataclass(slots=True)
class Checks:
    """Arithmetic found among a group's figures, as note lines and explained figures."""

    lines: list[str]
    derived: set[int]  # indices of figures explained as arithmetic on others
    operands: set[int]
    converted: set[int] = field(default_factory=set)  # restated in another unit only


def arithmetic(values: list[Figure], shares: list[Figure], s: RelateSettings) -> Checks:
    """Conversions, sums and shares that tie a group's figures together."""
    checks = Checks([], set(), set())
    for a, b in combinations(values, 2):
        linked = a.partner == b.index or b.partner == a.index
        if linked and a.q.unit != b.q.unit and convert(1.0, a.q.unit, b.q.unit) is None:
            if a.q.value and b.q.value:  # no reference rate: show the one the article implies
                checks.lines.append(
                    f"{a.q.text} restated as {b.q.text}: "
                    f"{fmt_number(a.q.value / b.q.value)} {a.q.unit} per {b.q.unit}"
                )
                checks.derived.add(b.index if b.partner == a.index else a.index)
                checks.operands.add(a.index if b.partner == a.index else b.index)
                checks.converted.add(b.index if b.partner == a.index else a.index)
            continue
        if a.q.unit != b.q.unit and a.base and b.base and (linked or agree(a, b, s)):
            out = convert(a.q.value or 0.0, a.q.unit, b.q.unit)
            if a.doc == b.doc and out is not None:
                diff = (b.base - a.base) / a.base * 100
                checks.lines.append(
                    f"{fmt_value(a.q.value or 0.0, a.q.unit)} = {fmt_value(out, b.q.unit)} "
                    f"(stated {fmt_value(b.q.value or 0.0, b.q.unit)}: {diff:+.1f}%)"
                )
                checks.derived.add(b.index)
                checks.operands.add(a.index)
                checks.converted.add(b.index)
    by_doc: dict[str, list[Figure]] = {}
    for v in values:
        by_doc.setdefault(v.doc, []).append(v)
    for total in values:
        same_doc = by_doc[total.doc]
        if total.base is None or len(same_doc) > MAX_SUM_TERMS:
            continue
        parts = [(v, v.base) for v in same_doc if v is not total and v.base]
        for (a, a_base), (b, b_base) in combinations(parts, 2):
            if _fits(a_base + b_base, total, s) and not agree(a, total, s):
                checks.lines.append(
                    f"{fmt_base(a_base, a.q.unit)} + {fmt_base(b_base, b.q.unit)} = "
                    f"{fmt_base(a_base + b_base, total.q.unit)} (stated {total.q.text})"
                )
                checks.derived.add(total.index)
                checks.operands.update((a.index, b.index))
                checks.converted.discard(total.index)
        if total.index not in checks.derived and len(parts) >= 3:
            _three_parts(total, parts, s, checks)
    for r in shares:
        line = _share_check(r, values, s, checks) or _share_applied(r, values)
        if line:
            checks.lines.append(line)
    return checks


def _three_parts(
    total: Figure, parts: list[tuple[Figure, float]], s: RelateSettings, checks: Checks
) -> None:
    """Note a total that three of its article's figures add up to: 71 + 43 + 12 = 126."""
    for trio in combinations(parts, 3):
        whole = math.fsum(base for _, base in trio)
        if not _fits(whole, total, s) or any(agree(f, total, s) for f, _ in trio):
            continue
        terms = " + ".join(fmt_base(base, f.q.unit) for f, base in trio)
        checks.lines.append(f"{terms} = {fmt_base(whole, total.q.unit)} (stated {total.q.text})")
        checks.derived.add(total.index)
        checks.operands.update(f.index for f, _ in trio)
        checks.converted.discard(total.index)
        return


def _share_applied(r: Figure, values: list[Figure]) -> str:
    """A share applied to the figure it is stated with: its part and what is left."""
    if r.base is None:
        return ""
    whole = next((v for v in values if v.q.sentence == r.q.sentence and v.base), None)
    whole = whole or next((v for v in values if v.base), None)
    if whole is None or whole.base is None or whole.q.value is None:
        return ""
    unit = whole.q.unit
    part, rest = whole.q.value * r.base, whole.q.value * (1 - r.base)
    other = next(
        (v.q.unit for v in values if v.q.unit != unit and convert(1, unit, v.q.unit)), None
    )
    rest_txt = fmt_value(rest, unit)
    if other:
        rest_txt += f" ({fmt_value(convert(rest, unit, other) or 0.0, other)})"
    return (
        f"{r.q.text} of {fmt_value(whole.q.value, unit)} = {fmt_value(part, unit)}, "
        f"leaving {rest_txt}"
    )


def _share_check(r: Figure, values: list[Figure], s: RelateSettings, checks: Checks) -> str:
    """Explain a share as part / whole, or as what is left after losing it."""
    if r.base is None or not values:
        return ""
    best = ""
    best_err = float("inf")
    for part, whole in ((p, w) for p in values for w in values if p is not w):
        if not part.base or not whole.base or part.base >= whole.base * (1 + s.tolerance):
            continue
        ratio = part.base / whole.base
        kinds = [("rest", 1 - ratio), ("rise", 1 / ratio - 1)]
        if _overlap(part, whole):
            kinds.append(("share", ratio))
        for kind, implied in kinds:
            err = abs(implied - r.base) / max(r.base, 1e-9)
            if not (r.low * (1 - s.tolerance) <= implied <= r.high * (1 + s.tolerance)):
                continue
            if err >= best_err:
                continue
            best_err = err
            if kind == "rise":
                whole_from = part.base * (1 + r.base)
            else:
                whole_from = part.base / (r.base if kind == "share" else 1 - r.base or 1e-9)
            gap = (whole_from - whole.base) / whole.base * 100
            w_unit, p_unit = whole.q.unit, part.q.unit
            conv = convert(whole_from, unit_info(w_unit).base, p_unit)
            conv_txt = f" ({fmt_value(conv, p_unit)})" if conv and p_unit != w_unit else ""
            verb = {"share": "is", "rest": "left after losing", "rise": "rising by"}[kind]
            best = (
                f"{part.q.text} {verb} {r.q.text} of the whole ⇒ whole ≈ "
                f"{fmt_base(whole_from, w_unit)}{conv_txt}; stated {whole.q.text} "
                f"= {fmt_base(whole.base, w_unit)}, implied {gap:+.1f}%"
                + (f", within '{r.q.approx}'" if r.q.approx else "")
            )
            one_doc = part.doc == whole.doc == r.doc
            # A change worked out from two levels ("a drop of 38 percent") explains both.
            change = kind != "share" and not r.share and _near(r, part, whole)
            if one_doc and (kind == "share" and _overlap(part, whole) or change):
                checks.derived.add(r.index)
                checks.operands.update((part.index, whole.index))
    return best


NEAR_CHARS = 400  # a change worked out from two levels is stated this close to one of them


def _near(r: Figure, *levels: Figure) -> bool:
    """True when a percent is stated close to one of the levels it is worked out from."""
    return any(abs(f.q.start - r.q.start) <= NEAR_CHARS for f in levels)


def _disagreement(a: Figure, b: Figure, s: RelateSettings) -> str:
    """Why two figures of different values conflict, or "" when one updates the other.

    - a forecast against an outcome for about the same time conflicts;
    - two named claimants conflict when they speak of the same time (a day apart at most,
      or overlapping periods);
    - further apart in time (up to `conflict_days`), a running count that grew (a toll,
      cases) is a later count, whoever gives it; other estimates still conflict;
    - a claimant against an unattributed figure conflicts only at the same time and with
      no word of a revision;
    - figures from the outlet itself, or the same claimant later, are an update.
    """
    if a.forecast != b.forecast:
        forecast, outcome = (a, b) if a.forecast else (b, a)
        ahead = forecast.when and outcome.when and forecast.when[0] <= outcome.when[1]
        if ahead or _overlap(a, b, s.conflict_days):
            return "forecast vs outcome"
    if not (a.q.claimant or b.q.claimant) or same_claimant(a.q.claimant, b.q.claimant):
        return ""
    if not (a.q.claimant and b.q.claimant):
        # A claimant against the outlet's own figure: a conflict only at the same time and
        # when neither sentence tells of a revision ("previously estimated", "lowered").
        revised = REVISION.search(a.q.sentence or "") or REVISION.search(b.q.sentence or "")
        if _overlap(a, b, 0) and not revised:
            return "a claimant and an unattributed figure, same time"
        return ""
    if _overlap(a, b, s.same_time_days):
        return "different claimants, same time"
    if not _overlap(a, b, s.conflict_days):
        return ""
    first, last = (a, b) if (a.when or (0, 0)) <= (b.when or (0, 0)) else (b, a)
    if first.concepts & last.concepts & GROWING and last.high >= first.low:
        return ""
    return "different claimants' estimates within weeks"


def _conflicts(classes: list[list[Figure]], s: RelateSettings) -> list[tuple[Figure, Figure, str]]:
    found = []
    for ca, cb in combinations(classes, 2):
        for a in ca:
            for b in cb:
                why = _disagreement(a, b, s)
                if why:
                    found.append((a, b, why))
    return found


def relate(members: list[Figure], settings: RelateSettings | None = None) -> tuple[str, str]:
    """The group's relation and a note with the conversions and arithmetic."""
    s = settings or RelateSettings()
    members = order(members)
    values = [f for f in members if f.dimension != "ratio"] or members
    shares = [f for f in members if f not in values]
    classes = value_classes(values, s)
    checks = arithmetic(values, shares, s)
    display = values[0].q.unit
    lines = [_describe(f, display) for f in members]
    relation = "update"
    arithmetic_only = checks.derived - checks.converted  # sums, differences, shares
    # Derived when the arithmetic ties every value: "4 + 2 = 6", "3 - 0.3 = 2.7".
    explained = all(
        any(f.index in arithmetic_only or f.index in checks.operands for f in c) for c in classes
    )
    changed = _restated_later(values, s)
    if len(classes) == 1 and changed is None:
        one_doc = len({f.doc for f in members}) == 1
        one_claimant = all(same_claimant(f.q.claimant, members[0].q.claimant) for f in members)
        converted = one_doc and one_claimant and (checks.derived or shares)
        relation = "derived" if converted else "agree"
    elif len(classes) == 1 and changed is not None:
        lines.append(f"update (a new figure later, inside the earlier one's hedge: {changed})")
    elif arithmetic_only and explained:
        relation = "derived"  # every value is an operand or a result of the arithmetic
    else:
        conflicts = _conflicts(classes, s)
        if conflicts:
            relation = "conflict"
            for a, b, why in conflicts[:3]:
                lines.append(f"conflict ({why}): {_versus(a, b)}")
        else:
            lines.append(_update_reason(values))
            lines.extend(_changes(classes))
    lines.extend(checks.lines)
    return relation, "; ".join(lines)


def _restated_later(values: list[Figure], s: RelateSettings) -> str | None:
    """Two point figures in one unit, at different times, whose stated numbers differ.

    "More than 420,000" on Thursday and "as many as 510,000" on Saturday overlap only
    through their hedges: the later number is a new count, not the same one restated. A
    point inside a stated range ("93" in "between 90 and 100") still agrees.
    """
    for a, b in combinations(values, 2):
        if a.q.value is None or b.q.value is None or a.q.unit != b.q.unit:
            continue
        if a.partner is not None or b.partner is not None:
            continue
        if _overlap(a, b) or not a.q.value or not b.q.value:
            continue
        gap = abs(a.q.value - b.q.value) / max(abs(a.q.value), abs(b.q.value))
        if gap > s.tolerance:
            first, last = (a, b) if (a.when or (0, 0)) <= (b.when or (0, 0)) else (b, a)
            return f"{first.q.text} → {last.q.text}"
    return None


def _describe(f: Figure, display: str) -> str:
    text = f"{_date(f)} {_who(f)}: {f.q.text}"
    if f.q.value is not None and f.q.unit != display:
        out = convert(f.q.value, f.q.unit, display)
        if out is not None:
            text += f" (= {fmt_value(out, display)})"
    return text


def _versus(a: Figure, b: Figure) -> str:
    lo, hi = sorted((a.mid, b.mid))
    factor = f"{hi / lo:.2f}x" if lo > 0 else "n/a"
    who_a = "forecast" if a.forecast else _who(a)
    who_b = "forecast" if b.forecast else _who(b)
    return (
        f"{who_a} {a.q.text} vs {who_b} {b.q.text} "
        f"({fmt_base(a.mid, a.q.unit)} vs {fmt_base(b.mid, b.q.unit)}, {factor} apart)"
    )


def _update_reason(values: list[Figure]) -> str:
    """Why a group with changing values is an update: who gave each later figure, and when."""
    reasons: list[str] = []
    for prev, nxt in zip(values, values[1:], strict=False):
        if prev.low <= nxt.high and nxt.low <= prev.high:
            continue
        days = nxt.when[0] - prev.when[0] if prev.when and nxt.when else None
        later = {None: "later", 0: "the same day", 1: "a day later"}.get(days, f"{days} days later")
        if not (prev.q.claimant and nxt.q.claimant):
            why = f"a figure {later}"
        elif same_claimant(prev.q.claimant, nxt.q.claimant):
            why = f"the same claimant {later}"
        elif prev.concepts & nxt.concepts & GROWING:
            why = f"a running count reported {later} by another claimant"
        else:
            why = f"another claimant {later}, outside the conflict window"
        if why not in reasons:
            reasons.append(why)
    return "update (" + "; ".join(reasons or ["values change over time"]) + ")"


def _changes(classes: list[list[Figure]]) -> list[str]:
    out = []
    for prev, nxt in zip(classes, classes[1:], strict=False):
        a, b = prev[0], nxt[0]
        if a.mid <= 0:
            continue
        delta = b.mid - a.mid
        sign = "+" if delta >= 0 else "−"
        step = fmt_base(abs(delta), b.q.unit)
        if a.q.unit == b.q.unit and a.q.value is not None and b.q.value is not None:
            step = fmt_value(abs(b.q.value - a.q.value), b.q.unit)  # "+112 mm", not "+0 km"
        out.append(f"{a.q.text} → {b.q.text}: {sign}{step} ({delta / a.mid * 100:+.0f}%)")
    return out
