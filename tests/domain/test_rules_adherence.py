"""Doses missed, stopped on own, taking more than prescribed."""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.medication import Adherence, Ingredient, MedicationItem
from consultdesk.domain.rules import EvaluationContext, evaluate, load_rules

RULES = load_rules(Path(__file__).resolve().parents[2] / "resources" / "rules")
AMLODIPINE = Ingredient("C08CA01", "암로디핀", "amlodipine")


def adherence_rules(adherence: Adherence, regular: bool = True) -> list[str]:
    item = MedicationItem("a", "amlodipine", (AMLODIPINE,), regular=regular, adherence=adherence)
    found = evaluate([item], EvaluationContext(RULES, age=70))
    return [f.rule_id for f in found if f.rule_id.startswith("adherence.")]


def test_each_kind_of_non_adherence_on_a_regular_medicine_is_flagged() -> None:
    assert adherence_rules(Adherence.MISSES_DOSES) == ["adherence.misses_doses"]
    assert adherence_rules(Adherence.STOPPED_ON_OWN) == ["adherence.stopped_on_own"]
    assert adherence_rules(Adherence.TAKES_MORE) == ["adherence.takes_more"]


def test_taking_a_medicine_as_prescribed_is_not_flagged() -> None:
    assert adherence_rules(Adherence.AS_PRESCRIBED) == []


def test_skipping_an_as_needed_medicine_is_not_a_missed_dose() -> None:
    assert adherence_rules(Adherence.MISSES_DOSES, regular=False) == []


def test_taking_more_of_an_as_needed_medicine_is_still_flagged() -> None:
    assert adherence_rules(Adherence.TAKES_MORE, regular=False) == ["adherence.takes_more"]
