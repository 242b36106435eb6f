"""Small-number suppression of the reports that leave the laptop, primary and complementary.

Primary: a cell resting on fewer than ``k`` residents (but more than none) is hidden and shows
"<k". For a share, a small complement hides it too (95% of 60 says "3 did not").

Complementary: a hidden cell must not be recoverable from what is shown next to it. The
figures of one publication (the report, its whole-period total, the screen's monthly chart)
are tied by sums: a total and its breakdown (sessions by place), new plus returning residents,
the groups of a grouping and the whole period (months and the year, centres and all
residents), numerators and denominators of shares and ratios. For each such sum, a hidden cell
is protected when

- at least two cells of the sum are hidden (one hidden cell is the total minus the others), and
- with the total shown, what the hidden parts add up to leaves each "<k" cell anywhere in
  1..k-1: a reader knows a "<k" cell is 1..k-1 and a complementary one ("x") is k or more, so
  two "<5" beside a hidden sum of 8 would each be 4.

Otherwise the smallest non-zero shown part is hidden too ("x", complementary), or the total
when no part is left, and the sums are checked again until none changes. Zeros stay shown.
A ratio is hidden with its numerator or denominator (sessions per resident with the sessions or
the residents). Which sums hold for which grouping is written out below: residents seen in two
months or by two pharmacists count in each, so their counts do not add up over those groups.

What this does not do: it checks each sum on its own (with the others' hidden cells as
unknowns), not the whole system at once, which is the usual practice for tables of this size;
figures of different publications (a report by month sent in March and one by quarter sent in
June) are not checked against each other.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from consultdesk.domain.measures import TIME_GROUPS, Cell, GroupBy, MeasuresReport, Unit

# Counts of sessions, problems, flags or referrals (and new residents: a resident's first
# session ever falls in one group): they add up over every grouping.
EVENT_COUNTS = frozenset(
    {
        "residents_new",
        "sessions",
        "visits_by_place",
        "leftover_found",
        "disposed",
        "drp_found",
        "drp_resolved",
        "advice_given",
        "prescriber_contacted",
        "flags_decided",
        "observations",
        "referrals_sent",
        "referrals_acknowledged",
        "referrals_closed",
        "referral_reply_status",
        "services_linked",
    }
)
# Counts of residents: they add up over groups of residents (centre, age band, sex) only.
RESIDENT_COUNTS = frozenset(
    {
        "residents_reached",
        "residents_returning",
        "poly5_first",
        "poly5_latest",
        "poly10_first",
        "poly10_latest",
        "social_risk_residents",
    }
)
# A state at the end of each group's period: adds up over groups that are not periods.
STATE_COUNTS = frozenset({"referrals_overdue"})
# Breakdowns whose parts add up to the indicator's total (a social risk domain does not: one
# resident can have several).
ADDITIVE_BREAKDOWNS = frozenset(
    {
        "visits_by_place",
        "drp_found",
        "flags_decided",
        "observations",
        "referrals_closed",
        "referral_reply_status",
        "services_linked",
        "flags_dismissed_share",
    }
)
RESIDENT_GROUPS = (GroupBy.CENTRE, GroupBy.AGE_BAND, GroupBy.SEX)
# Shares and ratios: which of their two numbers add up, and over which groupings.
# (numerator over every grouping, denominator over every grouping)
FRACTIONS: dict[str, tuple[str, str]] = {
    "flags_dismissed_share": ("events", "events"),
    "sessions_per_resident": ("events", "residents"),
    "meds_went_down": ("residents", "residents"),
}

Key = tuple[int, str, str, str]  # (report, indicator, group, category)
Field = str  # "value", "numerator" or "denominator"


@dataclass(frozen=True, slots=True)
class _Sum:
    field: Field
    total: Key
    parts: tuple[Key, ...]


def _adds_up(kind: str, by: GroupBy) -> bool:
    if kind == "events":
        return True
    if kind == "state":
        return by not in TIME_GROUPS
    return by in RESIDENT_GROUPS


def _kind(indicator: str) -> str | None:
    if indicator in EVENT_COUNTS:
        return "events"
    if indicator in RESIDENT_COUNTS:
        return "residents"
    if indicator in STATE_COUNTS:
        return "state"
    return None


class _Table:
    """The cells of the reports published together, and the sums that tie them."""

    def __init__(self, reports: Sequence[MeasuresReport], k: int) -> None:
        self.reports, self.k = reports, k
        self.cells: dict[Key, Cell] = {}
        for n, r in enumerate(reports):
            for c in r.cells:
                self.cells[(n, c.indicator, c.group, c.category)] = c
        self.small: set[Key] = {
            key
            for key, c in self.cells.items()
            if _small(c, k, reports[key[0]].measures.get(c.indicator).unit is Unit.SHARE)
        }
        self.hidden: set[Key] = set(self.small)
        self.sums: list[_Sum] = []
        self._breakdowns()
        self._groups()

    # --- the sums ---------------------------------------------------------------------------

    def _fields(self, indicator: str, by: GroupBy | None) -> list[Field]:
        """The numbers of an indicator that add up (over groupings ``by``; None: within a
        group)."""
        if indicator in FRACTIONS:
            num, den = FRACTIONS[indicator]
            if by is None:
                return ["numerator", "denominator"]
            return [
                f for f, kind in (("numerator", num), ("denominator", den)) if _adds_up(kind, by)
            ]
        kind = _kind(indicator)
        if kind is None:
            return []
        return ["value"] if by is None or _adds_up(kind, by) else []

    def _breakdowns(self) -> None:
        parts: dict[tuple[int, str, str], list[Key]] = defaultdict(list)
        for key in self.cells:
            n, indicator, group, category = key
            if category and indicator in ADDITIVE_BREAKDOWNS:
                parts[(n, indicator, group)].append(key)
        for (n, indicator, group), keys in parts.items():
            for f in self._fields(indicator, None):
                self.sums.append(_Sum(f, (n, indicator, group, ""), tuple(sorted(keys))))
        for n, r in enumerate(self.reports):
            for g in r.groups:
                total = (n, "residents_reached", g.key, "")
                new, returning = (
                    (n, "residents_new", g.key, ""),
                    (
                        n,
                        "residents_returning",
                        g.key,
                        "",
                    ),
                )
                if total in self.cells:
                    self.sums.append(_Sum("value", total, (new, returning)))

    def _groups(self) -> None:
        """A group of a coarser report (the whole period, a quarter) against the groups of a
        finer one that tile it (every centre; the quarter's months)."""
        for n, coarse in enumerate(self.reports):
            for m, fine in enumerate(self.reports):
                if (
                    m == n
                    or fine.by is GroupBy.ALL
                    or (coarse.start, coarse.end)
                    != (
                        fine.start,
                        fine.end,
                    )
                ):
                    continue
                if coarse.by is not GroupBy.ALL and not (
                    coarse.by in TIME_GROUPS
                    and fine.by in TIME_GROUPS
                    and TIME_GROUPS.index(fine.by) < TIME_GROUPS.index(coarse.by)
                ):
                    continue
                for g in coarse.groups:
                    inside = [
                        h.key
                        for h in fine.groups
                        if coarse.by is GroupBy.ALL
                        or (
                            g.start is not None
                            and h.start is not None
                            and h.end is not None
                            and g.end is not None
                            and g.start <= h.start
                            and h.end <= g.end
                        )
                    ]
                    self._group_sums(n, g.key, m, fine.by, inside)

    def _group_sums(self, n: int, group: str, m: int, by: GroupBy, inside: list[str]) -> None:
        wanted = set(inside)
        parts: dict[tuple[str, str], list[Key]] = defaultdict(list)
        for key in self.cells:
            if key[0] == m and key[2] in wanted:
                parts[(key[1], key[3])].append(key)
        for (indicator, category), keys in parts.items():
            total = (n, indicator, group, category)
            for f in self._fields(indicator, by):
                self.sums.append(_Sum(f, total, tuple(sorted(keys))))

    # --- checking and hiding ----------------------------------------------------------------

    def number(self, key: Key, f: Field) -> float:
        c = self.cells.get(key)
        if c is None:
            return 0.0
        v = getattr(c, f)
        return 0.0 if v is None else float(v)

    def _bounded(self, key: Key, f: Field) -> bool:
        """A "<k" cell whose number is a count of residents is 1..k-1; other small cells'
        numbers (sessions of fewer than k residents) are 1 or more."""
        if f != "value":
            return FRACTIONS.get(key[1], ("", ""))[0 if f == "numerator" else 1] == "residents"
        return _kind(key[1]) == "residents" or key[1] == "residents_new"

    def protected(self, s: _Sum) -> bool:
        present = [p for p in s.parts if self.number(p, s.field) != 0 or p in self.hidden]
        hidden = [p for p in present if p in self.hidden]
        if s.total in self.hidden:
            return bool(hidden) or not any(self.number(p, s.field) for p in s.parts)
        if not hidden:
            return True
        if len(hidden) < 2:
            return False
        k = self.k
        low = {p: (1.0 if p in self.small else float(k)) for p in hidden}
        high = {
            p: (float(k - 1) if p in self.small and self._bounded(p, s.field) else math.inf)
            for p in hidden
        }
        rest = sum(self.number(p, s.field) for p in hidden)
        for p in hidden:
            if p not in self.small:
                continue
            others_low = sum(low[q] for q in hidden if q != p)
            others_high = sum(high[q] for q in hidden if q != p)
            lo = max(1.0, rest - others_high)
            hi = min(high[p], rest - others_low)
            if hi - lo < min(high[p], float(k - 1)) - 1:
                return False
        return True

    def hide_one_more(self, s: _Sum) -> bool:
        shown = [p for p in s.parts if p not in self.hidden and self.number(p, s.field) != 0]
        if shown:
            pick = min(shown, key=lambda p: (self.number(p, s.field), p))
        elif s.total not in self.hidden and self.number(s.total, s.field) != 0:
            pick = s.total
        else:
            return False
        self.hidden.add(pick)
        return True

    def _link_ratios(self) -> bool:
        """Sessions per resident is sessions ÷ residents: hidden with either."""
        changed = False
        for n, r in enumerate(self.reports):
            for g in r.groups:
                ratio = (n, "sessions_per_resident", g.key, "")
                if ratio not in self.cells or ratio in self.hidden:
                    continue
                if {(n, "sessions", g.key, ""), (n, "residents_reached", g.key, "")} & self.hidden:
                    self.hidden.add(ratio)
                    changed = True
        return changed

    def settle(self) -> None:
        changed = True
        while changed:
            changed = self._link_ratios()
            for s in self.sums:
                while not self.protected(s):
                    if not self.hide_one_more(s):
                        break
                    changed = True


def _small(c: Cell, k: int, share: bool) -> bool:
    if 0 < c.people < k:
        return True
    if share and c.numerator is not None and c.denominator is not None:
        return 0 < c.denominator - c.numerator < k  # a share's complement: "95% of 60"
    return False


def suppress_together(reports: Sequence[MeasuresReport], k: int) -> list[tuple[Cell, ...]]:
    """The cells of each report with primary and complementary suppression applied across
    all of them (they are published together)."""
    table = _Table(reports, k)
    table.settle()
    out: list[tuple[Cell, ...]] = []
    for n, r in enumerate(reports):
        cells = []
        for c in r.cells:
            key = (n, c.indicator, c.group, c.category)
            if key in table.hidden:
                c = replace(
                    c,
                    value=None,
                    numerator=None,
                    denominator=None,
                    suppressed=True,
                    secondary=key not in table.small,
                )
            cells.append(replace(c, subjects=()))
        out.append(tuple(cells))
    return out


def shown_sums(
    reports: Sequence[MeasuresReport], k: int
) -> Iterable[tuple[Field, Key, tuple[Key, ...]]]:
    """The sums the suppression checks (for tests that try to work a hidden cell out)."""
    for s in _Table(reports, k).sums:
        yield s.field, s.total, s.parts
