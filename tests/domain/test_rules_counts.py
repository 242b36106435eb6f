"""Polypharmacy (5+, 10+ regular medicines) and several prescribers (3+ clinics)."""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.medication import Ingredient, MedicationItem
from consultdesk.domain.rules import EvaluationContext, RiskFlag, evaluate, load_rules

RULES = load_rules(Path(__file__).resolve().parents[2] / "resources" / "rules")
# Ten ingredients with no rule between them, so only the count rules can fire.
QUIET = [
    "C08CA01",
    "C10AA05",
    "A10BA02",
    "C09CA03",
    "A02BC02",
    "M05BA04",
    "A11CC05",
    "N06DX01",
    "G04CA02",
    "C03CA01",
    "A12AA04",
]


def med(item_id: str, atc: str, regular: bool = True, prescriber: str = "") -> MedicationItem:
    return MedicationItem(item_id, atc, (Ingredient(atc),), regular=regular, prescriber=prescriber)


def flags(items: list[MedicationItem]) -> dict[str, RiskFlag]:
    return {f.rule_id: f for f in evaluate(items, EvaluationContext(RULES, age=70))}


def test_five_regular_medicines_is_polypharmacy() -> None:
    found = flags([med(str(i), atc) for i, atc in enumerate(QUIET[:5])])
    assert found["count.regular_5"].params["count"] == 5
    assert "5" in found["count.regular_5"].reason_ko
    assert "count.regular_10" not in found


def test_four_regular_medicines_and_as_needed_ones_are_not() -> None:
    items = [med(str(i), atc) for i, atc in enumerate(QUIET[:4])]
    items.append(med("prn", QUIET[4], regular=False))
    assert "count.regular_5" not in flags(items)


def test_ten_regular_medicines_raise_only_the_higher_threshold() -> None:
    found = flags([med(str(i), atc) for i, atc in enumerate(QUIET[:10])])
    assert found["count.regular_10"].severity == "high"
    assert found["count.regular_10"].params["count"] == 10
    assert "count.regular_5" not in found  # the higher threshold speaks alone


def test_medicines_from_three_clinics_raise_the_prescriber_flag() -> None:
    items = [
        med("a", QUIET[0], prescriber="서울내과"),
        med("b", QUIET[1], prescriber=" 서울내과 "),
        med("c", QUIET[2], prescriber="행복정형외과"),
        med("d", QUIET[3], prescriber="밝은안과"),
    ]
    flag = flags(items)["count.prescribers_3"]
    assert flag.params["count"] == 3
    assert flag.item_ids == ("a", "b", "c", "d")


def test_two_clinics_and_unknown_prescribers_do_not() -> None:
    items = [
        med("a", QUIET[0], prescriber="서울내과"),
        med("b", QUIET[1], prescriber="SEOUL 내과"),
        med("c", QUIET[2], prescriber="seoul  내과"),
        med("d", QUIET[3]),
    ]
    assert "count.prescribers_3" not in flags(items)
