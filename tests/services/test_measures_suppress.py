"""Complementary suppression against hand-made tables that leaked with primary suppression only:
each case names the sum a reader would use to work a "<5" out, and checks it no longer can.

A reader's arithmetic (`recover`) is written here independently of the suppression code: for
each sum the report publishes (a total and its parts, the whole period and its groups), one
hidden number beside shown ones is the total minus the others; several "<5" beside a hidden sum
are each narrowed by knowing that every "<5" is 1 to 4 and every "x" at least 5.
"""

from __future__ import annotations

from datetime import date

from consultdesk.domain.measures import Cell, Group, GroupBy, MeasuresReport
from consultdesk.services.measures import bundled_measures, deidentify, deidentify_together

START, END = date(2026, 1, 1), date(2026, 3, 31)
K = 5


def _report(by: GroupBy, groups: list[Group], cells: list[Cell]) -> MeasuresReport:
    return MeasuresReport(bundled_measures(), START, END, by, tuple(groups), tuple(cells))


def _all(cells: list[Cell]) -> MeasuresReport:
    return _report(GroupBy.ALL, [Group("all", "전체", "All", START, END)], cells)


def _count(
    indicator: str, value: int, group: str = "all", category: str = "", people: int = -1
) -> Cell:
    return Cell(indicator, group, category, float(value), value if people < 0 else people)


def recover(total: Cell | None, parts: list[Cell | None], bounded: bool) -> list[tuple[int, int]]:
    """What a reader can tell of each "<5" part of a sum (the range it must lie in), from the
    shown total and the shown parts. ``bounded``: the parts count residents (a "<5" is 1..4)."""
    if total is None or total.suppressed:
        return []
    cells = [p for p in parts if p is not None]
    hidden = [p for p in cells if p.suppressed]
    rest = int(total.value or 0) - sum(int(p.value or 0) for p in cells if not p.suppressed)
    out = []
    big = 10**9
    for p in hidden:
        if p.secondary:
            continue
        others = [q for q in hidden if q is not p]
        low_others = sum(5 if q.secondary else 1 for q in others)
        high_others = sum(big if q.secondary or not bounded else K - 1 for q in others)
        lo = max(1, rest - high_others)
        hi = min(K - 1 if bounded else big, rest - low_others)
        out.append((lo, hi))
    return out


def _leaks(ranges: list[tuple[int, int]], bounded: bool) -> bool:
    return any(hi - lo < K - 2 for lo, hi in ranges)


def test_a_part_is_no_longer_the_total_minus_the_others() -> None:
    # Sessions by place: home has 3 residents, so it shows "<5"; the total and the other
    # places used to be shown, and 20 - 9 - 8 = 3.
    cells = [
        _count("visits_by_place", 20),
        _count("visits_by_place", 3, category="home"),
        _count("visits_by_place", 9, category="welfare_centre"),
        _count("visits_by_place", 8, category="pharmacy"),
        _count("visits_by_place", 0, category="phone"),
    ]
    old = _old_deidentify(_all(cells))
    parts = [old.cell("visits_by_place", "all", c) for c in ("home", "welfare_centre", "pharmacy")]
    assert recover(old.cell("visits_by_place"), parts, bounded=False) == [(3, 3)]  # the leak

    new = deidentify(_all(cells))
    parts = [new.cell("visits_by_place", "all", c) for c in ("home", "welfare_centre", "pharmacy")]
    assert new.text(parts[0]) == "<5"
    assert new.text(parts[2]) == "x"  # the smallest other part hides with it
    assert new.text(parts[1]) == "9" and new.text(new.cell("visits_by_place")) == "20"
    assert new.text(new.cell("visits_by_place", "all", "phone")) == "0"  # zeros stay
    assert not _leaks(recover(new.cell("visits_by_place"), parts, bounded=False), False)


def test_two_small_centres_beside_a_hidden_sum_of_8() -> None:
    # Residents by centre beside the whole period: two centres of 4 shown as "<5", and
    # 30 - 22 = 8 = 4 + 4 told each one exactly.
    groups = [Group(k, k, k, START, END) for k in ("c1", "c2", "c3")]
    total = _all([_count("residents_reached", 30)])
    by_centre = _report(
        GroupBy.CENTRE,
        groups,
        [
            _count("residents_reached", 4, "c1"),
            _count("residents_reached", 4, "c2"),
            _count("residents_reached", 22, "c3"),
        ],
    )
    old = [_old_deidentify(total), _old_deidentify(by_centre)]
    parts = [old[1].cell("residents_reached", g) for g in ("c1", "c2", "c3")]
    assert recover(old[0].cell("residents_reached"), parts, bounded=True) == [(4, 4), (4, 4)]

    new = deidentify_together([total, by_centre])
    parts = [new[1].cell("residents_reached", g) for g in ("A", "B", "C")]
    assert [new[1].text(p) for p in parts] == ["<5", "<5", "x"]
    assert new[0].text(new[0].cell("residents_reached")) == "30"
    ranges = recover(new[0].cell("residents_reached"), parts, bounded=True)
    assert ranges == [(1, 4), (1, 4)]


def test_a_small_month_is_not_the_year_minus_the_other_months() -> None:
    months = [
        Group("2026-01", "1월", "Jan", date(2026, 1, 1), date(2026, 1, 31)),
        Group("2026-02", "2월", "Feb", date(2026, 2, 1), date(2026, 2, 28)),
        Group("2026-03", "3월", "Mar", date(2026, 3, 1), date(2026, 3, 31)),
    ]
    total = _all([_count("sessions", 95, people=60)])
    monthly = _report(
        GroupBy.MONTH,
        months,
        [
            _count("sessions", 3, "2026-01", people=2),
            _count("sessions", 40, "2026-02", people=30),
            _count("sessions", 52, "2026-03", people=35),
        ],
    )
    old = [_old_deidentify(total), _old_deidentify(monthly)]
    parts = [old[1].cell("sessions", g.key) for g in months]
    assert recover(old[0].cell("sessions"), parts, bounded=False) == [(3, 3)]

    new = deidentify_together([total, monthly])
    parts = [new[1].cell("sessions", g.key) for g in months]
    assert [new[1].text(p) for p in parts] == ["<5", "x", "52"]
    assert not _leaks(recover(new[0].cell("sessions"), parts, bounded=False), False)


