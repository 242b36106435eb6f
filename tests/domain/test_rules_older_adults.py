"""Ingredients to avoid or use with care in older adults (from 65, some from 75)."""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.medication import Ingredient, MedicationItem
from consultdesk.domain.rules import EvaluationContext, evaluate, load_rules

RULES = load_rules(Path(__file__).resolve().parents[2] / "resources" / "rules")
DIAZEPAM = Ingredient("N05BA01", "디아제팜", "diazepam")
ALPRAZOLAM = Ingredient("N05BA12", "알프라졸람", "alprazolam")
CHLORPHENAMINE = Ingredient("R06AB04", "클로르페니라민", "chlorphenamine")
GLIMEPIRIDE = Ingredient("A10BB12", "글리메피리드", "glimepiride")
PRASUGREL = Ingredient("B01AC22", "프라수그렐", "prasugrel")


def older_flags(age: int | None, *items: MedicationItem) -> dict[str, tuple[str, ...]]:
    found = evaluate(list(items), EvaluationContext(RULES, age=age))
    return {f.rule_id: f.item_ids for f in found if f.rule_id.startswith("older.")}


def med(item_id: str, ingredient: Ingredient, form: str = "oral") -> MedicationItem:
    return MedicationItem(item_id, item_id, (ingredient,), form=form)


def test_a_long_acting_benzodiazepine_is_flagged_at_65_with_its_source() -> None:
    found = evaluate([med("d", DIAZEPAM)], EvaluationContext(RULES, age=65))
    [flag] = [f for f in found if f.rule_id == "older.benzodiazepine_long_acting"]
    assert flag.severity == "high"
    assert "Beers" in flag.source and "STOPP" in flag.source
    assert flag.item_ids == ("d",)


def test_the_same_medicine_is_not_flagged_at_64_and_without_an_age_only_says_so() -> None:
    assert older_flags(64, med("d", DIAZEPAM)) == {}
    # No birth date: no guessed age-based flag, but a notice that the checks could not run,
    # on the medicines they would have looked at.
    assert older_flags(None, med("d", DIAZEPAM), med("x", Ingredient("C08CA01"))) == {
        "older.age_unknown": ("d",)
    }


def test_without_an_age_and_no_medicine_on_an_older_adult_list_there_is_no_notice() -> None:
    assert older_flags(None, med("x", Ingredient("C08CA01", "암로디핀", "amlodipine"))) == {}


def test_a_long_acting_benzodiazepine_is_not_also_flagged_as_any_benzodiazepine() -> None:
    found = older_flags(80, med("d", DIAZEPAM), med("a", ALPRAZOLAM))
    assert found["older.benzodiazepine_long_acting"] == ("d",)
    assert found["older.benzodiazepine"] == ("a",)


def test_cold_medicine_antihistamine_and_glimepiride_are_flagged() -> None:
    found = older_flags(72, med("cold", CHLORPHENAMINE), med("dm", GLIMEPIRIDE))
    assert found["older.antihistamine_first_generation"] == ("cold",)
    assert found["older.sulfonylurea_long_acting"] == ("dm",)
    assert "older.sulfonylurea" not in found


def test_a_rule_from_75_waits_until_75() -> None:
    assert "older.prasugrel_75" not in older_flags(74, med("p", PRASUGREL))
    assert "older.prasugrel_75" in older_flags(75, med("p", PRASUGREL))


def test_a_cream_is_not_checked_against_older_adult_rules() -> None:
    diphenhydramine = Ingredient("R06AA02", "디펜히드라민", "diphenhydramine")
    assert older_flags(80, med("cream", diphenhydramine, form="topical")) == {}
