"""Anticholinergic Cognitive Burden: per-ingredient scores summed, flagged from 3."""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.medication import Ingredient, MedicationItem
from consultdesk.domain.rules import EvaluationContext, RiskFlag, evaluate, load_rules

RULES = load_rules(Path(__file__).resolve().parents[2] / "resources" / "rules")
AMITRIPTYLINE = Ingredient("N06AA09", "아미트립틸린", "amitriptyline")  # 3
CARBAMAZEPINE = Ingredient("N03AF01", "카르바마제핀", "carbamazepine")  # 2
FUROSEMIDE = Ingredient("C03CA01", "푸로세미드", "furosemide")  # 1
WARFARIN = Ingredient("B01AA03", "와파린", "warfarin")  # 1
AMLODIPINE = Ingredient("C08CA01", "암로디핀", "amlodipine")  # not on the scale


def burden(*ingredients: Ingredient) -> RiskFlag | None:
    items = [MedicationItem(str(i), i_.name_en, (i_,)) for i, i_ in enumerate(ingredients)]
    found = [
        f for f in evaluate(items, EvaluationContext(RULES, age=80)) if f.rule_id == "acb.total_3"
    ]
    return found[0] if found else None


def test_three_possible_anticholinergics_add_up_to_a_flag() -> None:
    flag = burden(CARBAMAZEPINE, FUROSEMIDE, AMLODIPINE)
    assert flag is not None
    assert flag.params["total"] == 3
    assert flag.item_ids == ("0", "1")  # amlodipine contributed nothing
    assert "3" in flag.reason_ko


def test_one_definite_anticholinergic_alone_reaches_three() -> None:
    flag = burden(AMITRIPTYLINE)
    assert flag is not None and flag.params["total"] == 3


def test_a_total_of_two_is_not_flagged() -> None:
    assert burden(FUROSEMIDE, WARFARIN, AMLODIPINE) is None


def test_the_same_ingredient_in_two_medicines_counts_once() -> None:
    assert burden(CARBAMAZEPINE, CARBAMAZEPINE) is None


def test_an_ingredient_without_atc_code_is_scored_by_its_english_name() -> None:
    flag = burden(Ingredient("", "", "Amitriptyline Hydrochloride"))
    assert flag is not None and flag.params["total"] == 3
