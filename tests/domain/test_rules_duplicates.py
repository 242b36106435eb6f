"""Same ingredient twice (ATC level 5) and two drugs of one class (ATC level 4)."""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.medication import Ingredient, MedicationItem
from consultdesk.domain.rules import EvaluationContext, RiskFlag, evaluate, load_rules

RULES = load_rules(Path(__file__).resolve().parents[2] / "resources" / "rules")
AMLODIPINE = Ingredient("C08CA01", "암로디핀", "amlodipine")
NIFEDIPINE = Ingredient("C08CA05", "니페디핀", "nifedipine")
VALSARTAN = Ingredient("C09CA03", "발사르탄", "valsartan")
LOSARTAN = Ingredient("C09CA01", "로사르탄", "losartan")


def med(item_id: str, *ingredients: Ingredient, form: str = "oral") -> MedicationItem:
    return MedicationItem(item_id, item_id, ingredients, form=form)


def by_rule(items: list[MedicationItem], rule_id: str) -> list[RiskFlag]:
    found = evaluate(items, EvaluationContext(RULES, age=50))
    return [f for f in found if f.rule_id == rule_id]


def test_amlodipine_alone_and_inside_a_combination_pill_is_a_duplicate() -> None:
    items = [med("norvasc", AMLODIPINE), med("exforge", AMLODIPINE, VALSARTAN)]
    [flag] = by_rule(items, "duplicate.same_ingredient")
    assert flag.item_ids == ("exforge", "norvasc")
    assert flag.params["atc"] == "C08CA01"
    assert flag.severity == "high"


def test_the_same_ingredient_as_eye_drops_and_tablets_is_not_a_duplicate() -> None:
    timolol = Ingredient("S01ED01", "티몰롤", "timolol")
    items = [med("tablet", timolol), med("drops", timolol, form="eye")]
    assert by_rule(items, "duplicate.same_ingredient") == []


def test_two_calcium_channel_blockers_are_a_class_duplicate() -> None:
    [flag] = by_rule([med("a", AMLODIPINE), med("b", NIFEDIPINE)], "duplicate.same_class")
    assert flag.params["atc"] == "C08CA"
    assert flag.params["ingredients"] == ("amlodipine", "nifedipine")


def test_one_combination_product_is_not_a_class_duplicate_of_itself() -> None:
    items = [med("combo", AMLODIPINE, NIFEDIPINE), med("other", VALSARTAN)]
    assert by_rule(items, "duplicate.same_class") == []


def test_the_same_ingredient_twice_is_not_also_reported_as_a_class_duplicate() -> None:
    assert by_rule([med("a", AMLODIPINE), med("b", AMLODIPINE)], "duplicate.same_class") == []


def test_two_sartans_in_two_combination_products_are_a_class_duplicate() -> None:
    items = [med("x", AMLODIPINE, VALSARTAN), med("y", LOSARTAN)]
    [flag] = by_rule(items, "duplicate.same_class")
    assert flag.params["atc"] == "C09CA"


def test_aspirin_with_clopidogrel_is_not_called_a_duplicate() -> None:
    aspirin = Ingredient("B01AC06", "아스피린", "acetylsalicylic acid")
    clopidogrel = Ingredient("B01AC04", "클로피도그렐", "clopidogrel")
    assert by_rule([med("a", aspirin), med("c", clopidogrel)], "duplicate.same_class") == []
