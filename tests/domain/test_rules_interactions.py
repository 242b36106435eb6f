"""Contraindicated or dangerous combinations, matched by ATC code or class prefix."""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.medication import Ingredient, MedicationItem
from consultdesk.domain.rules import EvaluationContext, RiskFlag, evaluate, load_rules

RULES = load_rules(Path(__file__).resolve().parents[2] / "resources" / "rules")
NITROGLYCERIN = Ingredient("C01DA02", "니트로글리세린", "glyceryl trinitrate")
SILDENAFIL = Ingredient("G04BE03", "실데나필", "sildenafil")
WARFARIN = Ingredient("B01AA03", "와파린", "warfarin")
IBUPROFEN = Ingredient("M01AE01", "이부프로펜", "ibuprofen")
CLARITHROMYCIN = Ingredient("J01FA09", "클래리트로마이신", "clarithromycin")
SIMVASTATIN = Ingredient("C10AA01", "심바스타틴", "simvastatin")
AMLODIPINE = Ingredient("C08CA01", "암로디핀", "amlodipine")


def med(item_id: str, *ingredients: Ingredient, form: str = "oral") -> MedicationItem:
    return MedicationItem(item_id, item_id, ingredients, form=form)


def interactions(*items: MedicationItem) -> list[RiskFlag]:
    found = evaluate(list(items), EvaluationContext(RULES, age=70))
    return [f for f in found if f.rule_id.startswith("ddi.")]


def test_nitrate_with_sildenafil_is_a_high_severity_contraindication() -> None:
    [flag] = interactions(med("ntg", NITROGLYCERIN), med("viagra", SILDENAFIL))
    assert flag.rule_id == "ddi.nitrate_pde5"
    assert flag.severity == "high"
    assert flag.item_ids == ("ntg", "viagra")
    assert flag.params["ingredients"] == ("glyceryl trinitrate", "sildenafil")
    assert flag.reason_ko and flag.reason_en and flag.source


def test_warfarin_with_an_nsaid_matches_by_class_prefix() -> None:
    [flag] = interactions(med("w", WARFARIN), med("pain", IBUPROFEN))
    assert flag.rule_id == "ddi.warfarin_nsaid"


def test_clarithromycin_with_simvastatin_is_flagged_whichever_comes_first() -> None:
    first = interactions(med("a", CLARITHROMYCIN), med("b", SIMVASTATIN))
    second = interactions(med("b", SIMVASTATIN), med("a", CLARITHROMYCIN))
    assert [f.key for f in first] == [f.key for f in second]
    assert "ddi.simvastatin_strong_cyp3a4" in {f.rule_id for f in first}


def test_a_topical_nsaid_gel_with_warfarin_is_not_flagged() -> None:
    assert interactions(med("w", WARFARIN), med("gel", IBUPROFEN, form="topical")) == []


def test_unrelated_medicines_raise_no_interaction() -> None:
    assert interactions(med("a", AMLODIPINE), med("s", SIMVASTATIN)) == []


def test_each_pair_of_medicines_gets_its_own_flag() -> None:
    naproxen = Ingredient("M01AE02", "나프록센", "naproxen")
    found = interactions(med("w", WARFARIN), med("i", IBUPROFEN), med("n", naproxen))
    keys = sorted(f.key for f in found if f.rule_id == "ddi.warfarin_nsaid")
    assert keys == ["ddi.warfarin_nsaid|i,w", "ddi.warfarin_nsaid|n,w"]
