"""Properties every evaluation must keep, whatever the inventory looks like."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from consultdesk.domain.catalog import load_classes
from consultdesk.domain.medication import Adherence, Ingredient, MedicationItem
from consultdesk.domain.rules import EvaluationContext, RiskFlag, evaluate, load_rules

ROOT = Path(__file__).resolve().parents[2]
RULES = load_rules(
    ROOT / "resources" / "rules",
    classes=load_classes(ROOT / "resources" / "catalog" / "classes.csv"),
)
# Ingredients chosen so that many rules can fire together: interactions, duplicates,
# anticholinergic scores, high-alert and older-adult rules, and some with no rule at all.
POOL = [
    Ingredient(atc)
    for atc in (
        "B01AA03",
        "M01AE01",
        "M01AE02",
        "C01DA02",
        "G04BE03",
        "J01FA09",
        "C10AA01",
        "C08CA01",
        "C08CA05",
        "C09CA03",
        "C09AA05",
        "C03DA01",
        "A12BA01",
        "N06AA09",
        "N05BA01",
        "N05BA12",
        "N02AX02",
        "N06AB06",
        "A10BB12",
        "A10AE04",
        "R06AB04",
        "N03AF01",
        "C01AA05",
        "C01BD01",
        "A02BC01",
        "B01AC04",
        "B01AC06",
        "L04AX03",
        "J01EE01",
        "M03BX02",
        "J01MA02",
        "A10BA02",
        "C10AA05",
        "S01ED01",
        # issue 11: class duplicates across ATC groups, triple therapy, CNS count, synonym
        # codes of one substance, combination and codeless ingredients
        "B01AF02",
        "B01AC24",
        "N02BA01",
        "M01AH01",
        "N05CF02",
        "N06AX21",
        "N02AA05",
        "C09DX04",
    )
] + [Ingredient("", "잘토프로펜", "zaltoprofen"), Ingredient("", "사쿠비트릴", "sacubitril")]
FORMS = ["oral", "oral", "oral", "injection", "topical", "eye", "inhaled", ""]
PRESCRIBERS = ["", "서울내과", "행복정형외과", "밝은안과", "연세가정의학과"]


@st.composite
def items(draw: st.DrawFn, min_size: int = 0) -> list[MedicationItem]:
    count = draw(st.integers(min_value=min_size, max_value=14))
    result = []
    for index in range(count):
        ingredients = draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=3, unique=True))
        result.append(
            MedicationItem(
                id=f"item-{index:02d}",
                name_as_found=f"medicine {index}",
                ingredients=tuple(ingredients),
                form=draw(st.sampled_from(FORMS)),
                regular=draw(st.booleans()),
                prescriber=draw(st.sampled_from(PRESCRIBERS)),
                adherence=draw(st.sampled_from(list(Adherence))),
                storage_problem=draw(st.booleans()),
            )
        )
    return result


def run(meds: list[MedicationItem], age: int | None = 78) -> list[RiskFlag]:
    return evaluate(meds, EvaluationContext(RULES, age=age))


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_flags_do_not_depend_on_the_order_of_the_medication_list(data: st.DataObject) -> None:
    meds = data.draw(items())
    shuffled = data.draw(st.permutations(meds))
    assert run(meds) == run(list(shuffled))


@settings(max_examples=150, deadline=None)
@given(items(), items(min_size=1), st.sampled_from([None, 60, 70, 80]))
def test_adding_a_medicine_never_removes_a_flag(
    meds: list[MedicationItem], extra: list[MedicationItem], age: int | None
) -> None:
    added = dataclasses.replace(extra[0], id="zz-added")
    before = run(meds, age)
    after = run([*meds, added], age)
    for flag in before:
        assert any(
            other.rule_id == flag.rule_id
            and other.subject == flag.subject
            and set(flag.item_ids) <= set(other.item_ids)
            for other in after
        ) or _superseded_count(flag, after), flag.key


def _superseded_count(flag: RiskFlag, after: list[RiskFlag]) -> bool:
    """A count flag gives way to a higher threshold of its own measure (5+ → 10+ medicines):
    the list still says as much, and more."""
    if not flag.rule_id.startswith("count."):
        return False
    measure = flag.rule_id.rsplit("_", 1)[0]
    return any(
        other.rule_id.startswith(measure + "_")
        and other.params.get("threshold", 0) > flag.params.get("threshold", 0)
        and set(flag.item_ids) <= set(other.item_ids)
        for other in after
    )


@settings(max_examples=100, deadline=None)
@given(items())
def test_flags_come_most_severe_first_with_unique_keys(meds: list[MedicationItem]) -> None:
    found = run(meds)
    ranks = [flag.severity.rank for flag in found]
    assert ranks == sorted(ranks)
    keys = [flag.key for flag in found]
    assert len(keys) == len(set(keys))
    assert all(flag.item_ids == tuple(sorted(flag.item_ids)) for flag in found)
    assert all(flag.kind == "medication" and flag.source for flag in found)
