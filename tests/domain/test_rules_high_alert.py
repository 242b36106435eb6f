"""High-alert medicines with an adherence or storage problem on that item."""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.medication import Adherence, Ingredient, MedicationItem
from consultdesk.domain.rules import EvaluationContext, RiskFlag, evaluate, load_rules

RULES = load_rules(Path(__file__).resolve().parents[2] / "resources" / "rules")
INSULIN_GLARGINE = Ingredient("A10AE04", "인슐린 글라진", "insulin glargine")
WARFARIN = Ingredient("B01AA03", "와파린", "warfarin")
AMLODIPINE = Ingredient("C08CA01", "암로디핀", "amlodipine")


def high_alert(item: MedicationItem) -> list[RiskFlag]:
    found = evaluate([item], EvaluationContext(RULES, age=70))
    return [f for f in found if f.rule_id.startswith("high_alert.")]


def test_insulin_kept_out_of_the_fridge_is_flagged() -> None:
    pen = MedicationItem(
        "pen", "란투스", (INSULIN_GLARGINE,), form="injection", storage_problem=True
    )
    [flag] = high_alert(pen)
    assert flag.rule_id == "high_alert.insulin"
    assert flag.params["problems"] == ("storage_problem",)
    assert "ISMP" in flag.source


def test_warfarin_with_missed_doses_is_flagged() -> None:
    item = MedicationItem("w", "와파린", (WARFARIN,), adherence=Adherence.MISSES_DOSES)
    [flag] = high_alert(item)
    assert flag.rule_id == "high_alert.anticoagulant"
    assert flag.params["problems"] == ("misses_doses",)


def test_insulin_used_as_prescribed_and_stored_well_is_not_flagged() -> None:
    assert high_alert(MedicationItem("pen", "란투스", (INSULIN_GLARGINE,), form="injection")) == []


def test_an_ordinary_medicine_with_a_storage_problem_is_not_a_high_alert() -> None:
    item = MedicationItem("a", "amlodipine", (AMLODIPINE,), storage_problem=True)
    assert high_alert(item) == []
