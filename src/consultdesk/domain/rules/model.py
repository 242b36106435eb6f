"""The rule families the engine understands, as plain immutable values.

Rule files (resources/rules/*.json) and imported DUR files both end up as these objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

from consultdesk.domain.medication import Adherence, Ingredient
from consultdesk.domain.rules.flag import Severity
from consultdesk.domain.rules.matching import (
    Match,
    ingredient_identity,
    ingredient_keys,
    name_key,
)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What every rule carries, whatever its family: the words shown and where they come from."""

    id: str
    severity: Severity
    reason_ko: str
    reason_en: str
    source: str
    verified: bool = True  # False: a fact in it could not be checked against a published source
    note: str = ""  # what was or was not checked, for the reviewer


@dataclass(frozen=True, slots=True)
class CountRule:
    """Fires when a count reaches a threshold (regular medicines, different prescribers)."""

    info: RuleInfo
    measure: Literal["regular_medicines", "prescribers"]
    at_least: int


@dataclass(frozen=True, slots=True)
class DuplicateRule:
    """Same ingredient (ATC level 5) or same class (ATC level 4) in two different medicines."""

    info: RuleInfo
    level: Literal["ingredient", "class"]
    exclude: tuple[str, ...] = ()
    skip_other_groups: bool = False


@dataclass(frozen=True, slots=True)
class IngredientRule:
    """One ingredient or class to avoid or use with care from a given age on."""

    info: RuleInfo
    match: Match
    min_age: int = 65


@dataclass(frozen=True, slots=True)
class PairRule:
    """Two ingredients (or classes) that should not be taken together."""

    info: RuleInfo
    first: Match
    second: Match


@dataclass(frozen=True, slots=True)
class GroupRule:
    """Two different ingredients of one efficacy group (Korean DUR 효능군중복, class duplicates).
    With `regular_only`, an as-needed (필요시) medicine does not count (an as-needed rescue
    opioid beside a regular one is deliberate)."""

    info: RuleInfo
    match: Match
    regular_only: bool = False


@dataclass(frozen=True, slots=True)
class AllOfRule:
    """Every part matched, by at least two medicines (e.g. anticoagulant + aspirin + P2Y12; an
    aspirin/clopidogrel combination with warfarin counts, the combination alone does not)."""

    info: RuleInfo
    parts: tuple[Match, ...]


@dataclass(frozen=True, slots=True)
class ClassCountRule:
    """Fires when at least `at_least` different medicines each hold a matching ingredient."""

    info: RuleInfo
    match: Match
    at_least: int


@dataclass(frozen=True, slots=True)
class IngredientClass:
    """The ATC class of an ingredient WHO has not coded (resources/catalog/classes.csv)."""

    name_en: str
    name_ko: str
    atc_class: str  # an ATC prefix at level 4 or 5 (M01AE)
    source: str = ""
    verified: bool = True


@dataclass(frozen=True, slots=True)
class AnticholinergicScore:
    """Anticholinergic Cognitive Burden score of one ingredient (1 possible, 2–3 definite)."""

    atc: str
    name_en: str
    name_ko: str
    score: int


@dataclass(frozen=True, slots=True)
class BurdenRule:
    """Fires when the summed anticholinergic score reaches a threshold."""

    info: RuleInfo
    at_least: int
    grades: tuple[tuple[int, Severity], ...] = ()  # (total at least, severity), higher totals

    def severity_for(self, total: int) -> Severity:
        severity = self.info.severity
        for at_least, graded in sorted(self.grades):
            if total >= at_least:
                severity = graded
        return severity


@dataclass(frozen=True, slots=True)
class HighAlertRule:
    """A high-alert medicine, flagged when it is not taken as prescribed or not stored well."""

    info: RuleInfo
    match: Match


@dataclass(frozen=True, slots=True)
class AdherenceRule:
    """A way of not taking a medicine as prescribed."""

    info: RuleInfo
    adherence: Adherence
    regular_only: bool = True


