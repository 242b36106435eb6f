"""The catalog tables the rules depend on: combination codes taken apart, classes of ingredients
WHO has not coded, and the rule fields that say what could not be verified."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.domain.catalog import (
    CatalogError,
    load_catalog,
    load_classes,
    load_combinations,
)
from consultdesk.domain.medication import Ingredient, MedicationItem
from consultdesk.domain.rules import EvaluationContext, RuleFileError, evaluate, load_rules
from consultdesk.domain.rules.loader import parse_rule_document

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "resources" / "catalog"
CLASSES = load_classes(CATALOG / "classes.csv")
COMBINATIONS = load_combinations(CATALOG / "combinations.csv")


def test_every_component_code_is_a_catalog_ingredient_with_the_same_name() -> None:
    by_atc = {i.atc: i for i in load_catalog(CATALOG / "ingredients.csv").ingredients if i.atc}
    for code in COMBINATIONS.codes():
        parts = COMBINATIONS.parts(code)
        assert len(parts) >= 1, code
        for part in parts:
            if part.atc:
                assert part.atc in by_atc, (code, part.atc)
                assert by_atc[part.atc].name_en == part.name_en, (code, part.atc)


def test_a_combination_code_becomes_its_ingredients_once() -> None:
    ultracet = Ingredient("N02AJ13", "울트라셋", "tramadol and paracetamol")
    tylenol = Ingredient("N02BE01", "아세트아미노펜", "paracetamol")
    expanded = COMBINATIONS.expand((ultracet, tylenol))
    assert [i.atc for i in expanded] == ["N02AX02", "N02BE01"]
    assert COMBINATIONS.expand((tylenol,)) == (tylenol,)


def test_every_codeless_catalog_medicine_with_a_class_is_seen_by_class_rules() -> None:
    rules = load_rules(ROOT / "resources" / "rules", classes=CLASSES)
    zaltoprofen = Ingredient("", "잘토프로펜", "zaltoprofen")
    loxoprofen = Ingredient("M01AE19", "록소프로펜", "loxoprofen")
    items = [
        MedicationItem("a", "a", (zaltoprofen,)),
        MedicationItem("b", "b", (loxoprofen,)),
    ]
    found = {f.rule_id for f in evaluate(items, EvaluationContext(rules, age=70))}
    assert "class_dup.nsaid" in found
    # Without the class table the codeless NSAID is invisible: the table is what finds it.
    bare = load_rules(ROOT / "resources" / "rules")
    assert "class_dup.nsaid" not in {
        f.rule_id for f in evaluate(items, EvaluationContext(bare, age=70))
    }


def test_a_class_row_with_a_malformed_class_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "classes.csv"
    path.write_text(
        "name_en,name_ko,atc_class,class_name,source,verified\n"
        "zaltoprofen,잘토프로펜,M01,NSAID,somewhere,false\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError, match="line 2"):
        load_classes(path)


def test_a_combination_row_needs_a_source(tmp_path: Path) -> None:
    path = tmp_path / "combinations.csv"
    path.write_text(
        "code,name,component_atc,component_name_ko,component_name_en,source,verified\n"
        "N02AJ13,tramadol and paracetamol,N02AX02,트라마돌,tramadol,,true\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError, match="source"):
        load_combinations(path)


def _document(**extra: object) -> dict[str, object]:
    rule = {
        "id": "x.rule",
        "atc": ["N05BA"],
        "severity": "low",
        "reason_ko": "가",
        "reason_en": "a",
        "source": "s",
        **extra,
    }
    return {"family": "high_alert", "version": "1", "rules": [rule]}


def test_a_rule_marked_unverified_must_say_what_was_not_checked() -> None:
    with pytest.raises(RuleFileError, match="note"):
        parse_rule_document(_document(verified=False), "x.json")
    rules = parse_rule_document(_document(verified=False, note="not re-read"), "x.json")
    [info] = rules.all_infos()
    assert (info.verified, info.note) == (False, "not re-read")


def test_an_all_of_rule_needs_two_parts() -> None:
    document = {
        "family": "together",
        "version": "1",
        "rules": [
            {
                "id": "x.all",
                "all_of": [{"atc": ["B01AA"]}],
                "severity": "high",
                "reason_ko": "가",
                "reason_en": "a",
                "source": "s",
            }
        ],
    }
    with pytest.raises(RuleFileError, match="two or more"):
        parse_rule_document(document, "together.json")


def test_triple_therapy_counts_a_combination_but_not_a_combination_alone() -> None:
    rules = load_rules(ROOT / "resources" / "rules")
    warfarin = Ingredient("B01AA03", "와파린", "warfarin")
    aspirin = Ingredient("B01AC06", "아스피린", "acetylsalicylic acid")
    clopidogrel = Ingredient("B01AC04", "클로피도그렐", "clopidogrel")

    def triple(*items: MedicationItem) -> bool:
        found = evaluate(list(items), EvaluationContext(rules, age=80))
        return any(f.rule_id == "together.triple_antithrombotic" for f in found)

    # An aspirin/clopidogrel combination with warfarin is triple therapy all the same.
    assert triple(
        MedicationItem("w", "w", (warfarin,)), MedicationItem("ac", "ac", (aspirin, clopidogrel))
    )
    assert not triple(MedicationItem("w", "w", (warfarin,)), MedicationItem("a", "a", (aspirin,)))
    # A single product holding all three parts (none exists, but the rule must not rely on it).
    assert not triple(MedicationItem("x", "x", (warfarin, aspirin, clopidogrel)))
