"""Shared measurement: what an indicator is, and what a computed report holds.

Plain values only; services/measures.py computes them from the records, reports/ writes them.
Also the pure parts of the computation: the time groups of a period, age bands, the social risks
a session's answers raise, and de-identification of a computed report.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum

from consultdesk.domain.dates import full_age
from consultdesk.domain.screening import ScreeningForm


class Unit(StrEnum):
    RESIDENTS = "residents"
    SESSIONS = "sessions"
    RATIO = "ratio"
    MEDICINES = "medicines"
    SHARE = "share"
    PROBLEMS = "problems"
    FLAGS = "flags"
    OBSERVATIONS = "observations"
    REFERRALS = "referrals"
    DAYS = "days"


class GroupBy(StrEnum):
    ALL = "all"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CENTRE = "centre"
    PHARMACIST = "pharmacist"
    AGE_BAND = "age_band"
    SEX = "sex"


TIME_GROUPS = (GroupBy.MONTH, GroupBy.QUARTER, GroupBy.YEAR)
# What a cell hidden by complementary suppression shows (as Statistics Canada marks a figure
# suppressed for confidentiality).
SECONDARY_MARK = "x"


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """A period and its filters: what services/measures.py computes a report for."""

    start: date
    end: date
    by: GroupBy = GroupBy.ALL
    centre_id: str | None = None
    pharmacist: str | None = None  # a device id
    today: date | None = None


# --- the definitions (data) ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    version: int
    group: str
    unit: Unit
    aggregate: str  # sum / ratio / share / median: how teams' figures combine
    title_ko: str
    title_en: str
    definition_ko: str
    definition_en: str
    breakdown: str = ""
    goal: float | None = None
    goal_per: str = ""

    def title(self, lang: str) -> str:
        return self.title_ko if lang == "ko" else self.title_en

    def definition(self, lang: str) -> str:
        return self.definition_ko if lang == "ko" else self.definition_en

    @property
    def digest(self) -> str:
        """What two teams must agree on for their figures to be added: the id, the version and
        the definition itself (English and Korean), the unit, breakdown and way of combining."""
        body = json.dumps(
            [
                self.id,
                self.version,
                self.unit.value,
                self.aggregate,
                self.breakdown,
                self.definition_en,
                self.definition_ko,
            ],
            ensure_ascii=False,
        )
        return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class MeasureSet:
    id: str
    indicators: tuple[Indicator, ...]
    age_bands: tuple[tuple[int, int, str], ...]
    suppress_below: int
    categories: Mapping[str, Mapping[str, tuple[str, str]]]

    def get(self, indicator_id: str) -> Indicator:
        for i in self.indicators:
            if i.id == indicator_id:
                return i
        raise KeyError(indicator_id)

    def category_text(self, indicator: Indicator, category: str, lang: str) -> str:
        """The words for one breakdown cell ("medication.high" → "약물 · 높음")."""
        if indicator.breakdown == "kind_severity" and "." in category:
            kind, severity = category.split(".", 1)
            return (
                f"{self.category_label('kind', kind, lang)} · "
                f"{self.category_label('severity', severity, lang)}"
            )
        return self.category_label(indicator.breakdown, category, lang)

    def category_label(self, breakdown: str, category: str, lang: str) -> str:
        names = self.categories.get(breakdown, {}).get(category)
        if names is None:
            return category
        return names[0] if lang == "ko" else names[1]


@dataclass(frozen=True, slots=True)
class Group:
    key: str
    label_ko: str
    label_en: str
    start: date | None = None
    end: date | None = None

    def label(self, lang: str) -> str:
        return self.label_ko if lang == "ko" else self.label_en


@dataclass(frozen=True, slots=True)
class Cell:
    indicator: str
    group: str
    category: str  # "" for the indicator's total
    value: float | None
    people: int  # the fewest residents any number of this cell rests on
    numerator: float | None = None
    denominator: float | None = None
    subjects: tuple[str, ...] = ()  # resident ids, or referral ids for referral indicators
    suppressed: bool = False
    secondary: bool = False  # suppressed only so that a "<5" beside it cannot be worked out
    suppressed_parts: int = 0  # combined reports: teams whose cell was suppressed
    combinable: bool = True
    # Combined reports: the sum lies between these (None above: no upper bound) when some
    # team's part is suppressed.
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class MeasuresReport:
    measures: MeasureSet
    start: date
    end: date
    by: GroupBy
    groups: tuple[Group, ...]
    cells: tuple[Cell, ...]
    deidentified: bool = False
    suppress_below: int = 5
    centre: str = ""  # the filter's label
    pharmacist: str = ""
    teams: tuple[str, ...] = ()  # combined reports: the files added
    _index: dict[tuple[str, str, str], Cell] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        self._index.update({(c.indicator, c.group, c.category): c for c in self.cells})

    def cell(self, indicator: str, group: str = "all", category: str = "") -> Cell | None:
        return self._index.get((indicator, group, category))

    def value(self, indicator: str, group: str = "all", category: str = "") -> float | None:
        c = self.cell(indicator, group, category)
        return None if c is None else c.value

    def text(self, cell: Cell | None) -> str:
        """A cell as the screen and the funder PDF show it: "<5" when it counts too few people,
        "x" when it is hidden so that such a cell cannot be worked out (complementary
        suppression), a range for a combined sum with suppressed parts, "–" when there is
        nothing to count, shares as percentages, counts with thousands separators."""
        if cell is None:
            return ""
        if cell.suppressed:
            return SECONDARY_MARK if cell.secondary else f"<{self.suppress_below}"
        if cell.low is not None:
            if cell.high is None:
                return f"≥{int(cell.low):,}"
            return f"{int(cell.low):,}–{int(cell.high):,}"
        if cell.value is None:
            return "–"
        unit = self.measures.get(cell.indicator).unit
        if unit is Unit.SHARE:
            return f"{cell.value * 100:.0f}%"
        if unit is Unit.RATIO:
            return f"{cell.value:.2f}"
        if float(cell.value).is_integer():
            return f"{int(cell.value):,}"
        return f"{cell.value:.1f}"

    def categories(self, indicator: str) -> list[str]:
        seen = dict.fromkeys(c.category for c in self.cells if c.indicator == indicator)
        return [k for k in seen if k]


# --- grouping ----------------------------------------------------------------------------------


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _next_month(d: date) -> date:
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def time_groups(start: date, end: date, by: GroupBy) -> list[Group]:
    """The months, quarters or years from start to end (clipped to them), empty ones too."""
    groups: list[Group] = []
    cursor = _month_start(start)
    while cursor <= end:
        if by is GroupBy.MONTH:
            nxt = _next_month(cursor)
            key = f"{cursor.year:04d}-{cursor.month:02d}"
            ko, en = f"{cursor.year}년 {cursor.month}월", f"{cursor:%b} {cursor.year}"
        elif by is GroupBy.QUARTER:
            q = (cursor.month - 1) // 3
            cursor = date(cursor.year, q * 3 + 1, 1)
            nxt = date(cursor.year + (q == 3), (q * 3 + 3) % 12 + 1, 1)
            key = f"{cursor.year:04d}-Q{q + 1}"
            ko, en = f"{cursor.year}년 {q + 1}분기", f"Q{q + 1} {cursor.year}"
        else:
            cursor = date(cursor.year, 1, 1)
            nxt = date(cursor.year + 1, 1, 1)
            key = f"{cursor.year:04d}"
            ko, en = f"{cursor.year}년", key
        groups.append(Group(key, ko, en, max(cursor, start), min(nxt - timedelta(days=1), end)))
        cursor = nxt
    return groups


def time_key(d: date, by: GroupBy) -> str:
    if by is GroupBy.MONTH:
        return f"{d.year:04d}-{d.month:02d}"
    if by is GroupBy.QUARTER:
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    return f"{d.year:04d}"


def age_band(measures: MeasureSet, birth: date | None, on: date) -> str:
    if birth is None:
        return "unknown"
    age = full_age(birth, on)
    for lo, hi, label in measures.age_bands:
        if lo <= age <= hi:
            return label
    return "unknown"


# --- social risks of a session's answers -------------------------------------------------------


def social_risks(form: ScreeningForm, screening: str) -> list[tuple[str, str, str]]:
    """(flag key, domain, severity) of the social flags a session's answers raise: the same
    flags as domain.screening.social_flags (tests/services/test_measures.py compares them on
    the demo data), worked out without building each flag, for 50,000 sessions at a time.
    Answers that no longer fit the form are skipped, as the flags panel skips them."""
    try:
        answers = json.loads(screening or "{}")
    except ValueError:
        return []
    if not isinstance(answers, dict):
        return []
    out: list[tuple[str, str, str]] = []
    for question in form.questions:
        value = answers.get(question.id)
        if value is None:
            continue
        chosen = (value,) if isinstance(value, str) else tuple(str(v) for v in value)
        hits = [o for o in (question.option(a) for a in chosen) if o is not None and o.severity]
        if not hits:
            continue
        worst = min((o.severity for o in hits if o.severity), key=lambda sev: sev.rank)
        subject = ",".join(sorted(o.id for o in hits))
        key = f"social.{form.id}.{question.id}||{subject}"
        out.append((key, question.domain, worst.value))
    for scale in form.scales:
        total = 0
        for question_id in scale.question_ids:
            item = form.question(question_id)
            value = answers.get(question_id)
            if item is None or value is None:
                continue
            first = value if isinstance(value, str) else (value[0] if value else "")
            option = item.option(str(first))
            if option is not None and option.score:
                total += option.score
        if total >= scale.at_least:
            out.append((f"social.{form.id}.{scale.id}|", scale.domain, scale.severity.value))
    return out


# --- de-identification --------------------------------------------------------------------------


def deidentify(report: MeasuresReport, threshold: int | None = None) -> MeasuresReport:
    """No ids, no names: the lists behind each number are dropped, pharmacists become "약사 A",
    a cell resting on fewer than ``threshold`` people (but more than none) is suppressed, and
    so are the cells it could be worked out from (domain/measures_suppress.py)."""
    return deidentify_together([report], threshold)[0]


def deidentify_together(
    reports: Sequence[MeasuresReport], threshold: int | None = None
) -> list[MeasuresReport]:
    """Reports published together (a grouping with its whole-period total, the screen's
    monthly chart): suppressed as one table, so a hidden month cannot be worked out from the
    year's total either."""
    from consultdesk.domain.measures_suppress import suppress_together

    if not reports:
        return []
    k = reports[0].suppress_below if threshold is None else threshold
    return [
        _renamed(replace(r, cells=cells, _index={}), k)
        for r, cells in zip(reports, suppress_together(reports, k), strict=True)
    ]


def _renamed(report: MeasuresReport, k: int) -> MeasuresReport:
    cells = list(report.cells)
    groups = list(report.groups)
    keys = {g.key: g.key for g in groups}
    if report.by in (GroupBy.PHARMACIST, GroupBy.CENTRE):
        prefix_ko, prefix_en = (
            ("약사", "Pharmacist") if report.by is GroupBy.PHARMACIST else ("복지관", "Centre")
        )
        renamed = []
        for n, g in enumerate(groups):
            letter = _letters(n)
            keys[g.key] = letter
            if report.by is GroupBy.PHARMACIST:
                renamed.append(
                    replace(
                        g,
                        key=letter,
                        label_ko=f"{prefix_ko} {letter}",
                        label_en=f"{prefix_en} {letter}",
                    )
                )
            else:
                renamed.append(replace(g, key=letter))
        groups = renamed
        cells = [replace(c, group=keys[c.group]) for c in cells]
    return replace(
        report,
        groups=tuple(groups),
        cells=tuple(cells),
        deidentified=True,
        suppress_below=k,
        pharmacist="",
        _index={},
    )


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out
