"""Shared measurement: what an indicator is, and what a computed report holds.

Plain values only; services/measures.py computes them from the records, reports/ writes them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


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
    suppressed_parts: int = 0  # combined reports: teams whose cell was suppressed
    combinable: bool = True


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
        """A cell as the screen and the funder PDF show it: "<5" when suppressed, "–" when
        there is nothing to count, shares as percentages, counts with thousands separators."""
        if cell is None:
            return ""
        if cell.suppressed:
            return f"<{self.suppress_below}"
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