def test_new_plus_returning_is_everyone() -> None:
    cells = [
        _count("residents_reached", 40),
        _count("residents_new", 37),
        _count("residents_returning", 3),
        _count("sessions", 80, people=40),
        Cell("sessions_per_resident", "all", "", 2.0, 40, 80, 40),
    ]
    old = _old_deidentify(_all(cells))
    assert old.text(old.cell("residents_returning")) == "<5"
    assert old.value("residents_reached") - old.value("residents_new") == 3  # type: ignore[operator]

    new = deidentify(_all(cells))
    hidden = {i for i in ("residents_reached", "residents_new") if new.cell(i).suppressed}  # type: ignore[union-attr]
    assert hidden, "one of the two must hide with the '<5'"
    if "residents_reached" in hidden:
        # sessions ÷ sessions per resident would give the residents back
        assert new.cell("sessions_per_resident").suppressed  # type: ignore[union-attr]


def test_a_share_with_a_small_complement_is_hidden() -> None:
    # 57 of 60 flags dismissed: "95%" with its denominator says 3 were confirmed.
    cells = [Cell("flags_dismissed_share", "all", "", 0.95, 40, 57, 60)]
    old = _old_deidentify(_all(cells))
    shown = old.cell("flags_dismissed_share")
    assert shown is not None and shown.denominator - shown.numerator == 3  # type: ignore[operator]
    new = deidentify(_all(cells))
    assert new.text(new.cell("flags_dismissed_share")) == "<5"


def test_family_shares_do_not_give_each_other_away() -> None:
    # Dismissed flags per rule family: the whole's numerator and denominator minus the shown
    # families' told the small family's.
    cells = [
        Cell("flags_dismissed_share", "all", "", 0.5, 30, 30, 60),
        Cell("flags_dismissed_share", "all", "interaction", 0.5, 2, 1, 2),
        Cell("flags_dismissed_share", "all", "dose", 0.5, 20, 14, 28),
        Cell("flags_dismissed_share", "all", "social", 0.5, 20, 15, 30),
    ]
    new = deidentify(_all(cells))
    fam = [new.cell("flags_dismissed_share", "all", f) for f in ("interaction", "dose", "social")]
    assert [new.text(c) for c in fam] == ["<5", "x", "50%"]
    assert all(c is not None and c.numerator is None for c in fam[:2])


def test_a_median_over_fewer_than_5_residents_is_hidden() -> None:
    cells = [Cell("meds_first_median", "all", "", 7.0, 3)]
    assert deidentify(_all(cells)).text(deidentify(_all(cells)).cell("meds_first_median")) == "<5"


def test_every_sum_of_a_larger_table_is_safe() -> None:
    """Six centres, three small, over every indicator with a breakdown: no sum tells a "<5"."""
    groups = [Group(f"c{n}", f"c{n}", f"c{n}", START, END) for n in range(6)]
    values = [4, 31, 4, 17, 3, 12]
    cells = []
    total_cells = []
    for indicator, categories in (
        ("visits_by_place", ("home", "welfare_centre", "pharmacy", "phone")),
        ("referrals_sent", ()),
        ("residents_reached", ()),
    ):
        grand = 0
        for g, v in zip(groups, values, strict=True):
            cells.append(_count(indicator, v * (len(categories) or 1), g.key, people=v))
            for n, c in enumerate(categories):
                cells.append(
                    _count(indicator, v if n != 3 else 0, g.key, c, people=v if n != 3 else 0)
                )
            grand += v * (len(categories) or 1)
        total_cells.append(_count(indicator, grand, people=sum(values)))
        for n, c in enumerate(categories):
            total_cells.append(_count(indicator, sum(values) if n != 3 else 0, category=c))
    reports = deidentify_together([_all(total_cells), _report(GroupBy.CENTRE, groups, cells)])
    total, by_centre = reports
    letters = [g.key for g in by_centre.groups]
    for indicator, category in (
        ("visits_by_place", ""),
        ("visits_by_place", "home"),
        ("visits_by_place", "pharmacy"),
        ("referrals_sent", ""),
        ("residents_reached", ""),
    ):
        parts = [by_centre.cell(indicator, g, category) for g in letters]
        bounded = indicator == "residents_reached"  # "<5" residents are 1 to 4
        ranges = recover(total.cell(indicator, "all", category), parts, bounded)
        assert ranges and not _leaks(ranges, bounded), (indicator, category, ranges)
    for g in letters:  # inside each centre: its places against its total
        parts = [
            by_centre.cell("visits_by_place", g, c) for c in ("home", "welfare_centre", "pharmacy")
        ]
        assert not _leaks(recover(by_centre.cell("visits_by_place", g), parts, False), False)


def _old_deidentify(report: MeasuresReport) -> MeasuresReport:
    """Primary suppression only, as the reports were made before (the leak to show)."""
    from dataclasses import replace

    cells = tuple(
        replace(c, value=None, numerator=None, denominator=None, suppressed=True, subjects=())
        if 0 < c.people < K
        else replace(c, subjects=())
        for c in report.cells
    )
    return replace(report, cells=cells, deidentified=True, _index={})
