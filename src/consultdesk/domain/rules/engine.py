"""Evaluate the medication inventory of one consultation against a rule set.

Pure and deterministic: the same items in any order give the same flags in the same order,
and adding a medicine can only add flags or widen them (every family is monotone).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from consultdesk.domain.medication import Adherence, Ingredient, MedicationItem
from consultdesk.domain.rules.flag import KIND_MEDICATION, RiskFlag, Severity, sort_flags
from consultdesk.domain.rules.model import (
    AllOfRule,
    AnticholinergicScore,
    ClassCountRule,
    GroupRule,
    HighAlertRule,
    IngredientRule,
    PairRule,
    RuleInfo,
    RuleSet,
)


@dataclass(frozen=True, slots=True)
class EvaluationContext:
    """What the rules need besides the medicines. Age is 만 나이; None when unknown."""

    rules: RuleSet
    age: int | None = None


def evaluate(items: Sequence[MedicationItem], context: EvaluationContext) -> list[RiskFlag]:
    """All medication flags for these items, most severe first."""
    rules = context.rules
    systemic = [item for item in items if item.acts_systemically]
    flags: list[RiskFlag] = []
    flags += _count_flags(items, rules)
    flags += _duplicate_flags(systemic, rules)
    flags += _older_adult_flags(systemic, rules, context.age)
    flags += _interaction_flags(systemic, rules)
    flags += _group_flags(systemic, rules)
    flags += _all_of_flags(systemic, rules)
    flags += _class_count_flags(systemic, rules)
    flags += _burden_flags(systemic, rules)
    flags += _high_alert_flags(items, rules)
    flags += _adherence_flags(items, rules)
    return sort_flags(flags)


def _flag(
    info: RuleInfo,
    item_ids: Iterable[str],
    params: Mapping[str, object] | None = None,
    subject: str = "",
    severity: Severity | None = None,
    shown: Iterable[Ingredient] = (),
) -> RiskFlag:
    values = dict(params or {})
    # A reason reads "{ingredients}" as a list in its own language; other lists are joined too.
    text = {k: ", ".join(map(str, v)) if isinstance(v, tuple) else v for k, v in values.items()}
    named = list(shown)
    text_ko = dict(text)
    if named:
        text_ko["ingredients"] = ", ".join(sorted({i.name_ko or i.name_en for i in named}))
    return RiskFlag(
        kind=KIND_MEDICATION,
        rule_id=info.id,
        severity=severity or info.severity,
        item_ids=tuple(sorted(set(item_ids))),
        reason_ko=_fill(info.reason_ko, text_ko),
        reason_en=_fill(info.reason_en, text),
        source=info.source,
        params=values,
        subject=subject,
    )


class _KeepUnknown(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, params: Mapping[str, object]) -> str:
    # Reasons may say "{count}"; a placeholder the rule does not provide stays as written
    # rather than breaking the whole evaluation.
    try:
        return template.format_map(_KeepUnknown(params))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        # Imported DUR text may contain braces of its own; show it untouched.
        return template


def _names(ingredients: Iterable[Ingredient]) -> tuple[str, ...]:
    return tuple(sorted({i.name_en or i.name_ko or i.atc for i in ingredients}))


def _count_flags(items: Sequence[MedicationItem], rules: RuleSet) -> list[RiskFlag]:
    regular = [item.id for item in items if item.regular]
    by_prescriber: dict[str, list[MedicationItem]] = {}
    for item in items:
        name = " ".join(item.prescriber.split()).casefold()
        if name:
            by_prescriber.setdefault(name, []).append(item)
    prescriber_items = [item.id for group in by_prescriber.values() for item in group]
    # The shown spelling must not depend on which row came first.
    shown = tuple(sorted(min(i.prescriber.strip() for i in g) for g in by_prescriber.values()))
    flags = []
    # Only the highest threshold met speaks for a measure: 10 regular medicines is one flag
    # ("10 or more"), not that one and "5 or more" beside it.
    highest: dict[str, int] = {}
    for rule in rules.counts:
        met = len(regular) if rule.measure == "regular_medicines" else len(by_prescriber)
        if met >= rule.at_least:
            highest[rule.measure] = max(highest.get(rule.measure, 0), rule.at_least)
    for rule in rules.counts:
        if highest.get(rule.measure) != rule.at_least:
            continue
        if rule.measure == "regular_medicines" and len(regular) >= rule.at_least:
            counted: dict[str, object] = {"count": len(regular), "threshold": rule.at_least}
            flags.append(_flag(rule.info, regular, counted))
        elif rule.measure == "prescribers" and len(by_prescriber) >= rule.at_least:
            params = {"count": len(by_prescriber), "threshold": rule.at_least, "prescribers": shown}
            flags.append(_flag(rule.info, prescriber_items, params))
    return flags


def _duplicate_flags(items: Sequence[MedicationItem], rules: RuleSet) -> list[RiskFlag]:
    # substance -> items holding it, substance -> one ingredient to name it by, and substance ->
    # its ATC level-4 class. A substance is its ATC code (synonym codes such as analgesic and
    # antiplatelet aspirin made one), or its name when WHO has not coded it.
    holders: dict[str, set[str]] = {}
    named: dict[str, Ingredient] = {}
    classes: dict[str, str] = {}
    for item in items:
        for ingredient in item.ingredients:
            code = ingredient.atc.strip().upper()
            atc_class = rules.class_of(ingredient)
            if len(code) != 7 and not atc_class:
                continue
            identity = rules.identity(ingredient)
            holders.setdefault(identity, set()).add(item.id)
            if atc_class:
                classes[identity] = atc_class
            best = named.get(identity)
            # The shown name must not depend on the order of the list (two codes of one
            # substance, or the same code spelled two ways).
            if best is None or (ingredient.name_en, ingredient.name_ko, ingredient.atc) < (
                best.name_en,
                best.name_ko,
                best.atc,
            ):
                named[identity] = ingredient
    flags = []
    for rule in rules.duplicates:
        if rule.level == "ingredient":
            for code, ids in holders.items():
                coded = not code.startswith("name:")
                if coded and len(ids) >= 2 and not code.startswith(rule.exclude):
                    params = {"atc": code, "ingredients": _names([named[code]])}
                    flags.append(_flag(rule.info, ids, params, subject=code))
        else:
            flags += _class_duplicates(
                rule.info, rule.exclude, rule.skip_other_groups, holders, named, classes
            )
    return flags


def _class_duplicates(
    info: RuleInfo,
    exclude: tuple[str, ...],
    skip_other_groups: bool,
    holders: Mapping[str, set[str]],
    named: Mapping[str, Ingredient],
    classes: Mapping[str, str],
) -> list[RiskFlag]:
    by_class: dict[str, list[str]] = {}
    for identity, atc4 in classes.items():
        by_class.setdefault(atc4, []).append(identity)
    flags = []
    for atc4, members in sorted(by_class.items()):
        if atc4.startswith(exclude) or (skip_other_groups and atc4.endswith("X")):
            continue
        members.sort()
        # Two different ingredients of one class count only when they sit in two different
        # medicines: a combination product of two class members was designed that way.
        if any(len(holders[a] | holders[b]) >= 2 for a, b in combinations(members, 2)):
            ids = set().union(*(holders[c] for c in members))
            params = {"atc": atc4, "ingredients": _names(named[c] for c in members)}
            flags.append(_flag(info, ids, params, subject=atc4))
    return flags


class _Found:
    """rule -> item id -> the item's ingredients that the rule matched, in the order found.

    Keyed by the rule object's identity: hashing a frozen rule dataclass on every hit was the
    slowest step of an evaluation with 20,000 imported DUR rules loaded.
    """

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[object, dict[str, list[Ingredient]]]] = {}

    def add(self, rule: object, item_id: str, ingredient: Ingredient) -> None:
        entry = self._by_id.get(id(rule))
        if entry is None:
            entry = self._by_id[id(rule)] = (rule, {})
        entry[1].setdefault(item_id, []).append(ingredient)

    def items(self) -> list[tuple[object, dict[str, list[Ingredient]]]]:
        return list(self._by_id.values())

    def values(self) -> list[dict[str, list[Ingredient]]]:
        return [per_item for _, per_item in self._by_id.values()]

    def get(self, rule: object) -> dict[str, list[Ingredient]]:
        entry = self._by_id.get(id(rule))
        return entry[1] if entry is not None else {}


def _matching(items: Sequence[MedicationItem], rules: RuleSet, index: str) -> _Found:
    found = _Found()
    for item in items:
        for ingredient in item.ingredients:
            for rule in rules.lookup(index, ingredient):
                found.add(rule, item.id, ingredient)
    return found


def _older_adult_flags(
    items: Sequence[MedicationItem], rules: RuleSet, age: int | None
) -> list[RiskFlag]:
    matched = _matching(items, rules, "older")
    if age is None:
        # Without a birth date no age-based flag is guessed, but the pharmacist is told that the
        # checks could not run for the medicines they would have looked at.
        ids = {item_id for per_item in matched.values() for item_id in per_item}
        if not ids:
            return []
        found = [i for per_item in matched.values() for ings in per_item.values() for i in ings]
        params = {"ingredients": _names(found), "count": len(ids)}
        return [_flag(info, ids, params, shown=found) for info in rules.age_unknown]
    flags = []
    for rule, per_item in matched.items():
        assert isinstance(rule, IngredientRule)
        if age < rule.min_age:
            continue
        for item_id, ingredients in per_item.items():
            params = {"ingredients": _names(ingredients), "age": age}
            flags.append(_flag(rule.info, [item_id], params))
    return flags


def _interaction_flags(items: Sequence[MedicationItem], rules: RuleSet) -> list[RiskFlag]:
    firsts = _matching(items, rules, "first")
    seconds = _matching(items, rules, "second")
    flags = []
    for rule, first_items in firsts.items():
        assert isinstance(rule, PairRule)
        second_items = seconds.get(rule)
        pairs: dict[tuple[str, str], set[Ingredient]] = {}
        for a, a_ings in first_items.items():
            for b, b_ings in second_items.items():
                if a == b:
                    continue  # a fixed combination product was made to be taken together
                pair = (min(a, b), max(a, b))
                pairs.setdefault(pair, set()).update(a_ings, b_ings)
        for pair, ingredients in pairs.items():
            flags.append(_flag(rule.info, pair, {"ingredients": _names(ingredients)}))
    return flags


def _group_flags(items: Sequence[MedicationItem], rules: RuleSet) -> list[RiskFlag]:
    flags = []
    regular = {item.id for item in items if item.regular}
    for rule, matched in _matching(items, rules, "groups").items():
        assert isinstance(rule, GroupRule)
        per_item = {k: v for k, v in matched.items() if k in regular or not rule.regular_only}
        holders: dict[str, set[str]] = {}
        for item_id, ingredients in per_item.items():
            for ingredient in ingredients:
                holders.setdefault(rules.identity(ingredient), set()).add(item_id)
        if any(len(holders[a] | holders[b]) >= 2 for a, b in combinations(holders, 2)):
            found = [i for ings in per_item.values() for i in ings]
            flags.append(_flag(rule.info, per_item, {"ingredients": _names(found)}, shown=found))
    return flags


def _all_of_flags(items: Sequence[MedicationItem], rules: RuleSet) -> list[RiskFlag]:
    # rule -> part number -> item id -> ingredients matched
    found: dict[AllOfRule, dict[int, dict[str, list[Ingredient]]]] = {}
    for item in items:
        for ingredient in item.ingredients:
            for hit in rules.lookup("parts", ingredient):
                assert isinstance(hit, tuple)
                rule, part = hit
                holders = found.setdefault(rule, {}).setdefault(part, {})
                holders.setdefault(item.id, []).append(ingredient)
    flags = []
    for all_of, parts in found.items():
        if len(parts) < len(all_of.parts):
            continue
        ids = {item_id for holders in parts.values() for item_id in holders}
        if len(ids) < 2:
            continue  # one combination product on its own was designed that way
        shown = [i for holders in parts.values() for ings in holders.values() for i in ings]
        flags.append(_flag(all_of.info, ids, {"ingredients": _names(shown)}, shown=shown))
    return flags


def _class_count_flags(items: Sequence[MedicationItem], rules: RuleSet) -> list[RiskFlag]:
    flags = []
    for rule, per_item in _matching(items, rules, "counts").items():
        assert isinstance(rule, ClassCountRule)
        if len(per_item) >= rule.at_least:
            found = [i for ings in per_item.values() for i in ings]
            params = {
                "ingredients": _names(found),
                "count": len(per_item),
                "threshold": rule.at_least,
            }
            flags.append(_flag(rule.info, per_item, params, shown=found))
    return flags


def _burden_flags(items: Sequence[MedicationItem], rules: RuleSet) -> list[RiskFlag]:
    if not rules.burden:
        return []
    # Each ingredient counts once even if it is in two medicines (the duplicate flag covers
    # that); if two score entries match, the higher one wins.
    scores: dict[str, int] = {}
    shown: dict[str, str] = {}
    contributors: set[str] = set()
    for item in items:
        for ingredient in item.ingredients:
            found = rules.lookup("scores", ingredient)
            entries = [e for e in found if isinstance(e, AnticholinergicScore)]
            if not entries:
                continue
            identity = rules.identity(ingredient)
            best = max(entries, key=lambda e: (e.score, e.atc))
            if best.score > scores.get(identity, 0):
                scores[identity] = best.score
                shown[identity] = best.name_en
            contributors.add(item.id)
    total = sum(scores.values())
    detail = tuple(sorted(f"{shown[k]} {v}" for k, v in scores.items()))
    return [
        _flag(
            rule.info,
            contributors,
            {"total": total, "threshold": rule.at_least, "scores": detail},
            severity=rule.severity_for(total),
        )
        for rule in rules.burden
        if total >= rule.at_least
    ]


# Not taking an as-needed (필요시) medicine is how it is meant to be used; taking more of it, or
# storing it badly, is still a problem.
_REGULAR_ONLY = frozenset({Adherence.MISSES_DOSES, Adherence.STOPPED_ON_OWN})


def _adherence_problem(item: MedicationItem) -> bool:
    if item.adherence is Adherence.AS_PRESCRIBED:
        return False
    return item.regular or item.adherence not in _REGULAR_ONLY


def _high_alert_flags(items: Sequence[MedicationItem], rules: RuleSet) -> list[RiskFlag]:
    troubled = [item for item in items if _adherence_problem(item) or item.storage_problem]
    flags = []
    for rule, per_item in _matching(troubled, rules, "high").items():
        assert isinstance(rule, HighAlertRule)
        by_id = {item.id: item for item in troubled}
        for item_id, ingredients in per_item.items():
            item = by_id[item_id]
            problems = []
            if _adherence_problem(item):
                problems.append(item.adherence.value)
            if item.storage_problem:
                problems.append("storage_problem")
            params = {"ingredients": _names(ingredients), "problems": tuple(problems)}
            flags.append(_flag(rule.info, [item_id], params))
    return flags


def _adherence_flags(items: Sequence[MedicationItem], rules: RuleSet) -> list[RiskFlag]:
    return [
        _flag(rule.info, [item.id], {"adherence": item.adherence.value})
        for rule in rules.adherence
        for item in items
        if item.adherence is rule.adherence and (item.regular or not rule.regular_only)
    ]