T = TypeVar("T")


class MatchIndex(Generic[T]):
    """Finds the rules whose match covers an ingredient without scanning every rule.

    Keys are ATC prefixes of every level and normalised names, so one ingredient costs a
    handful of dictionary look-ups even with thousands of imported DUR rows.
    """

    def __init__(self) -> None:
        self._by_key: dict[str, list[tuple[Match, T]]] = {}

    def add(self, match: Match, value: T) -> None:
        for key in match.index_keys():
            self._by_key.setdefault(key, []).append((match, value))

    def lookup(self, ingredient: Ingredient, class_codes: tuple[str, ...] = ()) -> list[T]:
        found: list[T] = []
        seen: set[int] = set()
        for key in ingredient_keys(ingredient, class_codes):
            for match, value in self._by_key.get(key, ()):
                if id(value) in seen or match.excludes(ingredient, class_codes):
                    continue
                seen.add(id(value))
                found.append(value)
        return found


LOOKUP_CACHE_SIZE = 20_000


@dataclass(frozen=True)
class RuleSet:
    """Everything the engine checks; bundled rules and imported DUR rules merge into one."""

    counts: tuple[CountRule, ...] = ()
    duplicates: tuple[DuplicateRule, ...] = ()
    older_adults: tuple[IngredientRule, ...] = ()
    interactions: tuple[PairRule, ...] = ()
    groups: tuple[GroupRule, ...] = ()
    burden: tuple[BurdenRule, ...] = ()
    anticholinergic_scores: tuple[AnticholinergicScore, ...] = ()
    high_alert: tuple[HighAlertRule, ...] = ()
    adherence: tuple[AdherenceRule, ...] = ()
    all_of: tuple[AllOfRule, ...] = ()
    class_counts: tuple[ClassCountRule, ...] = ()
    # Shown when there is no age, so the pharmacist knows the older-adult checks did not run.
    age_unknown: tuple[RuleInfo, ...] = ()
    # ATC codes that name one substance (aspirin B01AC06 and N02BA01): the first is canonical.
    same_substance: tuple[tuple[str, ...], ...] = ()
    classes: tuple[IngredientClass, ...] = ()
    versions: tuple[tuple[str, str], ...] = ()  # (family or file label, version)
    _indexes: dict[str, MatchIndex[object]] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )
    _canonical: dict[str, str] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )
    # (index, ingredient) -> the rules it matches. The rule set never changes once built, and the
    # editor re-checks nearly the same medicines every few hundred milliseconds, so each
    # ingredient is looked up once; with 20,000 imported DUR rules the look-ups were most of
    # the cost of a recompute.
    _lookups: dict[tuple[str, Ingredient], tuple[object, ...]] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )
    _class_of: dict[str, tuple[str, ...]] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        older: MatchIndex[object] = MatchIndex()
        for rule in self.older_adults:
            older.add(rule.match, rule)
        first: MatchIndex[object] = MatchIndex()
        second: MatchIndex[object] = MatchIndex()
        for pair in self.interactions:
            first.add(pair.first, pair)
            second.add(pair.second, pair)
        groups: MatchIndex[object] = MatchIndex()
        for group in self.groups:
            groups.add(group.match, group)
        high: MatchIndex[object] = MatchIndex()
        for high_rule in self.high_alert:
            high.add(high_rule.match, high_rule)
        scores: MatchIndex[object] = MatchIndex()
        for score in self.anticholinergic_scores:
            names = tuple(n for n in (score.name_en, score.name_ko) if n)
            scores.add(_score_match(score.atc, names), score)
        counted: MatchIndex[object] = MatchIndex()
        for count in self.class_counts:
            counted.add(count.match, count)
        parts: MatchIndex[object] = MatchIndex()
        for all_of in self.all_of:
            for n, part in enumerate(all_of.parts):
                parts.add(part, (all_of, n))
        self._indexes.update(
            older=older,
            first=first,
            second=second,
            groups=groups,
            high=high,
            scores=scores,
            counts=counted,
            parts=parts,
        )
        for codes in self.same_substance:
            for code in codes:
                self._canonical.setdefault(code, codes[0])
        for entry in self.classes:
            for name in (entry.name_en, entry.name_ko):
                key = name_key(name) if name else ""
                if key:
                    known = self._class_of.get(key, ())
                    if entry.atc_class not in known:
                        self._class_of[key] = (*known, entry.atc_class)

    def index(self, name: str) -> MatchIndex[object]:
        return self._indexes[name]

    def class_codes(self, ingredient: Ingredient) -> tuple[str, ...]:
        """The ATC classes of an ingredient without an ATC code of its own; () otherwise."""
        if ingredient.atc.strip() or not self._class_of:
            return ()
        for name in (ingredient.name_en, ingredient.name_ko):
            key = name_key(name) if name else ""
            if key in self._class_of:
                return self._class_of[key]
        return ()

    def lookup(self, index: str, ingredient: Ingredient) -> tuple[object, ...]:
        key = (index, ingredient)
        found = self._lookups.get(key)
        if found is None:
            if len(self._lookups) > LOOKUP_CACHE_SIZE:
                self._lookups.clear()  # a long day of many residents: start again, bounded
            found = tuple(self._indexes[index].lookup(ingredient, self.class_codes(ingredient)))
            self._lookups[key] = found
        return found

    def canonical(self, code: str) -> str:
        """One code per substance: N02BA01 (analgesic aspirin) → B01AC06."""
        return self._canonical.get(code, code)

    def identity(self, ingredient: Ingredient) -> str:
        """What makes two ingredients the same substance, across synonym ATC codes."""
        atc = ingredient.atc.strip().upper()
        if atc:
            return self.canonical(atc)
        return ingredient_identity(ingredient)

    def class_of(self, ingredient: Ingredient) -> str:
        """The ATC level-4 class (5 characters) an ingredient belongs to, or ""."""
        atc = ingredient.atc.strip().upper()
        if len(atc) == 7:
            return self.canonical(atc)[:5]
        codes = self.class_codes(ingredient)
        return codes[0][:5] if codes and len(codes[0]) >= 5 else ""

    def all_infos(self) -> Iterable[RuleInfo]:
        families: tuple[tuple[object, ...], ...] = (
            self.counts,
            self.duplicates,
            self.older_adults,
            self.interactions,
            self.groups,
            self.burden,
            self.high_alert,
            self.adherence,
            self.all_of,
            self.class_counts,
        )
        for family in families:
            for rule in family:
                yield rule.info  # type: ignore[attr-defined]
        yield from self.age_unknown

    def merged(self, other: RuleSet) -> RuleSet:
        """Both rule sets in one; rule ids must stay unique (checked by the loader)."""
        return RuleSet(
            counts=self.counts + other.counts,
            duplicates=self.duplicates + other.duplicates,
            older_adults=self.older_adults + other.older_adults,
            interactions=self.interactions + other.interactions,
            groups=self.groups + other.groups,
            burden=self.burden + other.burden,
            anticholinergic_scores=self.anticholinergic_scores + other.anticholinergic_scores,
            high_alert=self.high_alert + other.high_alert,
            adherence=self.adherence + other.adherence,
            all_of=self.all_of + other.all_of,
            class_counts=self.class_counts + other.class_counts,
            age_unknown=self.age_unknown + other.age_unknown,
            same_substance=self.same_substance + other.same_substance,
            classes=self.classes + other.classes,
            versions=self.versions + other.versions,
        )


def _score_match(atc: str, names: tuple[str, ...]) -> Match:
    return Match(atc=(atc,) if atc else (), names=tuple(name_key(n) for n in names if n))
